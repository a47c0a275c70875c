package org.haochaping.model;

/**
 * Who evaluates (评价主体, Art. 2): natural persons, legal persons and other organisations. Codes follow the
 * national report's {@code userProp}.
 */
public enum EvaluatorKind {
    /** 自然人. */
    NATURAL_PERSON("自然人", 1),
    /** 企业法人. */
    ENTERPRISE_LEGAL_PERSON("企业法人", 2),
    /** 事业法人. */
    PUBLIC_INSTITUTION("事业法人", 3),
    /** 社会组织法人. */
    SOCIAL_ORGANIZATION("社会组织法人", 4),
    /** 非法人企业. */
    UNINCORPORATED_ENTERPRISE("非法人企业", 5),
    /** 行政机关. */
    ADMINISTRATIVE_ORGAN("行政机关", 6),
    /** 其他组织. */
    OTHER_ORGANIZATION("其他组织", 9);

    private final String chineseName;
    private final int nationalCode;

    EvaluatorKind(String chineseName, int nationalCode) {
        this.chineseName = chineseName;
        this.nationalCode = nationalCode;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The national {@code userProp} code. */
    public int nationalCode() {
        return nationalCode;
    }

    /** The kind with this national {@code userProp} code, or {@code null}. */
    public static EvaluatorKind fromNationalCode(int code) {
        for (EvaluatorKind k : values()) {
            if (k.nationalCode == code) {
                return k;
            }
        }
        return null;
    }
}
