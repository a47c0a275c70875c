package org.haochaping.transport;

import java.util.UUID;

/**
 * The value of the {@code Idempotency-Key} header: the same key on every attempt of one logical write, so
 * that the platform counts it once however often it arrives (an evaluation is counted once, Art. 11).
 *
 * <p>A key is 1 to 255 visible ASCII characters (no spaces). It identifies a request, never a person: do
 * not derive it from personal data.
 */
public final class IdempotencyKey {

    static final int MAX_LENGTH = 255;

    private final String value;

    private IdempotencyKey(String value) {
        this.value = value;
    }

    /** A fresh random key (a version 4 UUID). */
    public static IdempotencyKey random() {
        return new IdempotencyKey(UUID.randomUUID().toString());
    }

    /**
     * A key with the given value, e.g. one kept with an outbox record.
     *
     * @throws IllegalArgumentException when the value is empty, longer than 255 characters or holds
     *     characters other than visible ASCII
     */
    public static IdempotencyKey of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("idempotencyKey: must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "idempotencyKey: " + value.length() + " characters, at most " + MAX_LENGTH + " allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException(
                        "idempotencyKey: character at index " + i + " is not visible ASCII");
            }
        }
        return new IdempotencyKey(value);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdempotencyKey && ((IdempotencyKey) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The key itself: it is not a secret and helps to trace a request across client and platform logs. */
    @Override
    public String toString() {
        return value;
    }
}
