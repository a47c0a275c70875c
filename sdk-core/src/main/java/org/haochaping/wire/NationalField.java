package org.haochaping.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.rules.Violation;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * One row of the national profile's field table ({@link NationalFields}): the field's name on the wire, the model
 * paths rule violations name it by, the model accessor it is written from, and the converter between model value and
 * wire text. The writer, the reader and {@link NationalProfile#wirePath} all take the name from here, so a field is
 * named once.
 *
 * @param <M> the model object the field is written from (case record or evaluation)
 * @param <V> the model value
 */
final class NationalField<M, V> {

    /** Model value → wire text; {@code null} leaves the field out. A value the code tables cannot express is reported. */
    interface Writer<V> {
        String write(V value, NationalProfile profile, List<Violation> unrepresentable);
    }

    /** Wire → model value; format violations go to the reader, never thrown. */
    interface Reader<V> {
        V read(FieldReader r, String field, NationalProfile profile);
    }

    /**
     * A converter: both directions of one kind of field (text, time, code list, a code table). A field read together
     * with another (assessNumber with evaluateType) has no reader of its own.
     */
    static final class Converter<V> {
        final Writer<V> writer;
        final Reader<V> reader;

        Converter(Writer<V> writer, Reader<V> reader) {
            this.writer = writer;
            this.reader = reader;
        }
    }

    final String wire;
    /** The model paths (as rule violations name them) that point at this field; empty for an extension-only field. */
    final List<String> modelPaths;
    private final Function<M, V> accessor;
    private final Converter<V> converter;

    NationalField(String wire, Function<M, V> accessor, Converter<V> converter, String... modelPaths) {
        this.wire = wire;
        this.accessor = accessor;
        this.converter = converter;
        this.modelPaths = Collections.unmodifiableList(Arrays.asList(modelPaths));
    }

    void write(M model, ObjectNode out, NationalProfile profile, List<Violation> unrepresentable) {
        V value = accessor.apply(model);
        if (value == null) {
            return;
        }
        String text = converter.writer.write(value, profile, unrepresentable);
        if (text != null) {
            out.put(wire, text);
        }
    }

    V read(FieldReader r, NationalProfile profile) {
        return converter.reader.read(r, wire, profile);
    }

    /** Whether the record holds a non-null value for this field. */
    boolean presentIn(FieldReader r) {
        return r.has(wire);
    }
}
