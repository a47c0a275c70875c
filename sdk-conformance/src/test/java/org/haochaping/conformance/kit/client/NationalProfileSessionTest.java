package org.haochaping.conformance.kit.client;

import java.util.List;

import org.haochaping.client.HcpClient;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.crypto.envelope.EnvelopeSealer;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.model.Evaluation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client session in the national report style (--profile national|both), with the SDK's envelope sealer; without
 * faults (their national form: NationalFaultScenariosTest).
 */
class NationalProfileSessionTest {

    private final PrivateKeyMaterial appKey = PrivateKeyMaterial.generateSm2();
    /** The session's clock, which the clients seal on: the samples' dates do not depend on the machine's. */
    private static final java.time.Clock CLOCK = ScenarioDriver.sessionClock();

    private ClientConformanceSession start(ClientConformanceSession.Profile profile) {
        return ClientConformanceSession.builder().profile(profile).faults(false).clock(CLOCK).nationalApp("hall-3", "word-of-hall-3")
                .app("hall-app", appKey.publicKey().defaultKeyId(), appKey.publicKey()).start();
    }

    private static HcpClient nationalClient(ClientConformanceSession session, String appWord) {
        return HcpClient.builder().baseUrl(session.baseUrl()).appId("hall-app").clock(CLOCK)
                .signer(Sm2Signer.builder(PrivateKeyMaterial.generateSm2()).build())
                .platformVerifier(Sm2Verifier.builder().key(session.platformKeyId(), session.platformPublicKey()).build())
                .nationalEnvelope(EnvelopeSealer.builder(session.platformPublicKey()).appMark("hall-3").appWord(appWord)
                        .clock(CLOCK).build())
                .build();
    }

    private static List<Evaluation> samples() {
        return SamplePayloads.all().stream().map(SamplePayloads.Sample::evaluation)
                .filter(ClientScenario::representableInNational).toList();
    }

    @Test
    void theNationalProfileJudgesEnvelopesOnly() {
        try (ClientConformanceSession session = start(ClientConformanceSession.Profile.NATIONAL)) {
            assertThat(session.scenarios()).allMatch(s -> s.id().startsWith("national-"));
            assertThat(session.faults()).isEmpty();
            assertThat(session.appMark()).isEqualTo("hall-3");
            try (HcpClient client = nationalClient(session, "word-of-hall-3")) {
                client.submitEvaluations(samples());
            }
            ClientConformanceReport report = session.evaluate();
            assertThat(report.scenariosPassed()).as(report.summary()).isTrue();
            assertThat(report.passed()).as(report.summary()).isTrue();
            assertThat(report.result("national-channel-online-hall").detail()).contains("accepted");
            assertThat(report.scenarios().get(0).title()).contains("national style");
        }
    }

    @Test
    void unifiedSubmissionsDoNotPassNationalScenariosAndAWrongWordIsRefused() {
        try (ClientConformanceSession session = start(ClientConformanceSession.Profile.BOTH)) {
            assertThat(session.scenarios()).anyMatch(s -> s.id().equals("follow-up"))
                    .anyMatch(s -> s.id().equals("national-batch"));
            try (HcpClient wrongWord = nationalClient(session, "not-the-word")) {
                org.assertj.core.api.Assertions.catchThrowable(() -> wrongWord.submitEvaluations(samples().subList(0, 1)));
            }
            ClientConformanceReport report = session.evaluate();
            assertThat(report.result("national-channel-online-hall").passed()).isFalse();
            assertThat(report.result("national-channel-online-hall").detail())
                    .contains("in the national envelope to POST /v1/national/evaluations");
        }
    }
}
