package org.haochaping.client;

import org.haochaping.outbox.OutboxRecord;
import org.haochaping.outbox.OutboxSink;
import org.haochaping.outbox.RecordRejectedException;
import org.haochaping.rules.Violation;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.ServiceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's policy for the client's submissions: what is dropped for good ({@link RecordRejectedException}) and
 * what is delivered again later (anything else thrown). A record is sent with its persisted idempotency key, so a
 * record delivered again after a crash is counted once.
 */
final class OutboxDelivery implements OutboxSink {

    private final HcpClient client;
    private final boolean national;

    OutboxDelivery(HcpClient client, boolean national) {
        this.client = client;
        this.national = national;
    }

    @Override
    public void deliver(OutboxRecord record) {
        if (national && HcpClient.KIND_EVALUATIONS.equals(record.kind()) && !RequestBodies.isArray(record.payload())) {
            // Queued by an SDK that sealed envelopes when queueing: their time has passed and cannot be renewed.
            throw new RecordRejectedException("outbox record " + record.sequence()
                    + " holds an envelope sealed when it was queued; it cannot be sealed again (issue 13)");
        }
        RequestOptions options = RequestOptions.builder().idempotencyKey(record.idempotencyKey()).build();
        SubmissionResult result;
        try {
            result = client.submitEncoded(record.kind(), record.payload(), options);
        } catch (ServiceException e) {
            Optional<PlatformErrorCode> code = PlatformErrorCode.of(e);
            if (!e.isRetryable() && code.isPresent() && code.get().refusesTheRequestForGood()) {
                throw new RecordRejectedException("outbox record " + record.sequence() + " refused by the platform: "
                        + code.get(), code.get().name(), e);
            }
            throw e;
        }
        if (!result.allHeld()) {
            List<Violation> why = new ArrayList<>();
            for (RecordResult r : result.results()) {
                why.addAll(r.violations());
            }
            throw new RecordRejectedException("outbox record " + record.sequence() + ": "
                    + result.count(RecordStatus.REJECTED) + " of " + result.results().size()
                    + " records refused" + (why.isEmpty() ? "" : ", first: " + why.get(0)),
                    RecordStatus.REJECTED.name(), null); // the per-record status is the platform's code here
        }
    }
}
