package org.haochaping.badreview;

/** Who may act on a work order; each event names the roles its article gives it to. */
public enum ActorRole {
    /** The 好差评 system: creates work orders and sends city-level ones straight to the department (Art. 18). */
    SYSTEM("好差评系统"),
    /** A district government, which sends work orders on to its district departments (Art. 18). */
    DISTRICT_GOVERNMENT("区人民政府"),
    /** The handling department (承办部门): verifies, classifies, rectifies, may apply for a review (Art. 19–21). */
    HANDLING_DEPARTMENT("承办部门"),
    /** The office that decides reviews and supervises bad reviews (政务服务办, Art. 5, 21). */
    REVIEWER("复核部门"),
    /** The 12345 hotline, which follows up rectified work orders (Art. 22). */
    HOTLINE_12345("12345政务服务便民热线");

    private final String chineseName;

    ActorRole(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
