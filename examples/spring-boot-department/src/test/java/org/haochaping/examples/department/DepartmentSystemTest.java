package org.haochaping.examples.department;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.client.EvaluationStatus;
import org.haochaping.client.HcpClient;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.model.Grade;
import org.haochaping.outbox.OutboxStore;
import org.haochaping.transport.ServiceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The department system as it runs: the whole application on a random port, on a real PostgreSQL server (a schema of
 * its own, {@code HCP_TEST_PG_URL}, user and password {@code hcp}; started by .ci/databases), delivering to the kit's
 * simulated platform started as {@code hcp simulate} in a process of its own. What is asserted is what the
 * department would check: what the platform holds, and what its own tables and the outbox table hold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepartmentSystemTest {

    static final String PG_URL = env("HCP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/hcp_test");
    static final String APP_ID = "dept-120000-scjg";
    static final String SCHEMA = "dept_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    static final Duration DRAIN = Duration.ofMinutes(2); // a bound for a loaded machine, not a measured time

    static Path keys;
    static SimulatorProcess platform;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboxStore outbox;
    @Autowired
    HcpClient client;

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    @DynamicPropertySource
    static void departmentSetup(DynamicPropertyRegistry registry) throws Exception {
        try (Connection c = DriverManager.getConnection(PG_URL, "hcp", "hcp"); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
        keys = Files.createTempDirectory("dept-simulator");
        platform = SimulatorProcess.start(APP_ID, keys);
        registry.add("spring.datasource.url", () -> PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> "hcp");
        registry.add("spring.datasource.password", () -> "hcp");
        registry.add("hcp.base-url", platform::baseUrl);
        registry.add("hcp.app-id", () -> APP_ID);
        registry.add("hcp.signing.key-id", platform::appKeyId);
        registry.add("hcp.signing.private-key", () -> "file:" + platform.appPrivateKey());
        registry.add("hcp.platform.keys." + platform.platformKeyId(), () -> "file:" + platform.platformPublicKey());
        registry.add("hcp.outbox.poll-interval", () -> "200ms");
    }

    @AfterAll
    void stop() throws Exception {
        outbox.close(); // the worker stops before its tables go
        if (platform != null) {
            platform.close();
        }
        try (Connection c = DriverManager.getConnection(PG_URL, "hcp", "hcp"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    // ---- what the department posts ----

    private static Map<String, Object> evaluation(Grade grade, String... indicators) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        Map<String, Object> e = new HashMap<>();
        e.put("grade", grade.name());
        e.put("indicators", List.of(indicators));
        e.put("evaluatedAt", now.minusMinutes(5).toString());
        e.put("evaluatorName", "张三");
        e.put("certificateNumber", "120101198506121236");
        e.put("mobile", "13812345678");
        return e;
    }

    /** A 非常不满意 with its reason in words (Art. 7). */
    private static Map<String, Object> veryDissatisfied() {
        Map<String, Object> e = evaluation(Grade.VERY_DISSATISFIED);
        e.put("freeText", "页面显示可网办，提交时提示需到窗口");
        return e;
    }

    private static Map<String, Object> completedCase(String caseNo, Map<String, Object> evaluation) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        Map<String, Object> c = new HashMap<>();
        c.put("caseNo", caseNo);
        c.put("itemCode", "11120000000123456100012011700001");
        c.put("itemName", "企业设立登记");
        c.put("handlingMode", "FULLY_ONLINE");
        c.put("acceptedAt", now.minusHours(20).toString());
        c.put("completedAt", now.minusMinutes(30).toString());
        if (evaluation != null) {
            c.put("evaluation", evaluation);
        }
        return c;
    }

    private static String caseNo() {
        return "TJ" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase(Locale.ROOT);
    }

    private ResponseEntity<Map<String, Object>> post(String path, Object body) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body), new ParameterizedTypeReference<>() { });
    }

    private static void assertCreated(ResponseEntity<Map<String, Object>> r) {
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private static long sequence(ResponseEntity<Map<String, Object>> r, String name) {
        return ((Number) r.getBody().get(name)).longValue();
    }

    private int outboxRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM hcp_outbox", Integer.class);
    }

    private void awaitDelivered() throws InterruptedException {
        assertThat(outbox.awaitDrained(DRAIN)).as("the outbox drained").isTrue();
    }

    /**
     * Every evaluation the platform counted, by the department's evaluation id, read back through the platform's
     * own query (interface-spec 5.4): numbers E00000001, E00000002, ... until the first that does not exist.
     */
    private Map<String, List<EvaluationStatus>> countedByPlatform() {
        Map<String, List<EvaluationStatus>> counted = new HashMap<>();
        for (int n = 1; ; n++) {
            EvaluationStatus status;
            try {
                status = client.evaluationStatus(String.format("E%08d", n));
            } catch (ServiceException notFound) {
                assertThat(notFound.statusCode()).isEqualTo(404);
                return counted;
            }
            counted.computeIfAbsent(status.evaluationId(), id -> new ArrayList<>()).add(status);
        }
    }

    // ---- the tests ----

    @Test
    void eachCaseAndItsEvaluationCommitTogetherAndThePlatformCountsEachEvaluationOnce() throws Exception {
        List<String> cases = new ArrayList<>();
        List<String> evaluations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String caseNo = caseNo();
            Map<String, Object> e = i == 2 ? evaluation(Grade.DISSATISFIED, "1205") : evaluation(Grade.SATISFIED);
            ResponseEntity<Map<String, Object>> r = post("/cases", completedCase(caseNo, e));
            assertCreated(r);
            cases.add(caseNo);
            evaluations.add((String) r.getBody().get("evaluationId"));
            // Committed together: the department's rows and the outbox rows they name are there, in one database.
            long caseRow = sequence(r, "caseOutboxSequence");
            long evaluationRow = sequence(r, "evaluationOutboxSequence");
            assertThat(jdbc.queryForObject("SELECT outbox_sequence FROM dept_case WHERE case_no = ?", Long.class, caseNo))
                    .isEqualTo(caseRow);
            assertThat(jdbc.queryForObject("SELECT outbox_sequence FROM dept_evaluation WHERE case_no = ?", Long.class,
                    caseNo)).isEqualTo(evaluationRow);
            assertThat(jdbc.queryForList("SELECT kind FROM hcp_outbox WHERE id IN (?, ?) ORDER BY id", String.class,
                    caseRow, evaluationRow)).containsExactly("cases", "evaluations");
        }
        awaitDelivered();

        Map<String, List<EvaluationStatus>> counted = countedByPlatform();
        for (String id : evaluations) {
            assertThat(counted.get(id)).as("the platform's evaluations with id %s", id).hasSize(1);
        }
        assertThat(counted.get(evaluations.get(2)).get(0).workOrderNo()).as("a 差评 opens a work order").isNotNull();
        // Delivered rows lose their payload (the evaluator's identity, Art. 17) and stay as an audit trail.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hcp_outbox o JOIN dept_case c ON o.id = c.outbox_sequence "
                + "WHERE c.case_no IN (" + String.join(",", cases.stream().map(c -> "'" + c + "'").toList()) + ") "
                + "AND o.status = 'DELIVERED' AND o.payload IS NULL", Integer.class)).isEqualTo(cases.size());

        ResponseEntity<Map<String, Object>> health = http.exchange("/actuator/health/hcp", HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        assertThat(health.getBody()).containsEntry("status", "UP");
    }

    @Test
    void aCaseWhoseEvaluationBreaksTheRulesRollsBackWithItsOutboxRows() throws Exception {
        int rowsBefore = outboxRows();
        long highestBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM hcp_outbox", Long.class);
        String refused = caseNo();
        // A 差评 must name its reasons (Art. 7). The case row went into the outbox before the evaluation was checked.
        ResponseEntity<Map<String, Object>> r = post("/cases", completedCase(refused, evaluation(Grade.DISSATISFIED)));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(r.getBody().toString()).contains("indicators", "Art. 7");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dept_case WHERE case_no = ?", Integer.class, refused))
                .isZero();
        assertThat(outboxRows()).as("no outbox row outlives the rollback").isEqualTo(rowsBefore);

        // The rolled-back transaction had written its case row: the identity it took is gone with it.
        String next = caseNo();
        ResponseEntity<Map<String, Object>> ok = post("/cases", completedCase(next, evaluation(Grade.VERY_SATISFIED)));
        assertCreated(ok);
        assertThat(sequence(ok, "caseOutboxSequence")).isGreaterThan(highestBefore + 1);

        // The same case posted again (a double click): 409, and not a second evaluation in the outbox.
        int rowsAfter = outboxRows();
        ResponseEntity<Map<String, Object>> again = post("/cases", completedCase(next, evaluation(Grade.SATISFIED)));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(outboxRows()).isEqualTo(rowsAfter);

        awaitDelivered();
        Map<String, List<EvaluationStatus>> counted = countedByPlatform();
        assertThat(counted.keySet()).noneMatch(id -> id.startsWith(refused));
        assertThat(counted.get((String) ok.getBody().get("evaluationId"))).hasSize(1);
    }

    @Test
    void aRecordThePlatformRefusesBecomesADeadLetterAndHoldsNothingBack() throws Exception {
        String kept = caseNo();
        String changed = caseNo();
        assertCreated(post("/cases", completedCase(kept, evaluation(Grade.SATISFIED))));
        assertCreated(post("/cases", completedCase(changed, evaluation(Grade.SATISFIED))));
        awaitDelivered();

        // The applicants append to their evaluations (追加评价, Art. 9(四)). One keeps the grade, as an appended
        // evaluation must (Art. 9(四), 11); the other changes it, and the platform refuses that record for good. The
        // department records both: which is allowed is the platform's to decide against what it holds.
        Map<String, Object> addition = evaluation(Grade.SATISFIED);
        addition.put("freeText", "补充：电话回访时说明得很清楚");
        ResponseEntity<Map<String, Object>> accepted = post("/cases/" + kept + "/appended-evaluations", addition);
        ResponseEntity<Map<String, Object>> refused = post("/cases/" + changed + "/appended-evaluations",
                veryDissatisfied());
        assertCreated(accepted);
        assertCreated(refused);
        long refusedRow = sequence(refused, "evaluationOutboxSequence");
        List<String> later = new ArrayList<>();
        later.add((String) accepted.getBody().get("evaluationId"));
        for (int i = 0; i < 3; i++) {
            ResponseEntity<Map<String, Object>> r = post("/cases", completedCase(caseNo(), evaluation(Grade.SATISFIED)));
            assertCreated(r);
            later.add((String) r.getBody().get("evaluationId"));
        }
        awaitDelivered(); // a dead letter is not pending: the outbox drains around it

        ResponseEntity<List<Map<String, Object>>> dead = http.exchange("/admin/outbox/dead-letters", HttpMethod.GET,
                null, new ParameterizedTypeReference<>() { });
        assertThat(dead.getBody()).singleElement().satisfies(d -> {
            assertThat(((Number) d.get("sequence")).longValue()).isEqualTo(refusedRow);
            assertThat(d.get("kind")).isEqualTo("evaluations");
            assertThat((String) d.get("reason")).contains("INVALID_PAYLOAD"); // the platform's code
            assertThat(((Number) d.get("attempts")).intValue()).isEqualTo(1); // refused for good: not retried
        });
        Map<String, List<EvaluationStatus>> counted = countedByPlatform();
        assertThat(counted).doesNotContainKey((String) refused.getBody().get("evaluationId"));
        for (String id : later) {
            assertThat(counted.get(id)).as("delivered beside the refused record: %s", id).hasSize(1);
        }
    }

    @Test
    void theWorkOrderOfABadReviewIsPushedVerifiedAndFiledAgainstTheCase() throws Exception {
        String caseNo = caseNo();
        ResponseEntity<Map<String, Object>> r = post("/cases",
                completedCase(caseNo, veryDissatisfied()));
        assertCreated(r);
        awaitDelivered();
        EvaluationStatus status = countedByPlatform().get((String) r.getBody().get("evaluationId")).get(0);
        WorkOrder order = client.workOrder(status.workOrderNo());
        assertThat(order.caseNo()).isEqualTo(caseNo);

        // The platform pushes the order it opened, signed with its key (the simulator does not push by itself).
        Map<String, Object> callback = Map.of("event", "WORK_ORDER", "workOrder", order);
        byte[] body = new ObjectMapper().findAndRegisterModules().writeValueAsBytes(callback);
        MessageSigner platformSigner = MessageSigner.builder(Sm2Signer.builder(
                PemKeys.privateKey(platform.platformPrivateKey())).keyId(platform.platformKeyId()).build())
                .appId(APP_ID).build();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        platformSigner.sign(MessageDirection.REQUEST, APP_ID, "POST", "/hcp/callbacks", null, body).asMap()
                .forEach(headers::set);
        HttpEntity<byte[]> push = new HttpEntity<>(body, headers);

        ResponseEntity<Map<String, Object>> accepted = http.exchange("/hcp/callbacks", HttpMethod.POST, push,
                new ParameterizedTypeReference<>() { });
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> filed = jdbc.queryForMap("SELECT work_order_no, work_order_state, work_order_due_at "
                + "FROM dept_case WHERE case_no = ?", caseNo);
        assertThat(filed.get("work_order_no")).isEqualTo(order.orderNo());
        assertThat(filed.get("work_order_state")).isEqualTo(WorkOrderState.DISPATCHED.name()); // city level, Art. 18
        assertThat(filed.get("work_order_due_at")).as("the first Art. 20 deadline").isNotNull();

        // The same push again (captured and replayed, to this or another instance: the nonce is in the database).
        ResponseEntity<Map<String, Object>> replayed = http.exchange("/hcp/callbacks", HttpMethod.POST, push,
                new ParameterizedTypeReference<>() { });
        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(replayed.getBody()).containsEntry("reason", "REPLAYED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hcp_replay_nonce", Integer.class)).isPositive();
    }
}
