package org.haochaping.conformance.simulator;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.sign.Sm2Signer;

/**
 * Responses a client must not believe (fault injection): signed with a key that is not the platform's, under the
 * platform's key id, or with one byte of the signed body altered. The request behind them was processed normally.
 */
final class ResponseTampering {

    private final MessageSigner wrongSigner;

    ResponseTampering(Clock clock, String platformKeyId) {
        this.wrongSigner = MessageSigner.builder(Sm2Signer.builder(PrivateKeyMaterial.generateSm2())
                .keyId(platformKeyId).build()).clock(clock).build();
    }

    /** The same response, its signature headers replaced by a signature under a stranger's key. */
    SimResponse signedWithWrongKey(SimRequest r, SimResponse s) {
        Map<String, String> headers = new LinkedHashMap<>(s.headers);
        headers.putAll(wrongSigner.signResponse(s.sender == null ? PlatformHttp.NO_APP : s.sender, r.method, r.path,
                r.query, r.header(org.haochaping.crypto.request.SignatureHeaders.NONCE), r.body, s.body).asMap());
        return new SimResponse(s.status, headers, s.body, s.code, s.message, s.sender, s.idempotentReplay, s.counted);
    }

    /** The same response with its last digit changed (the body stays JSON, the signature no longer covers it). */
    static SimResponse alterOneByte(SimResponse s) {
        byte[] body = s.body.clone();
        for (int i = body.length - 1; i >= 0; i--) {
            if (body[i] >= '0' && body[i] <= '9') {
                body[i] = (byte) (body[i] == '9' ? '0' : body[i] + 1);
                return s.withBody(body);
            }
        }
        if (body.length > 0) {
            body[body.length - 1] ^= 0x01;
        }
        return s.withBody(body);
    }
}
