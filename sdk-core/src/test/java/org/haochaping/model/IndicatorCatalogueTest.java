package org.haochaping.model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The catalogue against the annex (附表) itself: {@code annex-verbatim.txt} is a verbatim copy of the annex of the
 * seed rules, parsed here table by table and grade block by grade block, independently of the SDK's resource.
 */
class IndicatorCatalogueTest {

    /** One row of the annex: its table, grade, 1-based position in its grade block, and text. */
    record AnnexRow(Target target, Grade grade, int position, String text) {
    }

    private static List<AnnexRow> annex;
    private final IndicatorCatalogue catalogue = IndicatorCatalogue.standard();

    @BeforeAll
    static void parseAnnex() throws IOException {
        String text;
        try (InputStream in = IndicatorCatalogueTest.class.getResourceAsStream("annex-verbatim.txt")) {
            assertThat(in).as("annex-verbatim.txt on the test class path").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        annex = parse(text);
    }

    private static List<AnnexRow> parse(String text) {
        List<AnnexRow> rows = new ArrayList<>();
        Target target = null;
        Grade grade = null;
        int position = 0;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty() || line.equals("附表")) {
                continue;
            }
            if (line.equals("服务事项评价指标") || line.equals("服务人员评价指标")) {
                target = line.startsWith("服务事项") ? Target.SERVICE_ITEM : Target.SERVICE_STAFF;
                grade = null;
                continue;
            }
            if (line.equals("评价等级\t评价内容")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 2 || target == null || cells[1].isEmpty()) {
                fail("unexpected annex line: " + line);
            }
            if (!cells[0].isEmpty()) {
                Grade next = Grade.fromChineseName(cells[0]);
                if (next == null) {
                    fail("unknown grade in annex line: " + line);
                }
                grade = next;
                position = 0;
            } else if (grade == null) {
                fail("annex row before any grade: " + line);
            }
            rows.add(new AnnexRow(target, grade, ++position, cells[1]));
        }
        return rows;
    }

    @Test
    void theAnnexWasParsedWhole() {
        assertThat(annex).hasSize(49);
        assertThat(annex).filteredOn(r -> r.target() == Target.SERVICE_ITEM).hasSize(36);
        assertThat(annex).filteredOn(r -> r.target() == Target.SERVICE_STAFF).hasSize(13);
        for (Target t : Target.values()) {
            for (Grade g : Grade.values()) {
                assertThat(annex).as("%s / %s", t, g).anyMatch(r -> r.target() == t && r.grade() == g);
            }
        }
    }

    @Test
    void theCatalogueHoldsExactlyTheAnnexInAnnexOrder() {
        List<AnnexRow> fromCatalogue = new ArrayList<>();
        Target lastTarget = null;
        Grade lastGrade = null;
        int position = 0;
        for (Indicator i : catalogue.all()) {
            position = i.target() == lastTarget && i.grade() == lastGrade ? position + 1 : 1;
            lastTarget = i.target();
            lastGrade = i.grade();
            fromCatalogue.add(new AnnexRow(i.target(), i.grade(), position, i.text()));
        }
        assertThat(fromCatalogue).containsExactlyElementsOf(annex);
    }

    @Test
    void everyCodeIsTargetDigitNationalSatisfactionDigitAndPosition() {
        List<Indicator> all = catalogue.all();
        for (int n = 0; n < all.size(); n++) {
            AnnexRow row = annex.get(n);
            String expected = (row.target() == Target.SERVICE_ITEM ? "1" : "2")
                    + nationalSatisfaction(row.grade()) + String.format("%02d", row.position());
            assertThat(all.get(n).code()).as(row.text()).isEqualTo(expected);
        }
        assertThat(all.stream().map(Indicator::code).distinct()).hasSize(all.size());
    }

    /** 5 非常满意 … 1 非常不满意, the national report's order. */
    private static int nationalSatisfaction(Grade grade) {
        return 5 - grade.ordinal();
    }

    @ParameterizedTest(name = "{0} = {1}/{2} {3}")
    @CsvSource(delimiter = '|', value = {
        "1501 | SERVICE_ITEM  | VERY_SATISFIED      | 一窗受理一次办结",
        "1402 | SERVICE_ITEM  | SATISFIED           | 可以在线提交申报材料，到窗口核验原件",
        "1307 | SERVICE_ITEM  | BASICALLY_SATISFIED | 跑动次数与承诺的一致",
        "1201 | SERVICE_ITEM  | DISSATISFIED        | 没有提供材料样本",
        "1207 | SERVICE_ITEM  | DISSATISFIED        | 其他",
        "1107 | SERVICE_ITEM  | VERY_DISSATISFIED   | 跑动次数与承诺的不一致",
        "1108 | SERVICE_ITEM  | VERY_DISSATISFIED   | 其他",
        "2501 | SERVICE_STAFF | VERY_SATISFIED      | 微笑服务，热情周到",
        "2302 | SERVICE_STAFF | BASICALLY_SATISFIED | 服务态度一般",
        "2201 | SERVICE_STAFF | DISSATISFIED        | 态度生硬，不主动不热情，询问不能及时回答",
        "2203 | SERVICE_STAFF | DISSATISFIED        | 其他",
        "2103 | SERVICE_STAFF | VERY_DISSATISFIED   | 对办事材料不能一次告知或告知不清晰具体",
        "2104 | SERVICE_STAFF | VERY_DISSATISFIED   | 其他",
    })
    void stableCodes(String code, Target target, Grade grade, String text) {
        Indicator i = catalogue.get(code);
        assertThat(i.code()).isEqualTo(code);
        assertThat(i.target()).isEqualTo(target);
        assertThat(i.grade()).isEqualTo(grade);
        assertThat(i.text()).isEqualTo(text);
        assertThat(catalogue.find(code)).isSameAs(i);
    }

    @Test
    void exactlyTheOtherEntriesRequireFreeText() {
        assertThat(catalogue.all().stream().filter(Indicator::requiresFreeText).map(Indicator::code))
                .containsExactly("1207", "1108", "2203", "2104");
        assertThat(catalogue.all()).filteredOn(Indicator::requiresFreeText)
                .allMatch(i -> i.grade().isBad() && i.text().equals("其他"));
    }

    @Test
    void unknownCodesAreAnError() {
        assertThatThrownBy(() -> catalogue.get("1509"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown indicator code '1509' (annex to Art. 6-7)");
        assertThatThrownBy(() -> catalogue.get("510")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> catalogue.get(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(catalogue.find("1501 ")).isNull();
        assertThat(catalogue.find("")).isNull();
        assertThat(catalogue.find(null)).isNull();
    }

    @Test
    void indicatorsOfOneTableAndGradeInAnnexOrder() {
        assertThat(catalogue.of(Target.SERVICE_STAFF, Grade.VERY_DISSATISFIED)).extracting(Indicator::text)
                .containsExactly("态度恶劣，故意刁难", "业务非常不熟悉，办事效率低", "对办事材料不能一次告知或告知不清晰具体", "其他");
        for (Target t : Target.values()) {
            for (Grade g : Grade.values()) {
                assertThat(catalogue.of(t, g).stream().map(Indicator::text).collect(Collectors.toList()))
                        .containsExactlyElementsOf(annex.stream().filter(r -> r.target() == t && r.grade() == g)
                                .map(AnnexRow::text).collect(Collectors.toList()));
            }
        }
    }

    @Test
    void theCatalogueCannotBeChangedByItsUsers() {
        assertThatThrownBy(() -> catalogue.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalogue.of(Target.SERVICE_ITEM, Grade.SATISFIED).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(catalogue.all()).hasSize(49);
    }

    @Test
    void indicatorsAreEqualByCodeAndPrintTheirTableAndGrade() {
        assertThat(catalogue.get("2104")).isEqualTo(catalogue.all().get(48)).hasSameHashCodeAs(catalogue.all().get(48));
        assertThat(catalogue.get("2104")).hasToString("2104 服务人员/非常不满意 其他");
    }
}
