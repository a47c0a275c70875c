package org.haochaping.scorecard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Reads statistics records, one JSON object per line, into {@link RecordFields} with one Jackson streaming
 * parser over the whole input (JSON lines are a sequence of root-level values): no String per line, no tree, no
 * object per record; field values are copied as chars. Every value is a string (or null); unknown fields are
 * errors (a misspelt {@code hallcode} would otherwise drop a record out of its hall silently). Blank lines are
 * skipped; an object that spans lines or shares its line with another value is refused.
 */
final class JsonLinesReader implements Closeable {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String ONE_PER_LINE = "a record is one JSON object on one line";

    private final JsonParser parser;
    /** Added to the parser's line numbers: for a line read on its own, its line in the file minus one. */
    private final long lineOffset;
    private long line;

    private JsonLinesReader(JsonParser parser, long lineOffset) {
        this.parser = parser;
        this.lineOffset = lineOffset;
    }

    /** Over UTF-8 (or UTF-16/32, detected) bytes; {@link #close()} closes the stream. */
    static JsonLinesReader of(InputStream in) throws IOException {
        return new JsonLinesReader(FACTORY.createParser(in), 0);
    }

    /** Over the caller's reader, which {@link #close()} leaves open. */
    static JsonLinesReader of(Reader in) throws IOException {
        JsonParser parser = FACTORY.createParser(in);
        parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return new JsonLinesReader(parser, 0);
    }

    /**
     * Reads one line on its own (a line kept aside by the sorting path) into {@code into}.
     *
     * @param lineNo the line's number in its file, for messages
     * @throws StatisticsRecordException naming the line
     */
    static void parseLine(String text, long lineNo, RecordFields into) {
        try (JsonLinesReader r = new JsonLinesReader(FACTORY.createParser(text), lineNo - 1)) {
            if (!r.next(into) || r.next(new RecordFields())) {
                throw new StatisticsRecordException((int) lineNo, ONE_PER_LINE, null);
            }
        } catch (IOException e) {
            throw new StatisticsRecordException((int) lineNo, "not JSON: " + e.getMessage(), e);
        }
    }

    /** The line of the record read last (1-based). */
    long line() {
        return line;
    }

    /**
     * Reads the next record into {@code into}, checked ({@link RecordFields#check}).
     *
     * @return {@code false} at the end of the input
     * @throws StatisticsRecordException naming the line and the problem
     * @throws IOException when reading fails
     */
    boolean next(RecordFields into) throws IOException {
        long previous = line;
        JsonToken t = token();
        if (t == null) {
            return false;
        }
        line = lineOf(parser.currentTokenLocation());
        if (t != JsonToken.START_OBJECT || line == previous) {
            throw error(ONE_PER_LINE);
        }
        into.clear();
        while ((t = token()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int slot = RecordFields.slotOf(name);
            if (slot < 0) {
                throw error("unknown field \"" + name + "\" (docs/interface-spec.md §2)");
            }
            JsonToken v = token();
            if (v == JsonToken.VALUE_STRING) {
                try {
                    // Jackson decodes a string when it is read, here: a bad escape fails now, not in nextToken().
                    into.set(slot, parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                } catch (JsonProcessingException e) {
                    throw notJson(e);
                }
            } else if (v == JsonToken.VALUE_NULL) {
                into.setNull(slot);
            } else {
                throw error("field \"" + name + "\" must be a string");
            }
        }
        if (t != JsonToken.END_OBJECT || lineOf(parser.currentTokenLocation()) != line) {
            throw error(ONE_PER_LINE);
        }
        try {
            into.check(true);
        } catch (StatisticsRecordException e) {
            throw new StatisticsRecordException((int) line, e.getMessage(), e);
        }
        return true;
    }

    private JsonToken token() throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
    }

    private StatisticsRecordException notJson(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        long at = where != null && where.getLineNr() > 0 ? lineOf(where) : Math.max(line, 1);
        return new StatisticsRecordException((int) at, "not JSON: " + e.getOriginalMessage(), null);
    }

    private long lineOf(JsonLocation where) {
        return lineOffset + where.getLineNr();
    }

    private StatisticsRecordException error(String message) {
        return new StatisticsRecordException((int) line, message, null);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
