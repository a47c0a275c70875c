package org.haochaping.crypto.envelope;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import org.haochaping.crypto.CryptoException;

/** The envelope's {@code time}: {@code yyyyMMddHHmmss} in China Standard Time (UTC+8, no daylight saving). */
final class EnvelopeTime {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private EnvelopeTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(LocalDateTime.ofInstant(instant, CHINA));
    }

    static Instant parse(String time) {
        if (time.length() != 14) {
            throw malformed();
        }
        try {
            return LocalDateTime.parse(time, FORMAT).atZone(CHINA).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed();
        }
    }

    private static CryptoException malformed() {
        return new CryptoException(CryptoException.Reason.MALFORMED, "envelope field time must be yyyyMMddHHmmss");
    }
}
