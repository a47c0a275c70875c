package org.haochaping.model;

/**
 * The certificate an evaluator identifies with under real-name evaluation (Art. 17). Codes are the
 * national {@code userPageType} values (GA/T 517 style; {@code 111} is 居民身份证). The code for a
 * 统一社会信用代码 is not published nationally; {@code 001} is this SDK's choice.
 */
public enum CertificateType {
    /** 居民身份证, checked by GB 11643. */
    RESIDENT_ID_CARD("居民身份证", "111"),
    /** 普通护照. */
    PASSPORT("普通护照", "414"),
    /** 港澳居民来往内地通行证. */
    HK_MACAO_PERMIT("港澳居民来往内地通行证", "516"),
    /** 台湾居民来往大陆通行证. */
    TAIWAN_PERMIT("台湾居民来往大陆通行证", "511"),
    /** 统一社会信用代码 of an organisation, checked by GB 32100. */
    UNIFIED_SOCIAL_CREDIT_CODE("统一社会信用代码", "001"),
    /** 其他证件. */
    OTHER("其他证件", "990");

    private final String chineseName;
    private final String nationalCode;

    CertificateType(String chineseName, String nationalCode) {
        this.chineseName = chineseName;
        this.nationalCode = nationalCode;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The national {@code userPageType} code. */
    public String nationalCode() {
        return nationalCode;
    }

    /** The type with this national code, or {@code null}. */
    public static CertificateType fromNationalCode(String code) {
        for (CertificateType t : values()) {
            if (t.nationalCode.equals(code)) {
                return t;
            }
        }
        return null;
    }
}
