package org.haochaping.crypto.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.haochaping.InternalApi;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Sm3;
import org.haochaping.crypto.sign.KeyIds;

/**
 * The canonical string of the unified signing profile: the exact bytes that are signed. Ten lines joined
 * by {@code \n} (no trailing newline), all ASCII:
 * <pre>
 * HCP1-{algorithm}         e.g. HCP1-SM2-SM3: binds the algorithm, so it cannot be swapped
 * {direction}              REQUEST or RESPONSE
 * {method}                 upper case; for a response, the method of the request it answers
 * {canonical path}         each segment percent-decoded to bytes, then encoded per RFC 3986
 * {canonical query}        name=value (or name) parts, RFC 3986 encoded, stably sorted by name, joined by &amp;
 * {app id}
 * {key id}
 * {timestamp}              Unix seconds
 * {nonce}
 * {SM3 of body}            64 lowercase hex characters; SM3 of the empty string for no body
 * </pre>
 * A response has two more lines that bind it to the one request it answers, so that no other answer of the
 * platform can be substituted for it:
 * <pre>
 * {request nonce}          the X-Hcp-Nonce of the request answered (empty if it had no well-formed one)
 * {SM3 of request body}    64 lowercase hex characters, of the request's body bytes as received
 * </pre>
 * RFC 3986 encoding keeps {@code A-Z a-z 0-9 - . _ ~} and writes every other UTF-8 byte as {@code %XX}
 * (upper-case hex). The mapping is injective: two requests that a server could tell apart never share a
 * canonical string (invalid UTF-8 escapes keep their bytes, a query's {@code +} stays apart from {@code %2B},
 * {@code flag} from {@code flag=}, and same-name parameters keep their order).
 * Documented with a worked example in {@code docs/interface-spec.md}, section "Request signing".
 */
@InternalApi
public final class CanonicalMessage {

    /** The scheme and version prefix of the first line. */
    public static final String SCHEME = "HCP1";

    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_\\-]{16,64}");
    private static final Pattern ALGORITHM = Pattern.compile("[A-Z0-9\\-]{1,32}");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String text;

    private CanonicalMessage(String text) {
        this.text = text;
    }

    /**
     * The canonical string. It carries the query, which may hold personal data: compare it, do not log it
     * ({@link #toString()} is safe to log).
     */
    public String text() {
        return text;
    }

    /** The canonical string as the UTF-8 (here: ASCII) bytes that are signed. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The scheme line and a short SM3 of the text: enough to compare with the other side in a log. */
    @Override
    public String toString() {
        return "CanonicalMessage[" + text.substring(0, text.indexOf('\n')) + ", sm3 " + Sm3.hex(text).substring(0, 16) + "]";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Checks a nonce against the profile's rule: 16 to 64 characters of A-Z a-z 0-9 _ -. */
    public static boolean isValidNonce(String nonce) {
        return nonce != null && NONCE.matcher(nonce).matches();
    }

    /**
     * The canonical form of an encoded path ({@code null} or empty means {@code /}): each segment's bytes,
     * percent-decoded, are written again with unreserved characters as themselves and every other byte as
     * {@code %XX}. Byte-exact: escapes that are not UTF-8 ({@code %FF}, {@code %80}) keep their byte, so two
     * different paths never share a canonical form.
     */
    public static String canonicalPath(String encodedPath) {
        if (encodedPath == null || encodedPath.isEmpty()) {
            return "/";
        }
        if (encodedPath.charAt(0) != '/') {
            throw malformed("path must start with '/'");
        }
        StringBuilder out = new StringBuilder(encodedPath.length() + 8);
        int start = 1;
        out.append('/');
        while (true) {
            int slash = encodedPath.indexOf('/', start);
            String segment = slash < 0 ? encodedPath.substring(start) : encodedPath.substring(start, slash);
            appendEncoded(out, decode(segment, "path", false));
            if (slash < 0) {
                break;
            }
            out.append('/');
            start = slash + 1;
        }
        return out.toString();
    }

    /**
     * The canonical form of an encoded query string without {@code ?} ({@code null} or empty for none). Empty
     * parts are dropped; each name and value is normalised like a path segment, except that a literal {@code +}
     * stays {@code +} (servers that read it as a space must not share a form with {@code %2B}); a part without
     * {@code =} stays without it ({@code flag} is not {@code flag=}). Parts are sorted by name in byte order and
     * parts with the same name keep their order, which servers give meaning to.
     */
    public static String canonicalQuery(String encodedQuery) {
        if (encodedQuery == null || encodedQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<String[]>();
        for (String part : encodedQuery.split("&", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            StringBuilder name = new StringBuilder(part.length() + 8);
            appendEncoded(name, decode(eq < 0 ? part : part.substring(0, eq), "query", true));
            String pair;
            if (eq < 0) {
                pair = name.toString();
            } else {
                StringBuilder value = new StringBuilder(part.length() + 8);
                appendEncoded(value, decode(part.substring(eq + 1), "query", true));
                pair = name + "=" + value;
            }
            pairs.add(new String[] {name.toString(), pair});
        }
        // a stable sort: same-name parts keep their order
        Collections.sort(pairs, (a, b) -> a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder(encodedQuery.length() + 8);
        for (String[] pair : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[1]);
        }
        return out.toString();
    }

    /** RFC 3986 percent-encoding of the UTF-8 bytes of {@code s}, unreserved characters kept. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        appendEncoded(out, utf8(s, "text"));
        return out.toString();
    }

    /** Marks a literal {@code +} of a query among decoded bytes; never produced by decoding a byte. */
    private static final int LITERAL_PLUS = 0x100;

    private static void appendEncoded(StringBuilder out, int[] bytes) {
        for (int c : bytes) {
            if (c == LITERAL_PLUS) {
                out.append('+');
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
    }

    /**
     * Percent-decoding to bytes (0-255); other characters contribute their UTF-8 bytes, code point by code point.
     * In a query, a literal {@code +} is kept apart as {@link #LITERAL_PLUS}.
     */
    private static int[] decode(String s, String where, boolean query) {
        int[] out = new int[s.length() * 4];
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw malformed(where + " has a truncated percent escape");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0 || s.charAt(i + 1) > 0x7f || s.charAt(i + 2) > 0x7f) {
                    throw malformed(where + " has an invalid percent escape");
                }
                out[n++] = (hi << 4) | lo;
                i += 3;
            } else if (c == '+' && query) {
                out[n++] = LITERAL_PLUS;
                i++;
            } else if (c < 0x80) {
                out[n++] = c;
                i++;
            } else {
                int cp = s.codePointAt(i);
                if (Character.isSurrogate(c) && Character.charCount(cp) == 1) {
                    throw malformed(where + " has an unpaired surrogate (not Unicode text)");
                }
                for (int b : utf8(new String(Character.toChars(cp)), where)) {
                    out[n++] = b;
                }
                i += Character.charCount(cp);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int[] utf8(String s, String where) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw malformed(where + " has an unpaired surrogate (not Unicode text)");
            }
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xff;
        }
        return out;
    }

    private static CryptoException malformed(String message) {
        return new CryptoException(CryptoException.Reason.MALFORMED, message);
    }

    /** Collects the parts of a canonical string and checks each against the profile. */
    public static final class Builder {
        private String algorithm;
        private MessageDirection direction;
        private String method;
        private String path;
        private String query;
        private String appId;
        private String keyId;
        private long timestamp = -1;
        private String nonce;
        private String bodyDigest;
        private String requestNonce;
        private String requestBodyDigest;

        private Builder() {
        }

        /**
         * For a {@code RESPONSE}: the request it answers, by its nonce ({@code null} or empty when the request had no
         * well-formed one) and its body bytes ({@code null} or empty for none). Required for responses, refused for
         * requests.
         */
        public Builder answering(String requestNonce, byte[] requestBody) {
            this.requestNonce = requestNonce == null ? "" : requestNonce;
            this.requestBodyDigest = Sm3.hex(requestBody == null ? new byte[0] : requestBody);
            return this;
        }

        /** The signature algorithm's wire name, e.g. {@code SM2-SM3}. */
        public Builder algorithm(String algorithm) {
            this.algorithm = algorithm;
            return this;
        }

        public Builder direction(MessageDirection direction) {
            this.direction = direction;
            return this;
        }

        /** The HTTP method (of the request, also for a response). */
        public Builder method(String method) {
            this.method = method;
            return this;
        }

        /** The encoded path as sent on the wire (of the request, also for a response). */
        public Builder path(String encodedPath) {
            this.path = encodedPath;
            return this;
        }

        /** The encoded query without {@code ?}, or {@code null}. */
        public Builder query(String encodedQuery) {
            this.query = encodedQuery;
            return this;
        }

        public Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        /** Unix seconds. */
        public Builder timestamp(long epochSeconds) {
            this.timestamp = epochSeconds;
            return this;
        }

        public Builder nonce(String nonce) {
            this.nonce = nonce;
            return this;
        }

        /** The body bytes ({@code null} or empty for none); only their SM3 digest enters the string. */
        public Builder body(byte[] body) {
            this.bodyDigest = Sm3.hex(body == null ? new byte[0] : body);
            return this;
        }

        public CanonicalMessage build() {
            if (algorithm == null || !ALGORITHM.matcher(algorithm).matches()) {
                throw malformed("algorithm must be a wire name such as SM2-SM3");
            }
            if (direction == null) {
                throw malformed("direction is missing");
            }
            if (method == null || !METHOD.matcher(method).matches()) {
                throw malformed("method must be an upper-case HTTP method");
            }
            if (!KeyIds.isValid(appId)) {
                throw malformed("app id must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
            }
            if (!KeyIds.isValid(keyId)) {
                throw malformed("key id must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
            }
            if (timestamp < 0) {
                throw malformed("timestamp must be non-negative Unix seconds");
            }
            if (!isValidNonce(nonce)) {
                throw malformed("nonce must be 16 to 64 characters of A-Z a-z 0-9 _ -");
            }
            if (direction == MessageDirection.RESPONSE && requestBodyDigest == null) {
                throw new IllegalArgumentException("a response is bound to its request: answering(requestNonce, requestBody)");
            }
            if (direction == MessageDirection.REQUEST && requestBodyDigest != null) {
                throw new IllegalArgumentException("answering(...) is for responses only");
            }
            if (requestNonce != null && !requestNonce.isEmpty() && !isValidNonce(requestNonce)) {
                throw malformed("the request nonce must be 16 to 64 characters of A-Z a-z 0-9 _ -, or empty");
            }
            String digest = bodyDigest != null ? bodyDigest : Sm3.hex(new byte[0]);
            String text = SCHEME + '-' + algorithm + '\n'
                    + direction.name() + '\n'
                    + method + '\n'
                    + canonicalPath(path) + '\n'
                    + canonicalQuery(query) + '\n'
                    + appId + '\n'
                    + keyId + '\n'
                    + timestamp + '\n'
                    + nonce + '\n'
                    + digest
                    + (direction == MessageDirection.RESPONSE ? '\n' + requestNonce + '\n' + requestBodyDigest : "");
            return new CanonicalMessage(text);
        }
    }
}
