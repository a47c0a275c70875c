package org.haochaping.transport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Header names and values as HTTP allows them, kept in case-insensitive, immutable maps. */
final class HeaderRules {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String USER_AGENT = "User-Agent";
    static final String CONTENT_TYPE = "Content-Type";
    static final String RETRY_AFTER = "Retry-After";

    private HeaderRules() {
    }

    /** Checks a header name is an HTTP token (RFC 9110 section 5.1). */
    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("header name: must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!token) {
                throw new IllegalArgumentException(
                        "header name '" + name + "': character at index " + i + " is not allowed in a header name");
            }
        }
    }

    /**
     * Checks a header value holds only visible ASCII, spaces and tabs. The message names the header but
     * never the value, which may be a credential.
     */
    static void checkValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("header " + name + ": value must not be null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c >= 0x7f) {
                throw new IllegalArgumentException(
                        "header " + name + ": character at index " + i + " of the value is not allowed "
                                + "(only visible ASCII, space and tab)");
            }
        }
    }

    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+\\s*(;.*)?");

    static boolean isMediaType(String value) {
        return MEDIA_TYPE.matcher(value).matches();
    }

    static Map<String, List<String>> newMutableMap() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    static Map<String, List<String>> immutableCopy(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = newMutableMap();
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            copy.put(entry.getKey(), Collections.unmodifiableList(new ArrayList<>(entry.getValue())));
        }
        return Collections.unmodifiableMap(copy);
    }

    static boolean isReserved(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("idempotency-key") || lower.equals("user-agent") || lower.equals("content-type")
                || lower.equals("content-length") || lower.equals("host") || lower.equals("transfer-encoding");
    }
}
