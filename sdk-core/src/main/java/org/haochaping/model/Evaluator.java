package org.haochaping.model;

import org.haochaping.privacy.Mask;

import java.util.Objects;

/**
 * The evaluator (评价主体, Art. 2) under real-name evaluation (实名制, Art. 17): kind, name, certificate and
 * mobile. These are personal data: {@link #toString()} shows them masked, and the SDK never puts them in a
 * log line or an exception message (Art. 17: 严格保护评价主体信息).
 */
public final class Evaluator {

    private final EvaluatorKind kind;
    private final String name;
    private final CertificateType certificateType;
    private final String certificateNumber;
    private final String mobile;

    private Evaluator(Builder b) {
        this.kind = b.kind;
        this.name = b.name;
        this.certificateType = b.certificateType;
        this.certificateNumber = b.certificateNumber;
        this.mobile = b.mobile;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().kind(kind).name(name).certificate(certificateType, certificateNumber).mobile(mobile);
    }

    public EvaluatorKind kind() {
        return kind;
    }

    /** The evaluator's name (personal data). */
    public String name() {
        return name;
    }

    public CertificateType certificateType() {
        return certificateType;
    }

    /** The certificate number (personal data). */
    public String certificateNumber() {
        return certificateNumber;
    }

    /** The mobile number (personal data), or {@code null}. */
    public String mobile() {
        return mobile;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Evaluator)) {
            return false;
        }
        Evaluator e = (Evaluator) o;
        return kind == e.kind && Objects.equals(name, e.name) && certificateType == e.certificateType
                && Objects.equals(certificateNumber, e.certificateNumber) && Objects.equals(mobile, e.mobile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, name, certificateType, certificateNumber, mobile);
    }

    /** Masked: {@code Evaluator{NATURAL_PERSON, 张**, RESIDENT_ID_CARD 110***********123X, 138****5678}}. */
    @Override
    public String toString() {
        return "Evaluator{" + kind + ", " + Mask.name(name) + ", " + certificateType + " "
                + Mask.certificateNumber(certificateNumber) + ", " + Mask.mobile(mobile) + "}";
    }

    public static final class Builder {
        private EvaluatorKind kind = EvaluatorKind.NATURAL_PERSON;
        private String name;
        private CertificateType certificateType;
        private String certificateNumber;
        private String mobile;

        private Builder() {
        }

        public Builder kind(EvaluatorKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder certificate(CertificateType type, String number) {
            this.certificateType = type;
            this.certificateNumber = number;
            return this;
        }

        public Builder mobile(String mobile) {
            this.mobile = mobile;
            return this;
        }

        /** Builds the value; check it with {@code EvaluationPolicy} (Art. 17 rules) before use. */
        public Evaluator build() {
            return new Evaluator(this);
        }
    }
}
