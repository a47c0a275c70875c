package org.haochaping.wire;

/**
 * Resource limits for reading payloads from outside: input bytes, records, array length and nesting. A payload
 * over a limit is refused whole with a {@link PayloadLimitException} naming the limit, before it can take more
 * memory than the limit allows (the records are read one by one, arrays are counted as they stream in).
 * Immutable. Defaults and the reasons for them: {@code docs/security.md}, "Limits".
 *
 * <pre>{@code
 * PayloadCodec codec = PayloadCodec.of(WireProfile.unified(),
 *         PayloadLimits.builder().maxRecords(100).build());
 * }</pre>
 */
public final class PayloadLimits {

    /** Default of {@link #maxInputBytes()}: 16 MiB. */
    public static final int DEFAULT_MAX_INPUT_BYTES = 16 * 1024 * 1024;
    /** Default of {@link #maxRecords()}. */
    public static final int DEFAULT_MAX_RECORDS = 10_000;
    /** Default of {@link #maxArrayLength()}. */
    public static final int DEFAULT_MAX_ARRAY_LENGTH = 256;
    /** Default of {@link #maxDepth()}. */
    public static final int DEFAULT_MAX_DEPTH = 16;

    private static final PayloadLimits DEFAULTS = builder().build();

    private final int maxInputBytes;
    private final int maxRecords;
    private final int maxArrayLength;
    private final int maxDepth;

    private PayloadLimits(Builder b) {
        this.maxInputBytes = b.maxInputBytes;
        this.maxRecords = b.maxRecords;
        this.maxArrayLength = b.maxArrayLength;
        this.maxDepth = b.maxDepth;
    }

    public static PayloadLimits defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The most bytes of payload text (UTF-8); default 16 MiB. */
    public int maxInputBytes() {
        return maxInputBytes;
    }

    /** The most records in one payload (elements of the top-level array); default 10,000. */
    public int maxRecords() {
        return maxRecords;
    }

    /**
     * The most elements in any array inside a record ({@code targets}, {@code indicators}, {@code jointDeptCodes},
     * ...); default 256.
     */
    public int maxArrayLength() {
        return maxArrayLength;
    }

    /** The deepest nesting of objects and arrays, the top level counting as 1; default 16. */
    public int maxDepth() {
        return maxDepth;
    }

    @Override
    public String toString() {
        return "PayloadLimits{maxInputBytes=" + maxInputBytes + ", maxRecords=" + maxRecords + ", maxArrayLength="
                + maxArrayLength + ", maxDepth=" + maxDepth + "}";
    }

    /** Builds {@link PayloadLimits}; every limit starts at its default. */
    public static final class Builder {
        private int maxInputBytes = DEFAULT_MAX_INPUT_BYTES;
        private int maxRecords = DEFAULT_MAX_RECORDS;
        private int maxArrayLength = DEFAULT_MAX_ARRAY_LENGTH;
        private int maxDepth = DEFAULT_MAX_DEPTH;

        private Builder() {
        }

        public Builder maxInputBytes(int bytes) {
            this.maxInputBytes = positive("maxInputBytes", bytes);
            return this;
        }

        public Builder maxRecords(int records) {
            this.maxRecords = positive("maxRecords", records);
            return this;
        }

        public Builder maxArrayLength(int length) {
            this.maxArrayLength = positive("maxArrayLength", length);
            return this;
        }

        /** At least 3: a record object inside the top-level array holds at least one nested object. */
        public Builder maxDepth(int depth) {
            if (depth < 3) {
                throw new IllegalArgumentException("maxDepth: " + depth + " is less than 3");
            }
            this.maxDepth = depth;
            return this;
        }

        public PayloadLimits build() {
            return new PayloadLimits(this);
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + ": " + value + " is less than 1");
            }
            return value;
        }
    }
}
