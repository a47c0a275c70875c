package org.haochaping.badreview;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.regex.Pattern;

/**
 * One piece of evidence for an appeal (复核申请, Art. 21: "提供相关证据"): what it is (a call record, a video
 * extract, a document) and where to find it, by a reference (a file id, an archive number, a URL), a digest of its
 * content (hex SHA-256 or SM3, 64 characters), or both. The description may hold personal data: it never appears
 * in {@link #toString()}. On the wire: {@code {"description":"大厅录像 09:00-09:30","reference":"VID-2024-0930-A12",
 * "digest":"9f86d0..."}}. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Evidence {

    private static final Pattern DIGEST = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int MAX_TEXT = 500;

    private final String description;
    private final String reference;
    private final String digest;

    private Evidence(String description, String reference, String digest) {
        this.description = description;
        this.reference = reference;
        this.digest = digest;
    }

    /**
     * @param description what the evidence is (required)
     * @param reference where it is kept, or {@code null} when a digest is given
     * @param digest hex SHA-256 or SM3 of its content, or {@code null} when a reference is given
     * @throws IllegalArgumentException (Art. 21) naming the field that is missing or malformed
     */
    @JsonCreator
    public static Evidence of(@JsonProperty("description") String description,
                              @JsonProperty("reference") String reference,
                              @JsonProperty("digest") String digest) {
        if (blank(description)) {
            throw new IllegalArgumentException("evidence.description is required: say what the evidence is (Art. 21)");
        }
        if (description.length() > MAX_TEXT || (reference != null && reference.length() > MAX_TEXT)) {
            throw new IllegalArgumentException("evidence description and reference are at most " + MAX_TEXT
                    + " characters (Art. 21)");
        }
        if (blank(reference) && blank(digest)) {
            throw new IllegalArgumentException("evidence needs a reference or a digest: where the evidence is kept or "
                    + "a hash of its content (Art. 21)");
        }
        if (!blank(digest) && !DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("evidence.digest must be 64 hex characters (SHA-256 or SM3) (Art. 21)");
        }
        return new Evidence(description, blank(reference) ? null : reference, blank(digest) ? null : digest.toLowerCase(java.util.Locale.ROOT));
    }

    /** Evidence kept under a reference. */
    public static Evidence referenced(String description, String reference) {
        return of(description, reference, null);
    }

    private static boolean blank(String s) {
        return s == null || s.trim().isEmpty();
    }

    @JsonProperty("description")
    public String description() {
        return description;
    }

    /** Where it is kept, or {@code null}. */
    @JsonProperty("reference")
    public String reference() {
        return reference;
    }

    /** Hex digest of its content (lower case), or {@code null}. */
    @JsonProperty("digest")
    public String digest() {
        return digest;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Evidence)) {
            return false;
        }
        Evidence e = (Evidence) o;
        return description.equals(e.description) && eq(reference, e.reference) && eq(digest, e.digest);
    }

    private static boolean eq(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }

    @Override
    public int hashCode() {
        return description.hashCode();
    }

    /** Leaves the description out (it may hold personal data). */
    @Override
    public String toString() {
        return "Evidence{" + (reference != null ? "reference" : "") + (reference != null && digest != null ? "+" : "")
                + (digest != null ? "digest" : "") + "}";
    }
}
