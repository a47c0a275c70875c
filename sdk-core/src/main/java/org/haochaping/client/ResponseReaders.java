package org.haochaping.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.model.Grade;
import org.haochaping.model.Indicator;
import org.haochaping.model.IndicatorCatalogue;
import org.haochaping.transport.TransportResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What each endpoint's verified answer means (interface-spec 5.2-5.9), read from the envelope's {@code data}
 * ({@link PlatformResponses}). Anything that cannot be read is a {@link MalformedResponseException}.
 */
final class ResponseReaders {

    private static final Logger LOG = LoggerFactory.getLogger(HcpClient.class);

    private ResponseReaders() {
    }

    /** The per-record results of a submission, one per record sent (5.1-5.3, 5.7, 5.9). */
    static SubmissionResult submission(PlatformCall call, TransportResponse response) {
        SubmissionResult result;
        if (call.national) {
            result = PlatformResponses.submission(null, PlatformResponses.nationalData(response.body()),
                    PlatformResponses.recordCount(call.body, null));
        } else {
            result = PlatformResponses.submission(PlatformResponses.requestId(response.body()),
                    PlatformResponses.data(response.body()).path("results"),
                    PlatformResponses.recordCount(call.body, "records"));
        }
        LOG.debug("{} {}: {}", call.http.method(), call.http.path(), result); // counts and numbers, no personal data
        return result;
    }

    /** 5.4. */
    static EvaluationStatus evaluationStatus(TransportResponse response) {
        JsonNode d = PlatformResponses.data(response.body());
        Grade grade;
        try {
            grade = Grade.valueOf(d.path("grade").asText(""));
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException("the evaluation status has no known grade");
        }
        EvaluationStatus.Adoption adoption;
        try {
            adoption = EvaluationStatus.Adoption.valueOf(d.path("status").asText(""));
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException("the evaluation status has no known status");
        }
        return new EvaluationStatus(PlatformResponses.text(d, "evaluationNo"), PlatformResponses.text(d, "evaluationId"),
                PlatformResponses.text(d, "caseNo"), grade, adoption, PlatformResponses.text(d, "workOrderNo"));
    }

    /** 5.5: one page; {@code page} and {@code pageSize} as asked when the answer leaves them out. */
    static WorkOrderPage workOrderPage(TransportResponse response, int page, int pageSize) {
        JsonNode d = PlatformResponses.data(response.body());
        List<WorkOrder> items = new ArrayList<>();
        for (JsonNode item : d.path("items")) {
            items.add(PlatformResponses.value(item, WorkOrder.class, "work order"));
        }
        return new WorkOrderPage(items, d.path("page").asInt(page), d.path("pageSize").asInt(pageSize),
                d.path("total").asLong(items.size()));
    }

    /** 5.5: one work order, also the answer to an action or a follow-up. */
    static WorkOrder workOrder(TransportResponse response) {
        return PlatformResponses.value(PlatformResponses.data(response.body()), WorkOrder.class, "work order");
    }

    /** 5.6, checked against the annex bundled with the SDK. */
    static List<Indicator> indicators(TransportResponse response) {
        JsonNode d = PlatformResponses.data(response.body());
        List<Indicator> out = new ArrayList<>();
        for (JsonNode i : d.path("indicators")) {
            Indicator known = IndicatorCatalogue.standard().find(i.path("code").asText(null));
            if (known == null || !known.text().equals(i.path("text").asText())) {
                throw new MalformedResponseException("the platform's indicator " + i.path("code").asText("?")
                        + " is not the annex's; update the SDK");
            }
            out.add(known);
        }
        return Collections.unmodifiableList(out);
    }

    /** 5.8, as text in the data-file format of {@code docs/calendar.md}. */
    static String calendar(TransportResponse response, int year) {
        JsonNode d = PlatformResponses.data(response.body());
        StringBuilder tsv = new StringBuilder();
        if (d.hasNonNull("published")) {
            tsv.append("# published: ").append(d.get("published").asText()).append('\n');
        }
        tsv.append("# ").append(d.path("source").asText("arrangement " + year)).append(" (from the platform)\n");
        for (JsonNode day : d.path("days")) {
            String note = day.path("note").asText("").replace('\t', ' ').replace('\n', ' ');
            tsv.append(day.path("date").asText()).append('\t').append(day.path("kind").asText()).append('\t')
                    .append(year).append('\t').append(note).append('\n');
        }
        return tsv.toString();
    }
}
