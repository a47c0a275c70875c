package gate.java11;

/** String.repeat(int) is Java 11 and not in Android API 26. */
public final class RepeatsStrings {
    public static String stars(int count) {
        return "*".repeat(count);
    }
}
