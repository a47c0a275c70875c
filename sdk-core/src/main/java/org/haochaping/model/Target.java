package org.haochaping.model;

/**
 * What an evaluation is about (Art. 6): the service item (服务事项) or the service staff (服务人员).
 * Each has its own indicator table in the annex (附表).
 */
public enum Target {
    /** 服务事项: the government service item itself (Art. 6). */
    SERVICE_ITEM("服务事项"),
    /** 服务人员: the window staff who served the evaluator (Art. 6). */
    SERVICE_STAFF("服务人员");

    private final String chineseName;

    Target(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
