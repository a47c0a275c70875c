package org.haochaping.transport;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides which header values may appear in logs. Credentials, signatures, tokens and cookies never do:
 * a header whose lower-case name contains one of the sensitive fragments, or that was named explicitly,
 * is shown as {@code <redacted>}.
 */
final class HeaderRedactor {

    static final String REDACTED = "<redacted>";

    private static final List<String> SENSITIVE_FRAGMENTS = Collections.unmodifiableList(Arrays.asList(
            "authorization", "cookie", "sign", "token", "secret", "password", "passwd", "credential",
            "apikey", "api-key", "appword", "app-word", "session", "cert"));

    private final Set<String> extraNames;

    HeaderRedactor(Set<String> extraNames) {
        Set<String> lower = new HashSet<>();
        for (String name : extraNames) {
            lower.add(name.toLowerCase(Locale.ROOT));
        }
        this.extraNames = Collections.unmodifiableSet(lower);
    }

    boolean isSensitive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (extraNames.contains(lower)) {
            return true;
        }
        for (String fragment : SENSITIVE_FRAGMENTS) {
            if (lower.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    /** Renders headers for a log line, sensitive values replaced. */
    String describe(Map<String, List<String>> headers) {
        StringBuilder text = new StringBuilder("{");
        Iterator<Map.Entry<String, List<String>>> entries = headers.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, List<String>> entry = entries.next();
            text.append(entry.getKey()).append('=');
            if (isSensitive(entry.getKey())) {
                text.append(REDACTED);
            } else {
                List<String> values = entry.getValue();
                text.append(values.size() == 1 ? values.get(0) : values.toString());
            }
            if (entries.hasNext()) {
                text.append(", ");
            }
        }
        return text.append('}').toString();
    }
}
