package org.haochaping.qrcode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Reads a code's own query parameters from scanned text; they are always the last ones:
 * {@code <page URL> ("?" | "&") name=value ("&" name=value)*}. The page URL itself is not checked.
 */
final class CodeText {

    /** Query parameter names the codes use; a page URL must not use them itself. */
    static final String[] RESERVED_NAMES = {"a", "h", "w", "d", "r"};

    private final List<String> values;

    private CodeText(List<String> values) {
        this.values = values;
    }

    /**
     * Reads the trailing parameters named {@code names}, in that order, from scanned text.
     *
     * @throws MalformedCodeException if the text is not an http(s) link ending in exactly those parameters
     */
    static CodeText parse(String text, String... names) {
        if (text == null || !(text.startsWith("https://") || text.startsWith("http://"))) {
            throw new MalformedCodeException("text", "is not an http(s) link");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7F || c == '#') {
                throw new MalformedCodeException("text", "has a space, fragment or non-ASCII character at position " + i);
            }
        }
        int query = text.indexOf('?');
        if (query < 0) {
            throw new MalformedCodeException("text", "has no query parameters");
        }
        List<String> parameters = Arrays.asList(text.substring(query + 1).split("&", -1));
        if (parameters.size() < names.length) {
            throw new MalformedCodeException("text", "does not end in the parameters " + String.join(", ", names));
        }
        int first = parameters.size() - names.length;
        List<String> values = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            String parameter = parameters.get(first + i);
            String prefix = names[i] + "=";
            if (!parameter.startsWith(prefix)) {
                throw new MalformedCodeException("text", "does not end in the parameters " + String.join(", ", names));
            }
            values.add(parameter.substring(prefix.length()));
        }
        return new CodeText(Collections.unmodifiableList(values));
    }

    /** Whether the text's last parameter is {@code name}. */
    static boolean endsWithParameter(String text, String name) {
        int last = Math.max(text.lastIndexOf('?'), text.lastIndexOf('&'));
        return last >= 0 && text.startsWith(name + "=", last + 1);
    }

    String value(int index) {
        return values.get(index);
    }
}
