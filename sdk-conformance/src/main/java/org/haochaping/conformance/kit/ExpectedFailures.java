package org.haochaping.conformance.kit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cases an implementation knowingly deviates from, each with a reason: one {@code file#tcId reason} a line
 * (blank lines and lines starting with {@code #} are ignored). Listed cases that fail are reported as expected
 * deviations, not failures.
 */
public final class ExpectedFailures {

    private static final Pattern LINE = Pattern.compile("(\\S+\\.json)#(\\d+)\\s+(\\S.*)");

    private final Map<String, String> reasons;

    private ExpectedFailures(Map<String, String> reasons) {
        this.reasons = Collections.unmodifiableMap(reasons);
    }

    public static ExpectedFailures none() {
        return new ExpectedFailures(new LinkedHashMap<>());
    }

    /**
     * Parses the lines of an expected-failures file.
     *
     * @throws IllegalArgumentException naming the first line that is not {@code file#tcId reason}, or a duplicate
     */
    public static ExpectedFailures parse(List<String> lines) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("line " + (i + 1)
                        + ": expected 'file.json#tcId reason', e.g. 'sm4_test.json#7 no CBC support'");
            }
            String key = m.group(1) + "#" + Integer.parseInt(m.group(2));
            if (reasons.put(key, m.group(3).strip()) != null) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + key + " is listed twice");
            }
        }
        return new ExpectedFailures(reasons);
    }

    /** Why the case is expected to fail, if it is listed. */
    public Optional<String> reason(VectorCase c) {
        return Optional.ofNullable(reasons.get(c.id()));
    }

    /** The listed {@code file#tcId} keys. */
    public Set<String> keys() {
        return reasons.keySet();
    }
}
