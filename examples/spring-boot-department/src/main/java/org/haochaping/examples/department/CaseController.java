package org.haochaping.examples.department;

import java.util.List;
import java.util.Map;
import org.haochaping.rules.ValidationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The department front end's API: {@code POST /cases} records a completed case with its evaluation,
 * {@code POST /cases/{caseNo}/appended-evaluations} an appended evaluation (追加评价). Both answer 201 once the
 * transaction committed; delivery to the platform follows from the outbox.
 */
@RestController
public class CaseController {

    private final CaseDesk desk;

    public CaseController(CaseDesk desk) {
        this.desk = desk;
    }

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    public CaseDesk.Recorded record(@RequestBody CaseRequest request) {
        return desk.record(request);
    }

    @PostMapping("/cases/{caseNo}/appended-evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    public CaseDesk.Recorded append(@PathVariable("caseNo") String caseNo, @RequestBody CaseRequest.EvaluationRequest request) {
        return desk.append(caseNo, request);
    }

    /** A record the rules refuse: 422 with every field, rule (article) and message; nothing was stored. */
    @ExceptionHandler(ValidationException.class)
    public ResponseEntity<Map<String, Object>> refused(ValidationException e) {
        List<Map<String, String>> violations = e.violations().stream()
                .map(v -> Map.of("field", v.path(), "rule", v.rule(), "message", v.message())).toList();
        return ResponseEntity.unprocessableEntity().body(Map.of("code", "RULES_VIOLATED", "violations", violations));
    }

    /** The case is recorded already: 409, and the second request stored nothing (not even an outbox row). */
    @ExceptionHandler(DuplicateKeyException.class)
    public ResponseEntity<Map<String, String>> duplicate(DuplicateKeyException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("code", "CASE_ALREADY_RECORDED"));
    }

    @ExceptionHandler(CaseNotFoundException.class)
    public ResponseEntity<Map<String, String>> notFound(CaseNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("code", "NOT_FOUND", "message", e.getMessage()));
    }

    /** A value of the wrong shape (an unknown grade or target): 400 naming it. */
    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> badValue(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("code", "INVALID_REQUEST", "message", e.getMessage()));
    }
}
