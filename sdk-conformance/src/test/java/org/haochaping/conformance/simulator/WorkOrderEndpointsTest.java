package org.haochaping.conformance.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.haochaping.badreview.FollowUpResult;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.model.Grade;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad reviews open work orders (Art. 18) that move through Art. 19-22 by the endpoints of 5.5. */
class WorkOrderEndpointsTest {

    static final String DEPT = "111201010002345670";
    static final MutableClock CLOCK = new MutableClock();
    static SimulatedPlatform platform;
    static SigningClient client;

    @BeforeAll
    static void start() {
        platform = SimulatedPlatform.builder().clock(CLOCK).start();
        client = new SigningClient(platform, platform.newApp("dept-system-02"), CLOCK);
    }

    @AfterAll
    static void stop() {
        platform.stop();
    }

    @BeforeEach
    void reset() {
        platform.reset();
    }

    private static String submitBad(org.haochaping.model.Evaluation e) throws Exception {
        Reply reply = client.post("/v1/evaluations", Payloads.records(e));
        assertThat(reply.result(0).path("status").asText()).isEqualTo("ACCEPTED");
        return reply.result(0).path("workOrderNo").asText();
    }

    private static Reply act(String orderNo, String json) throws Exception {
        return client.post("/v1/work-orders/" + orderNo + "/actions", json);
    }

    private static String dept(String type, String extra) {
        return "{\"type\":\"" + type + "\",\"actor\":{\"role\":\"HANDLING_DEPARTMENT\",\"id\":\"" + DEPT + "\"}" + extra + "}";
    }

    @Test
    void theSimulatorAppliesTheAuditedRulesOfArticles18And21() throws Exception {
        String orderNo = submitBad(Payloads.badAtCityLevel("TJ-W-0010"));
        // Art. 18: only the receiving department acts on the order.
        Reply stranger = act(orderNo, "{\"type\":\"VERIFY\",\"actor\":{\"role\":\"HANDLING_DEPARTMENT\","
                + "\"id\":\"111200000001234561\"}}");
        assertThat(stranger.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(stranger.message()).contains(DEPT);
        // Art. 21: an appeal without evidence is refused; with evidence it is taken, also once classified.
        act(orderNo, dept("VERIFY", ""));
        act(orderNo, dept("CLASSIFY", ",\"category\":\"GENERAL\""));
        Reply bare = act(orderNo, dept("APPLY_FOR_REVIEW", ""));
        assertThat(bare.code()).isEqualTo("INVALID_REQUEST");
        assertThat(bare.message()).contains("evidence");
        Reply withEvidence = act(orderNo, dept("APPLY_FOR_REVIEW",
                ",\"evidence\":[{\"description\":\"通话录音\",\"digest\":\""
                        + "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0\"}]"));
        assertThat(withEvidence.data().path("state").asText()).isEqualTo("UNDER_REVIEW");
        Reply valid = act(orderNo, "{\"type\":\"DECIDE_REVIEW\",\"verdict\":\"VALID\",\"actor\":{\"role\":"
                + "\"REVIEWER\",\"id\":\"TJZWB\"}}");
        assertThat(valid.data().path("state").asText()).isEqualTo("CLASSIFIED");
        // The verdict is final: no dismissal afterwards.
        assertThat(act(orderNo, dept("DISMISS", ",\"dismissal\":\"UNTRUE\"")).code()).isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    void aBadReviewAtCityLevelRunsThroughRectificationToTheFollowUp() throws Exception {
        String orderNo = submitBad(Payloads.badAtCityLevel("TJ-W-0001"));
        assertThat(orderNo).isEqualTo("WO00000001");

        Reply opened = client.get("/v1/work-orders/" + orderNo);
        assertThat(opened.data().path("state").asText()).isEqualTo("DISPATCHED");
        assertThat(opened.data().path("evaluationId").asText()).isEqualTo("E00000001");
        assertThat(opened.data().path("caseNo").asText()).isEqualTo("TJ-W-0001");
        assertThat(opened.data().path("history").findValuesAsText("type")).containsExactly("OPEN", "DISPATCH");
        assertThat(opened.data().path("history").path(1).path("actor").path("role").asText()).isEqualTo("SYSTEM");
        assertThat(opened.data().path("history").path(1).path("toDeptCode").asText()).isEqualTo(DEPT);
        assertThat(opened.data().path("history").path(1).path("deadlines").path(0).path("rule").asText()).isEqualTo("APPEAL");

        assertThat(act(orderNo, dept("VERIFY", "")).data().path("state").asText()).isEqualTo("VERIFIED");
        Reply classified = act(orderNo, dept("CLASSIFY", ",\"category\":\"GENERAL\",\"note\":\"办事指南已更新\""));
        assertThat(classified.data().path("state").asText()).isEqualTo("CLASSIFIED");
        assertThat(classified.data().path("history").path(3).path("deadlines").findValuesAsText("rule"))
                .containsExactly("GENERAL_CALLBACK", "GENERAL_RESULT");
        assertThat(act(orderNo, dept("CALL_BACK", "")).data().path("state").asText()).isEqualTo("CLASSIFIED");
        assertThat(act(orderNo, dept("START_RECTIFICATION", "")).data().path("state").asText()).isEqualTo("RECTIFYING");
        assertThat(act(orderNo, dept("COMPLETE_RECTIFICATION", ",\"at\":\"2026-11-28T10:30:00+08:00\"")).data().path("state").asText())
                .isEqualTo("RECTIFIED");
        Reply followedUp = client.post("/v1/work-orders/" + orderNo + "/follow-up",
                "{\"result\":\"SATISFIED\",\"actor\":{\"role\":\"HOTLINE_12345\",\"id\":\"12345\"}}");

        assertThat(followedUp.status()).isEqualTo(200);
        assertThat(followedUp.data().path("state").asText()).isEqualTo("FOLLOWED_UP");
        WorkOrder stored = platform.observations().workOrder(orderNo).orElseThrow();
        assertThat(stored.state()).isEqualTo(WorkOrderState.FOLLOWED_UP);
        assertThat(stored.followUp()).isEqualTo(FollowUpResult.SATISFIED);
        assertThat(stored.history()).hasSize(8);
        assertThat(client.get("/v1/evaluations/E00000001").data().path("status").asText()).isEqualTo("ADOPTED");
    }

    @Test
    void aDistrictWorkOrderWaitsForTheDistrictGovernmentToDispatchIt() throws Exception {
        String orderNo = submitBad(Payloads.badInDistrict("TJ-W-0002"));

        assertThat(client.get("/v1/work-orders/" + orderNo).data().path("state").asText()).isEqualTo("CREATED");
        Reply tooEarly = act(orderNo, dept("VERIFY", ""));
        Reply dispatched = act(orderNo, "{\"type\":\"DISPATCH\",\"toDeptCode\":\"" + DEPT
                + "\",\"actor\":{\"role\":\"DISTRICT_GOVERNMENT\",\"id\":\"120101\"}}");

        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(dispatched.data().path("state").asText()).isEqualTo("DISPATCHED");
        assertThat(dispatched.data().path("history").path(1).path("actor").path("id").asText()).isEqualTo("120101");
    }

    @Test
    void anIllegalTransitionIs409NamingTheStateAndTheArticle() throws Exception {
        String orderNo = submitBad(Payloads.badAtCityLevel("TJ-W-0003"));

        Reply reply = act(orderNo, dept("START_RECTIFICATION", ""));
        Reply wrongRole = act(orderNo, "{\"type\":\"VERIFY\",\"actor\":{\"role\":\"HOTLINE_12345\",\"id\":\"op\"}}");
        Reply followUpTooEarly = client.post("/v1/work-orders/" + orderNo + "/follow-up",
                "{\"result\":\"DISSATISFIED\",\"actor\":{\"role\":\"HOTLINE_12345\",\"id\":\"op\"}}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(reply.message()).contains("DISPATCHED").contains("Art. 20");
        assertThat(wrongRole.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(wrongRole.message()).contains("HOTLINE_12345");
        assertThat(followUpTooEarly.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(followUpTooEarly.message()).contains("Art. 22");
        assertThat(platform.observations().workOrder(orderNo).orElseThrow().state()).isEqualTo(WorkOrderState.DISPATCHED);
    }

    @Test
    void aDismissedOrInvalidatedBadReviewIsNotAdopted() throws Exception {
        String dismissed = submitBad(Payloads.badAtCityLevel("TJ-W-0004"));
        String invalidated = submitBad(Payloads.badAtCityLevel("TJ-W-0005"));

        act(dismissed, dept("VERIFY", ""));
        act(dismissed, dept("DISMISS", ",\"dismissal\":\"MISTAKEN\""));
        act(invalidated, dept("APPLY_FOR_REVIEW", ",\"note\":\"录像显示已一次告知\","
                + "\"evidence\":[{\"description\":\"窗口录像\",\"reference\":\"VID-0005\"}]"));
        Reply decided = act(invalidated, "{\"type\":\"DECIDE_REVIEW\",\"verdict\":\"INVALID\",\"actor\":{\"role\":\"REVIEWER\",\"id\":\"TJZWB\"}}");

        assertThat(decided.data().path("state").asText()).isEqualTo("INVALIDATED");
        assertThat(client.get("/v1/evaluations/E00000001").data().path("status").asText()).isEqualTo("NOT_ADOPTED");
        assertThat(client.get("/v1/evaluations/E00000002").data().path("status").asText()).isEqualTo("NOT_ADOPTED");
        assertThat(client.get("/v1/evaluations/E00000002").data().path("workOrderNo").asText()).isEqualTo(invalidated);
    }

    @Test
    void actionBodiesAreCheckedFieldByField() throws Exception {
        String orderNo = submitBad(Payloads.badAtCityLevel("TJ-W-0006"));

        assertThat(act(orderNo, dept("VERIFY", ",\"category\":\"SIMPLE\"")).message()).contains("unknown field category");
        assertThat(act(orderNo, dept("OPEN", "")).message()).contains("Art. 18");
        assertThat(act(orderNo, dept("FOLLOW_UP", "")).message()).contains("/follow-up");
        assertThat(act(orderNo, dept("CLASSIFY", "")).message()).contains("category is required");
        assertThat(act(orderNo, dept("CLASSIFY", ",\"category\":\"URGENT\"")).message()).contains("[SIMPLE, GENERAL, COMPLEX]");
        assertThat(act(orderNo, "{\"type\":\"VERIFY\"}").message()).contains("actor is required");
        assertThat(act(orderNo, dept("VERIFY", ",\"at\":\"tomorrow\"")).message()).contains("ISO-8601");
        assertThat(act(orderNo, dept("VERIFY", ",\"at\":\"2026-11-29T10:30:00+08:00\"")).message()).contains("future");
        assertThat(act(orderNo, dept("VERIFY", ",\"at\":\"2026-11-25T10:30:00+08:00\"")).code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(act("WO99999999", dept("VERIFY", "")).status()).isEqualTo(404);
        assertThat(client.get("/v1/work-orders/WO99999999").code()).isEqualTo("NOT_FOUND");
        assertThat(platform.observations().workOrder(orderNo).orElseThrow().history()).hasSize(2);
    }

    @Test
    void anActionRetriedWithItsKeyIsAppliedOnce() throws Exception {
        String orderNo = submitBad(Payloads.badAtCityLevel("TJ-W-0007"));

        Reply first = client.post("/v1/work-orders/" + orderNo + "/actions", dept("VERIFY", ""), "verify-once");
        Reply retry = client.post("/v1/work-orders/" + orderNo + "/actions", dept("VERIFY", ""), "verify-once");
        Reply secondAction = client.post("/v1/work-orders/" + orderNo + "/actions", dept("VERIFY", ""), "verify-twice");

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(secondAction.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(platform.observations().workOrder(orderNo).orElseThrow().history()).hasSize(3);
    }

    @Test
    void theListIsNewestFirstPagedAndFiltered() throws Exception {
        List<org.haochaping.model.Evaluation> bad = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bad.add(Payloads.badAtCityLevel("TJ-L-" + i));
        }
        for (int i = 5; i < 7; i++) {
            bad.add(Payloads.badInDistrict("TJ-L-" + i));
        }
        bad.add(Payloads.withGrade(Payloads.good("TJ-L-GOOD"), Grade.SATISFIED));
        client.post("/v1/evaluations", Payloads.records(bad));

        Reply page1 = client.get("/v1/work-orders?pageSize=3");
        Reply page3 = client.get("/v1/work-orders?pageSize=3&page=3");
        Reply beyond = client.get("/v1/work-orders?pageSize=3&page=4");
        Reply created = client.get("/v1/work-orders?state=CREATED");
        Reply byDept = client.get("/v1/work-orders?deptCode=" + DEPT + "&state=DISPATCHED");
        Reply otherDept = client.get("/v1/work-orders?deptCode=111200000001234561");
        Reply template = client.get("/v1/work-orders?state=&deptCode=&page=&pageSize=");

        assertThat(orderNos(page1)).containsExactly("WO00000007", "WO00000006", "WO00000005");
        assertThat(page1.data().path("total").asInt()).isEqualTo(7);
        assertThat(page1.data().path("page").asInt()).isEqualTo(1);
        assertThat(page1.data().path("pageSize").asInt()).isEqualTo(3);
        assertThat(orderNos(page3)).containsExactly("WO00000001");
        assertThat(orderNos(beyond)).isEmpty();
        assertThat(beyond.data().path("total").asInt()).isEqualTo(7);
        assertThat(orderNos(created)).containsExactly("WO00000007", "WO00000006");
        assertThat(byDept.data().path("total").asInt()).isEqualTo(5);
        assertThat(otherDept.data().path("total").asInt()).isZero();
        assertThat(template.data().path("total").asInt()).isEqualTo(7);
        assertThat(template.data().path("pageSize").asInt()).isEqualTo(20);
    }

    @Test
    void listParametersAreChecked() throws Exception {
        assertThat(client.get("/v1/work-orders?pageSize=101").message()).contains("pageSize must be an integer from 1 to 100");
        assertThat(client.get("/v1/work-orders?page=0").status()).isEqualTo(400);
        assertThat(client.get("/v1/work-orders?state=OPEN").message()).contains("state must be one of");
        assertThat(client.get("/v1/work-orders?status=CREATED").message()).contains("unknown query parameter status");
        assertThat(client.get("/v1/work-orders?page=1&page=2").message()).contains("twice");
    }

    private static List<String> orderNos(Reply reply) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : reply.data().path("items")) {
            out.add(item.path("orderNo").asText());
        }
        return out;
    }
}
