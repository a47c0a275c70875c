package org.haochaping.crypto.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.bouncycastle.util.Arrays;

/** A national envelope whose sign and time were accepted: who sent it, when, and the records' JSON array. */
public final class OpenedEnvelope {

    private final String appMark;
    private final Instant time;
    private final byte[] records;

    OpenedEnvelope(String appMark, Instant time, byte[] records) {
        this.appMark = appMark;
        this.time = time;
        this.records = records;
    }

    public String appMark() {
        return appMark;
    }

    public Instant time() {
        return time;
    }

    /** The decrypted JSON array of records (UTF-8 bytes; a copy). */
    public byte[] records() {
        return Arrays.clone(records);
    }

    public String recordsText() {
        return new String(records, StandardCharsets.UTF_8);
    }

    /** Names the sender and time only: the records hold personal data. */
    @Override
    public String toString() {
        return "OpenedEnvelope[appMark " + appMark + ", " + time + ", " + records.length + " bytes]";
    }
}
