package org.haochaping.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 7 (five grades, 好评 and 差评) and Art. 8 (scores). */
class GradeTest {

    @Test
    void theFiveGradesInTheOrderOfArticle7() {
        assertThat(Grade.values()).extracting(Grade::chineseName)
                .containsExactly("非常满意", "满意", "基本满意", "不满意", "非常不满意");
    }

    @ParameterizedTest(name = "{1}: {2} points, good = {3}")
    @CsvSource({
        "VERY_SATISFIED,      非常满意,   10, true",
        "SATISFIED,           满意,       10, true",
        "BASICALLY_SATISFIED, 基本满意,   8,  true",
        "DISSATISFIED,        不满意,     5,  false",
        "VERY_DISSATISFIED,   非常不满意, 0,  false",
    })
    void scoreAndGoodOrBad(Grade grade, String chineseName, int score, boolean good) {
        assertThat(grade.chineseName()).isEqualTo(chineseName);
        assertThat(grade.score()).isEqualTo(score);
        assertThat(grade.isGood()).isEqualTo(good);
        assertThat(grade.isBad()).isEqualTo(!good);
        assertThat(Grade.fromChineseName(chineseName)).isSameAs(grade);
    }

    @Test
    void goodReviewsAreTheFirstThreeAndBadReviewsTheLastTwo() {
        assertThat(Grade.values()).filteredOn(Grade::isGood)
                .containsExactly(Grade.VERY_SATISFIED, Grade.SATISFIED, Grade.BASICALLY_SATISFIED);
        assertThat(Grade.values()).filteredOn(Grade::isBad)
                .containsExactly(Grade.DISSATISFIED, Grade.VERY_DISSATISFIED);
    }

    @Test
    void anUnknownChineseNameHasNoGrade() {
        assertThat(Grade.fromChineseName("一般")).isNull();
        assertThat(Grade.fromChineseName("满意 ")).isNull();
        assertThat(Grade.fromChineseName(null)).isNull();
    }
}
