package org.haochaping.scorecard;

/** What the scorecard ranks (Art. 25, 26). Records without the grouping's code are left out of it. */
public enum GroupBy {
    /** By {@code deptCode}. */
    DEPARTMENT("department"),
    /** By {@code areaCode}, as given (normalise 12-digit codes to district level first if needed). */
    DISTRICT("district"),
    /** By {@code hallCode}. */
    HALL("hall"),
    /** By {@code staffNo} (Art. 26). */
    STAFF("staff");

    private final String cliName;

    GroupBy(String cliName) {
        this.cliName = cliName;
    }

    /** The name used by {@code hcp scorecard --by}. */
    public String cliName() {
        return cliName;
    }

    /** Looks a grouping up by its {@link #cliName()}; {@code null} when there is none. */
    public static GroupBy fromCliName(String name) {
        for (GroupBy g : values()) {
            if (g.cliName.equals(name)) {
                return g;
            }
        }
        return null;
    }

    /** The record's code for this grouping; {@code null} when it has none. */
    String keyOf(Attributed record) {
        switch (this) {
            case DEPARTMENT:
                return record.deptCode();
            case DISTRICT:
                return record.areaCode();
            case HALL:
                return record.hallCode();
            default:
                return record.staffNo();
        }
    }
}
