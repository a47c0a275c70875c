package gate.clean;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/** java.time and java.util.Base64 are in Java 8 and in Android from API 26. */
public final class FormatsDates {
    public static String today() {
        String date = LocalDate.of(2021, 8, 1).format(DateTimeFormatter.BASIC_ISO_DATE);
        return Base64.getEncoder().encodeToString(date.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
