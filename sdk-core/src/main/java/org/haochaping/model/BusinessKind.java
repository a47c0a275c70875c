package org.haochaping.model;

/** The kind of business a case is (业务类型), as the national {@code serviceName} names it; Art. 15 treats queries apart. */
public enum BusinessKind {
    /** 申报: an application for a service item. */
    APPLICATION("申报"),
    /** 查询咨询: a query or consultation (Art. 15). */
    QUERY_CONSULTATION("查询咨询"),
    /** 补正: supplying missing material. */
    SUPPLEMENT("补正"),
    /** 缴费: paying a fee. */
    PAYMENT("缴费"),
    /** 签收: collecting a result. */
    COLLECTION("签收");

    private final String chineseName;

    BusinessKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
