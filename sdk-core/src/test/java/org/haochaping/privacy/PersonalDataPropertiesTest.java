package org.haochaping.privacy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.haochaping.Fixtures;
import org.haochaping.model.CertificateType;
import org.haochaping.model.Evaluation;
import org.haochaping.model.Evaluator;
import org.haochaping.model.Grade;
import org.haochaping.model.id.ResidentIdNumber;
import org.haochaping.rules.EvaluationPolicy;
import org.haochaping.rules.Violation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** For generated names, ID numbers, mobiles and free text: none shows in toString() or in a violation. */
class PersonalDataPropertiesTest {

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMinLength(2).ofMaxLength(6);
    }

    @Provide
    Arbitrary<String> idNumbers() {
        return Arbitraries.strings().numeric().ofLength(11).map(s -> "120101" + s)
                .map(f -> f + ResidentIdNumber.checkCharacter(f));
    }

    @Provide
    Arbitrary<String> mobiles() {
        return Arbitraries.strings().numeric().ofLength(9).map(s -> "13" + s);
    }

    @Provide
    Arbitrary<String> freeTexts() {
        return Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').withChars("，。！").ofMinLength(4)
                .ofMaxLength(80);
    }

    @Property(tries = 300)
    void neitherToStringNorViolationsShowPersonalData(@ForAll("names") String name,
            @ForAll("idNumbers") String idNumber, @ForAll("mobiles") String mobile,
            @ForAll("freeTexts") String freeText, @ForAll Grade grade) {
        Evaluator evaluator = Evaluator.builder().name(name)
                .certificate(CertificateType.RESIDENT_ID_CARD, idNumber).mobile(mobile).build();
        Evaluation e = Fixtures.itemEvaluation(Fixtures.windowCase()).evaluator(evaluator).grade(grade)
                .indicators("1207", "0000").freeText(freeText).build();
        List<Violation> violations = EvaluationPolicy.standard().violations(e);
        String everything = evaluator + "\n" + e + "\n" + violations;
        assertThat(everything).doesNotContain(name).doesNotContain(idNumber).doesNotContain(mobile)
                .doesNotContain(freeText);
        assertThat(violations).isNotEmpty();
    }
}
