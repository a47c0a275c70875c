package org.haochaping.conformance.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Sm3;
import org.haochaping.crypto.request.CanonicalMessage;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.SignatureHeaders;

/**
 * What the kit shows when a request's signature does not verify (docs/interface-spec.md 4, "Diagnostics in
 * conformance runs"): the canonical string the platform built from the request as received, the SM3 of the body
 * and, when the client sent its own canonical string (Base64) in {@value #DEBUG_HEADER}, the first line that
 * differs. The canonical string holds no secret; the header is for conformance runs only and is ignored by the
 * signature check.
 */
final class SignatureDiagnostics {

    /** The client's own canonical string, standard Base64 of its UTF-8 bytes; conformance runs only. */
    static final String DEBUG_HEADER = "X-Hcp-Debug-Canonical";

    private static final String[] LINES = {"scheme-algorithm", "direction", "method", "canonical path",
        "canonical query", "app id", "key id", "timestamp", "nonce", "body digest"};

    private SignatureDiagnostics() {
    }

    /** The diagnostics of a request whose signature did not verify. */
    static String of(SimRequest r) {
        StringBuilder out = new StringBuilder();
        String platform = null;
        try {
            long ts = Long.parseLong(String.valueOf(r.header(SignatureHeaders.TIMESTAMP)));
            platform = CanonicalMessage.builder().algorithm(r.header(SignatureHeaders.ALGORITHM))
                    .direction(MessageDirection.REQUEST).method(r.method).path(r.path).query(r.query)
                    .appId(r.header(SignatureHeaders.APP_ID)).keyId(r.header(SignatureHeaders.KEY_ID)).timestamp(ts)
                    .nonce(r.header(SignatureHeaders.NONCE)).body(r.body).build().text();
            out.append("canonical string the platform built (lines joined by \\n):\n").append(platform);
        } catch (CryptoException | IllegalArgumentException e) {
            out.append("no canonical string can be built from the headers: ").append(e.getMessage());
        }
        out.append("\nSM3 of the body as received (").append(r.body.length).append(" bytes): ").append(Sm3.hex(r.body));
        String debug = r.header(DEBUG_HEADER);
        if (debug == null) {
            out.append("\n(send your canonical string, Base64, in ").append(DEBUG_HEADER)
                    .append(" to see the first line that differs)");
        } else if (platform != null) {
            out.append('\n').append(firstDifference(platform, debug));
        }
        return out.toString();
    }

    private static String firstDifference(String platform, String debugHeader) {
        String client;
        try {
            client = new String(Base64.getDecoder().decode(debugHeader), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return DEBUG_HEADER + " is not standard Base64";
        }
        String[] p = platform.split("\n", -1);
        String[] c = client.split("\n", -1);
        for (int i = 0; i < Math.max(p.length, c.length); i++) {
            String pl = i < p.length ? p[i] : null;
            String cl = i < c.length ? c[i] : null;
            if (pl == null || !pl.equals(cl)) {
                String name = i < LINES.length ? LINES[i] : "extra";
                return "first differing line: " + (i + 1) + " (" + name + "): platform " + quote(pl) + ", client "
                        + quote(cl);
            }
        }
        return "the client's canonical string equals the platform's: the signature itself is wrong (key, signer ID "
                + "1234567812345678, SM3 digest, DER encoding, Base64)";
    }

    private static String quote(String line) {
        return line == null ? "(no such line)" : "'" + line + "'";
    }
}
