package org.haochaping.crypto.cipher;

import java.util.Locale;

import org.haochaping.crypto.Sm3;

/**
 * The national report style's {@code certKey}: a one-way SM3 digest that links an evaluator's records
 * without carrying the certificate number or name in clear (Art. 17). Defined by the SDK as
 * <pre>certKey = lowercase hex( SM3( UTF-8( upper(trim(certNo)) || trim(name) ) ) )</pre>
 * so that {@code 11010519491231002x} and {@code 11010519491231002X} link. It is pseudonymous, not
 * anonymous: identity numbers have little entropy, so anyone holding a candidate list can recompute it.
 * Treat a certKey as personal data too.
 */
public final class CertKey {

    private CertKey() {
    }

    /** The 64-character certKey of a certificate number and a name. */
    public static String of(String certNo, String name) {
        if (certNo == null || certNo.trim().isEmpty()) {
            throw new IllegalArgumentException("certKey needs a certificate number (Art. 17 real-name evaluation)");
        }
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("certKey needs the evaluator's name (Art. 17 real-name evaluation)");
        }
        return Sm3.hex(certNo.trim().toUpperCase(Locale.ROOT) + name.trim());
    }
}
