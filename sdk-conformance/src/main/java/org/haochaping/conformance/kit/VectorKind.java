package org.haochaping.conformance.kit;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of vector file the kit ships, told apart by the file's {@code algorithm} field. */
public enum VectorKind {
    /** {@code payload_validity_*.json}: evaluation payloads a receiver accepts or refuses (Art. 5-17, 22). */
    PAYLOAD_VALIDITY("payload-validity"),
    /** {@code sm2_sm3_verify_test.json}: SM2-with-SM3 signature verification (GB/T 32918.2, GM/T 0009). */
    SM2_VERIFY("SM2-SM3"),
    /** {@code sm4_test.json}: SM4 field encryption in GCM, CBC and ECB. */
    SM4("SM4"),
    /** {@code hmac_sm3_test.json}: HMAC-SM3 tags. */
    HMAC_SM3("HMAC-SM3"),
    /** {@code request_signing_test.json}: canonical string, body digest and signature of the unified profile. */
    REQUEST_SIGNING("request-signing"),
    /** {@code receipt_code_test.json}: dynamic receipt codes, valid with their fields or refused with a reason. */
    RECEIPT_CODE("receipt-code"),
    /** {@code working_days_test.json}: working days and the deadlines of Art. 16, 20 and 21. */
    WORKING_DAYS("working-days"),
    /** {@code scorecard_test.json}: statistics records and the figures of Art. 23-24. */
    SCORECARD("scorecard"),
    /** {@code art16_tracker_test.json}: the reminders and 未评 marks of Art. 16 due at an instant. */
    ART16_TRACKER("art16-tracker");

    private final String algorithm;

    VectorKind(String algorithm) {
        this.algorithm = algorithm;
    }

    /** The value of the {@code algorithm} field in files of this kind. */
    public String algorithm() {
        return algorithm;
    }

    static VectorKind ofAlgorithm(String file, String algorithm) {
        for (VectorKind kind : values()) {
            if (kind.algorithm.equals(algorithm)) {
                return kind;
            }
        }
        throw new VectorFileException(file + ": unknown algorithm '" + algorithm + "' (known: "
                + Arrays.stream(values()).map(VectorKind::algorithm).collect(Collectors.joining(", ")) + ")");
    }
}
