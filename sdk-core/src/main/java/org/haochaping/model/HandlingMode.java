package org.haochaping.model;

/** How a case is handled (办理方式); decides what may be evaluated (Art. 6, 11). */
public enum HandlingMode {
    /** 全程网办: wholly online: the service item only, once after completion (Art. 6, 11). */
    FULLY_ONLINE("全程网办"),
    /** 窗口办理: at a hall window: staff per visit, item after completion (Art. 6, 11). */
    WINDOW("窗口办理"),
    /** 线上线下结合: partly online, partly at a window: as a window case (Art. 11). */
    ONLINE_AND_OFFLINE("线上线下结合"),
    /** 自助终端: at a self-service terminal: the item only, once after completion (Art. 11). */
    SELF_SERVICE("自助终端");

    private final String chineseName;

    HandlingMode(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
