package org.haochaping.wire;

import com.fasterxml.jackson.databind.JsonNode;
import org.haochaping.rules.Violation;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads typed fields from one JSON object, recording a violation (never an exception) for each field of the wrong
 * type or format, and remembering which fields were read so that unknown ones can be reported.
 */
final class FieldReader {

    static final String WIRE = "Art. 5";

    private final JsonNode node;
    private final String prefix;
    private final List<Violation> violations;
    private final Set<String> read = new HashSet<>();

    private final boolean numbersAsText;

    /**
     * @param numbersAsText whether a JSON integer is read as its text where a string is expected (the national style:
     *     provinces send codes as numbers); the unified profile is strict
     */
    FieldReader(JsonNode node, String prefix, List<Violation> violations, boolean numbersAsText) {
        this.node = node;
        this.prefix = prefix;
        this.violations = violations;
        this.numbersAsText = numbersAsText;
    }

    String path(String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    void violation(String field, String message) {
        violations.add(new Violation(path(field), WIRE, message));
    }

    void violation(String field, String rule, String message) {
        violations.add(new Violation(path(field), rule, message));
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** Whether {@link #integer} would return a value, without reading the field or recording a violation. */
    boolean hasInteger(String field) {
        JsonNode v = node.get(field);
        return v != null && (v.isIntegralNumber() && v.canConvertToInt()
                || numbersAsText && v.isTextual() && v.textValue().matches("-?[0-9]{1,9}"));
    }

    /** Whether {@link #string} would return a value, without reading the field or recording a violation. */
    boolean hasString(String field) {
        JsonNode v = node.get(field);
        return v != null && (v.isTextual() || numbersAsText && v.isIntegralNumber());
    }

    JsonNode raw(String field) {
        read.add(field);
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    /** A string; integers too, as their text, when this reader takes numbers as text. */
    String string(String field) {
        JsonNode v = raw(field);
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (numbersAsText && v.isIntegralNumber()) {
            return v.asText();
        }
        violation(field, "must be a string");
        return null;
    }

    /** An integer, given as a JSON number or a string of digits. */
    Integer integer(String field) {
        JsonNode v = raw(field);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (numbersAsText && v.isTextual() && v.textValue().matches("-?[0-9]{1,9}")) {
            return Integer.valueOf(v.textValue());
        }
        violation(field, "must be an integer");
        return null;
    }

    Boolean bool(String field) {
        JsonNode v = raw(field);
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        violation(field, "must be true or false");
        return null;
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String s = string(field);
        if (s == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        violation(field, "is not one of " + names(type));
        return null;
    }

    /** ISO-8601 with an offset, e.g. {@code 2026-11-26T10:15:30+08:00}. */
    OffsetDateTime isoDateTime(String field) {
        String s = string(field);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            violation(field, "must be an ISO-8601 date-time with offset, e.g. 2026-11-26T10:15:30+08:00");
            return null;
        }
    }

    /** A local date-time in the given zone and pattern, e.g. {@code yyyy-MM-dd HH:mm:ss} in Asia/Shanghai. */
    OffsetDateTime localDateTime(String field, DateTimeFormatter format, ZoneId zone, String example) {
        String s = string(field);
        if (s == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(s, format).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            violation(field, "must be a date-time like " + example);
            return null;
        }
    }

    List<String> stringList(String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = raw(field);
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            violation(field, "must be an array of strings");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (item.isTextual()) {
                out.add(item.textValue());
            } else {
                violation(field + "[" + i + "]", "must be a string");
            }
        }
        return out;
    }

    /** A nested object, or {@code null} (with a violation if present but not an object). */
    JsonNode object(String field) {
        JsonNode v = raw(field);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            violation(field, "must be an object");
            return null;
        }
        return v;
    }

    /** Reports every field of the object that was never read. */
    void rejectUnknown() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                violation(name, "is not a field of this object");
            }
        }
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        StringBuilder sb = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.name());
        }
        return sb.toString();
    }
}
