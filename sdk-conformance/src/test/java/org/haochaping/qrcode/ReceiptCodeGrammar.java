package org.haochaping.qrcode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The receipt code grammar of docs/interface-spec.md ("QR codes"), implemented again from the document
 * alone and independently of sdk-qrcode, both ways (parse and assemble), so the tests can check that the
 * spec says what the SDK does and that a code made from the spec alone is accepted by the SDK.
 */
final class ReceiptCodeGrammar {

    static final int[] DIGITS_FOR_BYTES = {0, 3, 5, 8, 10, 13, 15, 17};

    final byte[] payload;
    final byte[] body;
    final byte[] signature;
    final Map<String, String> fields = new LinkedHashMap<>();

    private ReceiptCodeGrammar(byte[] payload) {
        this.payload = payload;
        int at = 0;
        fields.put("version", Integer.toString(payload[at++]));
        int flags = payload[at++];
        fields.put("flags", Integer.toString(flags));
        fields.put("issued", Long.toString(uint32(payload, at)));
        at += 4;
        fields.put("expires", Long.toString(uint32(payload, at)));
        at += 4;
        fields.put("nonce", HexFormat.of().formatHex(payload, at, at + 8));
        at += 8;
        String[] names = {"keyId", "caseNumber", "itemCode", "windowCode", "staffNumber"};
        for (String name : names) {
            if ((name.equals("windowCode") && (flags & 1) == 0) || (name.equals("staffNumber") && (flags & 2) == 0)) {
                continue;
            }
            int length = payload[at++] & 0xFF;
            fields.put(name, new String(payload, at, length, StandardCharsets.UTF_8));
            at += length;
        }
        body = Arrays.copyOf(payload, at);
        int signatureLength = payload[at++] & 0xFF;
        signature = Arrays.copyOfRange(payload, at, at + signatureLength);
        if (at + signatureLength != payload.length) {
            throw new AssertionError("trailing bytes after the signature");
        }
    }

    /** Parses {@code <page>?r=<digits>} per the spec. */
    static ReceiptCodeGrammar parse(String text) {
        String digits = text.substring(text.lastIndexOf("r=") + 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < digits.length(); at += 17) {
            String block = digits.substring(at, Math.min(at + 17, digits.length()));
            int bytes = Arrays.stream(new int[] {0, 1, 2, 3, 4, 5, 6, 7}).filter(k -> DIGITS_FOR_BYTES[k] == block.length())
                    .findFirst().orElseThrow(() -> new AssertionError("bad block length " + block.length()));
            long value = Long.parseLong(block);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((int) (value >>> (8 * i)));
            }
        }
        return new ReceiptCodeGrammar(out.toByteArray());
    }

    /** {@code "HCP-RECEIPT" %x00 len(algorithm) algorithm body}. */
    byte[] signedBytes(String algorithm) {
        return signedBytes(algorithm, body);
    }

    static byte[] signedBytes(String algorithm, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("HCP-RECEIPT".getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.write(algorithm.length());
        out.writeBytes(algorithm.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A format version 1 body; {@code window} and {@code staff} may be null (flag bits 0 and 1). */
    static byte[] body(long issued, long expires, byte[] nonce, String keyId, String caseNumber, String itemCode,
            String window, String staff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write((window != null ? 1 : 0) | (staff != null ? 2 : 0));
        for (long time : new long[] {issued, expires}) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write((int) (time >>> shift));
            }
        }
        out.writeBytes(nonce);
        for (String text : new String[] {keyId, caseNumber, itemCode, window, staff}) {
            if (text != null) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                out.write(utf8.length);
                out.writeBytes(utf8);
            }
        }
        return out.toByteArray();
    }

    /** {@code <page>?r=<digits>}: body, signature length, signature, 7 bytes to 17 digits. */
    static String text(String page, byte[] body, byte[] signature) {
        byte[] payload = Arrays.copyOf(body, body.length + 1 + signature.length);
        payload[body.length] = (byte) signature.length;
        System.arraycopy(signature, 0, payload, body.length + 1, signature.length);
        StringBuilder digits = new StringBuilder();
        for (int at = 0; at < payload.length; at += 7) {
            int bytes = Math.min(7, payload.length - at);
            long value = 0;
            for (int i = 0; i < bytes; i++) {
                value = value << 8 | (payload[at + i] & 0xFF);
            }
            String number = Long.toString(value);
            digits.append("0".repeat(DIGITS_FOR_BYTES[bytes] - number.length())).append(number);
        }
        return page + "?r=" + digits;
    }

    private static long uint32(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }
}
