package org.haochaping.crypto.envelope;

/**
 * What the envelope's {@code sign} covers. The national report style seen in the field encrypts
 * {@code time + appMark + appWord} only, so whoever captures an envelope can attach records of their own to its
 * {@code sign}; this SDK binds the records too unless the platform cannot check that. Sealer and opener must agree.
 */
public enum EnvelopeSign {
    /**
     * {@code time + appMark + appWord + hex(SM3(records))}: the lower-case hex SM3 of the UTF-8 JSON array in
     * {@code params.data} is appended, so the records cannot be exchanged. The default.
     */
    DATA_BOUND,
    /**
     * {@code time + appMark + appWord}, as the national style writes it: for platforms that check exactly that
     * text. The records are not covered; only TLS keeps them from being exchanged in transit.
     */
    TIME_AND_APP
}
