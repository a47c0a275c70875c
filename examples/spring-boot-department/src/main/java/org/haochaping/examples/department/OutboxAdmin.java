package org.haochaping.examples.department;

import java.util.List;
import java.util.Map;
import org.haochaping.jdbc.DeadLetter;
import org.haochaping.jdbc.JdbcOutboxStore;
import org.haochaping.outbox.OutboxStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of the outbox: records the platform refused for good (dead letters, with the platform's
 * reason) and putting one back in line once the cause is fixed. Protect {@code /admin} in a real deployment (Spring
 * Security, or a separate management port). Dead letters are a JDBC outbox feature; with another store the list is
 * empty.
 */
@RestController
public class OutboxAdmin {

    private final OutboxStore outbox;

    public OutboxAdmin(OutboxStore outbox) {
        this.outbox = outbox;
    }

    /** One entry per dead letter: sequence, kind, reason, attempts, when. No payload: it holds personal data. */
    @GetMapping("/admin/outbox/dead-letters")
    public List<Map<String, Object>> deadLetters() {
        if (!(outbox instanceof JdbcOutboxStore jdbc)) {
            return List.of();
        }
        return jdbc.deadLetters(100).stream().map(OutboxAdmin::view).toList();
    }

    @PostMapping("/admin/outbox/dead-letters/{sequence}/requeue")
    public ResponseEntity<Void> requeue(@PathVariable("sequence") long sequence) {
        boolean requeued = outbox instanceof JdbcOutboxStore jdbc && jdbc.requeue(sequence);
        return requeued ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    private static Map<String, Object> view(DeadLetter d) {
        return Map.of("sequence", d.record().sequence(), "kind", d.record().kind(), "reason", d.reason(),
                "attempts", d.attempts(), "deadAt", d.deadAt().toString());
    }
}
