package org.haochaping.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.Evaluation;

import static org.assertj.core.api.Assertions.assertThat;

/** Model → JSON text → model is lossless in each profile, for arbitrary values the profile can represent. */
class RoundTripPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final WireProfile NATIONAL_GB_B =
            WireProfile.national(SatisfactionCodes.GB_T_39046, ChannelCodes.VARIANT_B);

    @Provide
    Arbitrary<Evaluation> unifiedEvaluations() {
        return ModelArbitraries.unifiedEvaluations();
    }

    @Provide
    Arbitrary<CaseRecord> unifiedCases() {
        return ModelArbitraries.cases(false);
    }

    @Provide
    Arbitrary<Evaluation> nationalEvaluationsA() {
        return ModelArbitraries.nationalEvaluations(ChannelCodes.VARIANT_A);
    }

    @Provide
    Arbitrary<Evaluation> nationalEvaluationsB() {
        return ModelArbitraries.nationalEvaluations(ChannelCodes.VARIANT_B);
    }

    @Provide
    Arbitrary<CaseRecord> nationalCases() {
        return ModelArbitraries.cases(true);
    }

    private static Evaluation roundTrip(WireProfile profile, Evaluation e) throws Exception {
        PayloadCodec codec = PayloadCodec.of(profile);
        String text = codec.write(e);
        JsonNode node = JSON.readTree(text);
        Decoded<Evaluation> back = profile.readEvaluation(node, "");
        assertThat(back.violations()).as("format violations reading %s", text).isEmpty();
        // Writing what was read gives the same text: the profile has one spelling for each value.
        assertThat(codec.write(back.value())).isEqualTo(text);
        return back.value();
    }

    private static CaseRecord roundTrip(WireProfile profile, CaseRecord c) throws Exception {
        PayloadCodec codec = PayloadCodec.of(profile);
        Decoded<CaseRecord> back = profile.readCase(JSON.readTree(codec.writeCase(c)), "");
        assertThat(back.violations()).isEmpty();
        return back.value();
    }

    @Property(tries = 400)
    void unifiedEvaluation(@ForAll("unifiedEvaluations") Evaluation e) throws Exception {
        assertThat(roundTrip(WireProfile.unified(), e)).isEqualTo(e);
    }

    @Property(tries = 300)
    void unifiedCase(@ForAll("unifiedCases") CaseRecord c) throws Exception {
        assertThat(roundTrip(WireProfile.unified(), c)).isEqualTo(c);
    }

    @Property(tries = 400)
    void nationalEvaluation(@ForAll("nationalEvaluationsA") Evaluation e) throws Exception {
        assertThat(roundTrip(WireProfile.national(), e)).isEqualTo(e);
    }

    @Property(tries = 300)
    void nationalEvaluationWithTheGbTableAndPfVariantB(@ForAll("nationalEvaluationsB") Evaluation e) throws Exception {
        assertThat(roundTrip(NATIONAL_GB_B, e)).isEqualTo(e);
    }

    @Property(tries = 300)
    void nationalCase(@ForAll("nationalCases") CaseRecord c) throws Exception {
        assertThat(roundTrip(WireProfile.national(), c)).isEqualTo(c);
    }
}
