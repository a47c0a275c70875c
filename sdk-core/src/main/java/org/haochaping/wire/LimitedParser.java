package org.haochaping.wire;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;

/**
 * A parser that counts as tokens stream in: an array inside a record longer than {@link PayloadLimits#maxArrayLength()}
 * or nesting deeper than {@link PayloadLimits#maxDepth()} stops reading at once, so a hostile payload never becomes a
 * tree larger than the limits allow. The top-level array (the records) is counted by {@link PayloadCodec}.
 */
final class LimitedParser extends JsonParserDelegate {

    private final PayloadLimits limits;

    LimitedParser(JsonParser parser, PayloadLimits limits) {
        super(parser);
        this.limits = limits;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = super.nextToken();
        check(token);
        return token;
    }

    @Override
    public String nextFieldName() throws IOException {
        String name = super.nextFieldName();
        check(currentToken());
        return name;
    }

    @Override
    public boolean nextFieldName(SerializableString expected) throws IOException {
        boolean matched = super.nextFieldName(expected);
        check(currentToken());
        return matched;
    }

    @Override
    public String nextTextValue() throws IOException {
        return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    private void check(JsonToken token) {
        if (token == null) {
            return;
        }
        JsonStreamContext context = getParsingContext();
        if (token.isStructStart()) {
            int depth = 0;
            for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                depth++;
            }
            if (depth > limits.maxDepth()) {
                throw limit("nested deeper than " + limits.maxDepth() + " levels", "maxDepth");
            }
        }
        if (token != JsonToken.END_ARRAY && token != JsonToken.END_OBJECT) {
            JsonStreamContext array = token.isStructStart() ? context.getParent() : context;
            if (array != null && array.inArray() && array.getParent() != null && !array.getParent().inRoot()
                    && array.getCurrentIndex() >= limits.maxArrayLength()) {
                throw limit("an array of more than " + limits.maxArrayLength() + " elements", "maxArrayLength");
            }
        }
    }

    private PayloadLimitException limit(String problem, String name) {
        JsonLocation at = currentTokenLocation();
        return new PayloadLimitException(problem, name, at == null ? 0 : at.getLineNr(),
                at == null ? 0 : at.getColumnNr());
    }
}
