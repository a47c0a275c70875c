package org.haochaping.conformance.kit;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The state × action × role table of docs/interface-spec.md 5.5 is the one the state machine produces. */
class WorkOrderStateTableTest {

    private static final Path SPEC = Path.of("..", "docs", "interface-spec.md");

    @Test
    void theSpecShowsTheTableTheStateMachineProduces() throws Exception {
        String table = WorkOrderStateTable.markdown();
        String doc = Files.readString(SPEC);
        int begin = doc.indexOf(WorkOrderStateTable.BEGIN);
        int end = doc.indexOf(WorkOrderStateTable.END);
        if (Boolean.getBoolean("hcp.regenerate") && begin >= 0 && end > begin) {
            doc = doc.substring(0, begin) + table + doc.substring(end + WorkOrderStateTable.END.length());
            Files.writeString(SPEC, doc);
        }
        assertThat(doc).as("docs/interface-spec.md 5.5: regenerate with -Dhcp.regenerate=true").contains(table);
    }

    @Test
    void theTableStatesWhatIntegratorsHadToFindOutByRefusals() {
        String table = WorkOrderStateTable.markdown();
        // an appeal is open until rectified (Art. 21); dismissal needs a verify first; the call-back is optional
        assertThat(row(table, "CLASSIFIED")).contains("`APPLY_FOR_REVIEW` by `HANDLING_DEPARTMENT` → `UNDER_REVIEW`")
                .contains("`START_RECTIFICATION` by `HANDLING_DEPARTMENT`");
        assertThat(row(table, "RECTIFIED")).doesNotContain("APPLY_FOR_REVIEW");
        // a VALID verdict returns the order to the state it was appealed from (VERIFIED when appealed on receipt)
        assertThat(row(table, "UNDER_REVIEW")).contains("`DECIDE_REVIEW` by `REVIEWER` → `VERIFIED` or `CLASSIFIED` or "
                + "`RECTIFYING` or `INVALIDATED`");
        // Art. 18: a district order is dispatched by the district government, not by the system
        assertThat(row(table, "CREATED")).doesNotContain("`SYSTEM`");
        assertThat(row(table, "DISPATCHED")).doesNotContain("DISMISS").contains("`APPLY_FOR_REVIEW` by `HANDLING_DEPARTMENT`");
        assertThat(row(table, "VERIFIED")).contains("`DISMISS` by `HANDLING_DEPARTMENT` → `DISMISSED`");
        assertThat(row(table, "CREATED")).contains("`DISPATCH` by `DISTRICT_GOVERNMENT` → `DISPATCHED`");
        assertThat(row(table, "FOLLOWED_UP")).contains("nothing: final");
        assertThat(table).doesNotContain("(not reached)");
    }

    private static String row(String table, String state) {
        return table.lines().filter(l -> l.startsWith("| `" + state + "`")).findFirst().orElseThrow();
    }
}
