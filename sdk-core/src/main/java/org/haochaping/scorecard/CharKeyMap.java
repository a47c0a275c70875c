package org.haochaping.scorecard;

import java.util.Arrays;

/**
 * A hash map from text to values that is looked up by a slice of a {@code char[]}, so that a stream of
 * records finds its group, its open bad review or its waiting work order without building a String per
 * record; the key String is built once, when an entry is added. Open addressing with linear probing and
 * backward-shift deletion (no tombstones). Not thread-safe.
 */
final class CharKeyMap<V> {

    private String[] keys = new String[16];
    /** The keys' chars, compared on lookup (faster than String.charAt). */
    private char[][] keyChars = new char[16][];
    private Object[] values = new Object[16];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The value for the first {@code length} chars of {@code text}; {@code null} when there is none. */
    V get(char[] text, int length) {
        int i = find(text, length, hash(text, length));
        return i < 0 ? null : value(i);
    }

    V get(String key) {
        char[] chars = key.toCharArray();
        return get(chars, chars.length);
    }

    /** Adds or replaces; returns the previous value. */
    V put(String key, V value) {
        char[] chars = key.toCharArray();
        int h = hash(chars, chars.length);
        int i = find(chars, chars.length, h);
        if (i >= 0) {
            V old = value(i);
            values[i] = value;
            return old;
        }
        if ((size + 1) * 4 > keys.length * 3) {
            grow();
        }
        insert(key, chars, value, h);
        size++;
        return null;
    }

    /** Removes the entry for the first {@code length} chars of {@code text}; returns its value or {@code null}. */
    V remove(char[] text, int length) {
        if (size == 0) {
            return null;
        }
        int i = find(text, length, hash(text, length));
        if (i < 0) {
            return null;
        }
        V old = value(i);
        deleteAt(i);
        size--;
        return old;
    }

    /** The key at table index {@code i} ({@code null} for an empty slot), for iteration over {@link #capacity()}. */
    String keyAt(int i) {
        return keys[i];
    }

    V valueAt(int i) {
        return value(i);
    }

    int capacity() {
        return keys.length;
    }

    void clear() {
        Arrays.fill(keys, null);
        Arrays.fill(keyChars, null);
        Arrays.fill(values, null);
        size = 0;
    }

    @SuppressWarnings("unchecked")
    private V value(int i) {
        return (V) values[i];
    }

    /** String.hashCode of the chars, spread, so that keys made of a common prefix and a counter spread well. */
    private static int hash(char[] text, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + text[i];
        }
        return h ^ (h >>> 16);
    }

    private int find(char[] text, int length, int h) {
        int mask = keys.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            char[] k = keyChars[i];
            if (k == null) {
                return -1;
            }
            if (k.length == length && same(k, text, length)) {
                return i;
            }
        }
    }

    private static boolean same(char[] k, char[] text, int length) {
        for (int i = 0; i < length; i++) {
            if (k[i] != text[i]) {
                return false;
            }
        }
        return true;
    }

    private void insert(String key, char[] chars, Object value, int h) {
        int mask = keys.length - 1;
        int i = h & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        keyChars[i] = chars;
        values[i] = value;
    }

    private void grow() {
        String[] oldKeys = keys;
        char[][] oldChars = keyChars;
        Object[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        keyChars = new char[oldKeys.length * 2][];
        values = new Object[oldValues.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldChars[i], oldValues[i], hashOf(oldKeys[i]));
            }
        }
    }

    private static int hashOf(String key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    /** Linear-probing deletion: shift later entries of the same probe run back into the hole. */
    private void deleteAt(int hole) {
        int mask = keys.length - 1;
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            String k = keys[i];
            if (k == null) {
                break;
            }
            int home = hashOf(k) & mask;
            // Move k into the hole when its home slot is not cyclically within (hole, i].
            boolean between = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
            if (!between) {
                keys[hole] = k;
                keyChars[hole] = keyChars[i];
                values[hole] = values[i];
                hole = i;
            }
        }
        keys[hole] = null;
        keyChars[hole] = null;
        values[hole] = null;
    }
}
