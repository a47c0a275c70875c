package org.haochaping.scorecard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads one JSON line into {@link RecordFields} with Jackson's streaming parser: no tree, no object per
 * record. Every value is a string (or null); unknown fields are errors (a misspelt {@code hallcode} would
 * otherwise drop a record out of its hall silently).
 */
final class JsonLineParser {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLineParser() {
    }

    /**
     * @throws StatisticsRecordException without a line number (the caller adds it)
     */
    static void parse(String line, RecordFields into, boolean checkInstants) {
        into.clear();
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new StatisticsRecordException("a record is one JSON object on one line");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                int slot = RecordFields.slotOf(name);
                if (slot < 0) {
                    throw new StatisticsRecordException("unknown field \"" + name + "\" (docs/interface-spec.md §2)");
                }
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING) {
                    into.set(slot, p.getText());
                } else if (v == JsonToken.VALUE_NULL) {
                    into.set(slot, null);
                } else {
                    throw new StatisticsRecordException("field \"" + name + "\" must be a string");
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new StatisticsRecordException("a record is one JSON object on one line");
            }
        } catch (JsonProcessingException e) {
            throw new StatisticsRecordException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new StatisticsRecordException("not JSON: " + e.getMessage());
        }
        into.check(checkInstants);
    }
}
