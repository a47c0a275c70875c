package org.haochaping.qrcode;

/** The receipt code's signature does not verify: forged, altered, or signed by a key the verifier does not know. */
public final class BadSignatureException extends InvalidCodeException {

    private static final long serialVersionUID = 1L;

    private final String keyId;

    BadSignatureException(String keyId, String algorithm) {
        super("receipt code signature does not verify under key '" + keyId + "' with " + algorithm
                + " (the issuing system signs each dynamic code, Art. 10(二))");
        this.keyId = keyId;
    }

    /** The key id the code names. */
    public String keyId() {
        return keyId;
    }

    @Override
    public Reason reason() {
        return Reason.BAD_SIGNATURE;
    }
}
