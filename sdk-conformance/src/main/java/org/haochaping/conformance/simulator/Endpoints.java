package org.haochaping.conformance.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.model.IndicatorCatalogue;
import org.haochaping.model.Indicator;
import org.haochaping.rules.EvaluationPolicy;
import org.haochaping.scorecard.StatisticsRecord;
import org.haochaping.scorecard.UnevaluatedRecord;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;

/**
 * The endpoints of the unified interface (docs/interface-spec.md, 5.2-5.6): reads a request that is already
 * authenticated, calls the {@link CentralPlatform} and says what to answer. Stateless apart from the core;
 * thread-safe.
 */
final class Endpoints {

    static final int MAX_RECORDS = 100;
    static final int MAX_PAGE_SIZE = 100;
    static final int DEFAULT_PAGE_SIZE = 20;

    private final CentralPlatform core;
    private final WorkOrderRequests workOrderRequests;
    private final PayloadCodec unified;

    Endpoints(CentralPlatform core, WorkOrderRequests workOrderRequests, EvaluationPolicy policy) {
        this.core = core;
        this.workOrderRequests = workOrderRequests;
        this.unified = PayloadCodec.of(WireProfile.unified(), policy);
    }

    /**
     * Routes by method and path.
     *
     * @throws ApiException for a request refused as a whole
     */
    Outcome route(SimRequest r, String appId) {
        List<String> s = segments(r.path);
        boolean get = "GET".equals(r.method);
        boolean post = "POST".equals(r.method);
        if (s.size() >= 2 && "v1".equals(s.get(0))) {
            String resource = s.get(1);
            if ("cases".equals(resource) && s.size() == 2 && post) {
                return submitCases(r, appId);
            }
            if ("evaluations".equals(resource) && s.size() == 2 && post) {
                return submitEvaluations(r, appId);
            }
            if ("evaluations".equals(resource) && s.size() == 3 && get) {
                return evaluation(s.get(2));
            }
            if ("work-orders".equals(resource) && s.size() == 2 && get) {
                return listWorkOrders(r);
            }
            if ("work-orders".equals(resource) && s.size() == 3 && get) {
                return Outcome.ok(toJson(requireWorkOrder(s.get(2))));
            }
            if ("work-orders".equals(resource) && s.size() == 4 && post && "actions".equals(s.get(3))) {
                WorkOrderRequests.Parsed p = workOrderRequests.action(Json.read(r.body));
                return Outcome.ok(toJson(core.act(s.get(2), p.action, p.actor, p.at)));
            }
            if ("work-orders".equals(resource) && s.size() == 4 && post && "follow-up".equals(s.get(3))) {
                WorkOrderRequests.Parsed p = workOrderRequests.followUp(Json.read(r.body));
                return Outcome.ok(toJson(core.act(s.get(2), p.action, p.actor, p.at)));
            }
            if ("unevaluated".equals(resource) && s.size() == 2 && post) {
                return submitUnevaluated(r, appId);
            }
            if ("indicators".equals(resource) && s.size() == 2 && get) {
                return indicators();
            }
            if ("calendar".equals(resource) && s.size() == 3 && get) {
                return calendar(s.get(2));
            }
        }
        throw new ApiException(ErrorCode.NOT_FOUND, "no endpoint " + r.method + " " + r.path);
    }

    /**
     * {@code GET /v1/calendar/{year}}: the State Council's arrangement of a year as the SDK bundles it
     * (2021-2026 here); 404 for a year not published (docs/interface-spec.md, 5.8).
     */
    private static Outcome calendar(String yearText) {
        if (!yearText.matches("\\d{4}")) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "year must be four digits, not " + yearText);
        }
        String year = yearText;
        ArrayNode days = Json.MAPPER.createArrayNode();
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                org.haochaping.calendar.WorkingDayCalendar.class.getResourceAsStream("cn-official-2021-2026.tsv"),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] cols = line.split("\t", 4);
                if (line.startsWith("#") || cols.length < 3 || !cols[2].equals(year)) {
                    continue;
                }
                ObjectNode day = days.addObject();
                day.put("date", cols[0]);
                day.put("kind", cols[1]);
                day.put("note", cols.length > 3 ? cols[3] : "");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (days.isEmpty()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no holiday arrangement published for " + year);
        }
        ObjectNode data = Json.object();
        data.put("year", Integer.parseInt(year));
        data.put("source", "国务院办公厅关于" + year + "年部分节假日安排的通知");
        data.set("days", days);
        return Outcome.ok(data);
    }

    private Outcome submitCases(SimRequest r, String appId) {
        JsonNode records = records(Json.read(r.body));
        List<RecordResult> results = core.submitCases(appId, r.path,
                Submitted.ofArray(unified.decodeCases(records.toString())));
        return submission(results, true);
    }

    private Outcome submitEvaluations(SimRequest r, String appId) {
        JsonNode records = records(Json.read(r.body));
        List<RecordResult> results = core.submitEvaluations(appId, unified.profile().name(), r.path,
                Submitted.ofArray(unified.decodeEvaluations(records.toString())));
        return submission(results, false);
    }

    private Outcome submitUnevaluated(SimRequest r, String appId) {
        JsonNode records = records(Json.read(r.body));
        List<UnevaluatedRecord> reported = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode node = records.get(i);
            if (node.isObject() && !node.has("kind")) {
                ((ObjectNode) node).put("kind", "unevaluated");
            }
            try {
                reported.add((UnevaluatedRecord) Json.MAPPER.treeToValue(node, StatisticsRecord.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException | ClassCastException e) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "records[" + i + "] is not an unevaluated record "
                        + "(caseNo, deptCode, areaCode, completedAt; spec 2)");
            }
        }
        return submission(core.submitUnevaluated(appId, r.path, reported), true);
    }

    /** {@code {"records": [ ... ]}} with 1 to {@value #MAX_RECORDS} records, nothing else. */
    private static JsonNode records(JsonNode body) {
        if (!body.isObject()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "the body must be a JSON object {\"records\": [...]}");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!"records".equals(name)) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "unknown field " + name + " (the body is {\"records\": [...]})");
            }
        }
        JsonNode records = body.get("records");
        if (records == null || !records.isArray()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "records must be a JSON array");
        }
        checkCount(records.size());
        return records;
    }

    static void checkCount(int n) {
        if (n < 1 || n > MAX_RECORDS) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "a submission takes 1 to " + MAX_RECORDS + " records, not " + n);
        }
    }

    /** {@code data.results}; {@code INVALID_PAYLOAD} (422) when every record was refused. */
    static Outcome submission(List<RecordResult> results, boolean cases) {
        ObjectNode data = Json.object();
        data.set("results", resultsJson(results, cases));
        for (RecordResult result : results) {
            if (result.status != RecordResult.Status.REJECTED) {
                return Outcome.ok(data);
            }
        }
        return Outcome.of(ErrorCode.INVALID_PAYLOAD, "every record was refused; data.results says why", data);
    }

    static ArrayNode resultsJson(List<RecordResult> results, boolean cases) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (RecordResult result : results) {
            ObjectNode o = a.addObject();
            o.put("index", result.index);
            if (cases && result.caseNo != null) {
                o.put("caseNo", result.caseNo);
            }
            o.put("status", result.status.name());
            if (result.evaluationNo != null) {
                o.put("evaluationNo", result.evaluationNo);
            }
            if (result.workOrderNo != null) {
                o.put("workOrderNo", result.workOrderNo);
            }
            if (!result.violations.isEmpty()) {
                o.set("violations", Json.violations(result.violations));
            }
        }
        return a;
    }

    private Outcome evaluation(String evaluationNo) {
        AcceptedEvaluation a = core.evaluation(evaluationNo);
        if (a == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no evaluation " + evaluationNo);
        }
        WorkOrder order = a.workOrderNo() == null ? null : core.workOrder(a.workOrderNo());
        ObjectNode data = Json.object();
        data.put("evaluationNo", a.evaluationNo());
        if (a.evaluationId() != null) {
            data.put("evaluationId", a.evaluationId());
        }
        data.put("caseNo", a.evaluation().caseRecord().caseNo());
        data.put("grade", a.evaluation().grade().name());
        data.put("status", order != null && order.state().countsAsUnevaluated() ? "NOT_ADOPTED" : "ADOPTED");
        if (a.workOrderNo() != null) {
            data.put("workOrderNo", a.workOrderNo());
        }
        return Outcome.ok(data);
    }

    private Outcome listWorkOrders(SimRequest r) {
        Map<String, String> q = query(r.query, "state", "deptCode", "page", "pageSize");
        WorkOrderState state = null;
        if (q.containsKey("state")) {
            try {
                state = WorkOrderState.valueOf(q.get("state"));
            } catch (IllegalArgumentException e) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "state must be one of " + Arrays.toString(WorkOrderState.values()));
            }
        }
        int page = integer(q, "page", 1, 1, Integer.MAX_VALUE);
        int pageSize = integer(q, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        CentralPlatform.Page<WorkOrder> p = core.workOrders(state, q.get("deptCode"), page, pageSize);
        ObjectNode data = Json.object();
        ArrayNode items = data.putArray("items");
        for (WorkOrder o : p.items) {
            items.add(toJson(o));
        }
        data.put("page", p.page).put("pageSize", p.pageSize).put("total", p.total);
        return Outcome.ok(data);
    }

    private WorkOrder requireWorkOrder(String orderNo) {
        WorkOrder o = core.workOrder(orderNo);
        if (o == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no work order " + orderNo);
        }
        return o;
    }

    private static Outcome indicators() {
        ObjectNode data = Json.object();
        ArrayNode a = data.putArray("indicators");
        for (Indicator i : IndicatorCatalogue.standard().all()) {
            a.addObject().put("code", i.code()).put("target", i.target().name()).put("grade", i.grade().name())
                    .put("text", i.text()).put("requiresFreeText", i.requiresFreeText());
        }
        return Outcome.ok(data);
    }

    static JsonNode toJson(WorkOrder order) {
        return Json.MAPPER.valueToTree(order);
    }

    /** Query parameters, percent-decoded ({@code +} stays a plus); an empty value is no value. */
    private static Map<String, String> query(String rawQuery, String... allowed) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null) {
            return out;
        }
        List<String> names = Arrays.asList(allowed);
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            if (!names.contains(name)) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "unknown query parameter " + name + " (this endpoint takes "
                        + String.join(", ", allowed) + ")");
            }
            if (value.isEmpty()) {
                continue;
            }
            if (out.put(name, value) != null) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "query parameter " + name + " is given twice");
            }
        }
        return out;
    }

    private static int integer(Map<String, String> q, String name, int byDefault, int min, int max) {
        String text = q.get(name);
        if (text == null) {
            return byDefault;
        }
        try {
            int v = Integer.parseInt(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(ErrorCode.INVALID_REQUEST, name + " must be an integer from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max));
    }

    /** The path's segments after the leading {@code /}, each percent-decoded. */
    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.substring(1).split("/", -1)) {
            out.add(decode(s));
        }
        return out;
    }

    /** RFC 3986 percent-decoding to UTF-8, as the signing profile does it: {@code +} is a plus. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length) {
                int hi = Character.digit(raw[i + 1], 16);
                int lo = Character.digit(raw[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    bytes.write((hi << 4) | lo);
                    i += 2;
                    continue;
                }
            }
            if (raw[i] == '%') {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "the request line has an invalid percent escape");
            }
            bytes.write(raw[i]);
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
