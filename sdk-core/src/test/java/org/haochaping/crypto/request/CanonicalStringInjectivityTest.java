package org.haochaping.crypto.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.haochaping.crypto.CryptoException;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, defect 11: two requests a server can tell apart must never share one canonical string, or a signature
 * for one is a signature for the other.
 */
class CanonicalStringInjectivityTest {

    @Test
    void invalidUtf8EscapesKeepTheirBytes() {
        assertThat(CanonicalMessage.canonicalPath("/v1/%FF")).isEqualTo("/v1/%FF");
        assertThat(CanonicalMessage.canonicalPath("/v1/%80")).isEqualTo("/v1/%80");
        assertThat(CanonicalMessage.canonicalPath("/v1/%ff")).isEqualTo("/v1/%FF");
        assertThat(CanonicalMessage.canonicalQuery("a=%C3%28")).isEqualTo("a=%C3%28");
    }

    @Test
    void emojiNextToAnEscapeIsEncodedByItsUtf8Bytes() {
        assertThat(CanonicalMessage.canonicalPath("/v1/\uD83D\uDE00%41")).isEqualTo("/v1/%F0%9F%98%80A");
        assertThat(CanonicalMessage.canonicalQuery("e=%41\uD83D\uDE00")).isEqualTo("e=A%F0%9F%98%80");
        assertThat(reason(() -> CanonicalMessage.canonicalPath("/v1/\uD83D%41"))).isEqualTo(CryptoException.Reason.MALFORMED);
    }

    @Test
    void orderOfSameNameParametersIsSigned() {
        assertThat(CanonicalMessage.canonicalQuery("x=2&x=1")).isEqualTo("x=2&x=1");
        assertThat(CanonicalMessage.canonicalQuery("x=1&x=2")).isEqualTo("x=1&x=2");
        assertThat(CanonicalMessage.canonicalQuery("b=1&x=2&a=0&x=1")).isEqualTo("a=0&b=1&x=2&x=1");
    }

    @Test
    void flagWithoutEqualsIsNotAnEmptyValue() {
        assertThat(CanonicalMessage.canonicalQuery("flag")).isEqualTo("flag");
        assertThat(CanonicalMessage.canonicalQuery("flag=")).isEqualTo("flag=");
    }

    @Test
    void literalPlusIsNotAnEncodedPlus() {
        assertThat(CanonicalMessage.canonicalQuery("q=a+b")).isNotEqualTo(CanonicalMessage.canonicalQuery("q=a%2Bb"));
        assertThat(CanonicalMessage.canonicalQuery("q=a%20b")).isEqualTo("q=a%20b");
    }

    @Test
    void truncatedAndNonAsciiEscapesAreMalformed() {
        assertThat(reason(() -> CanonicalMessage.canonicalQuery("a=%4"))).isEqualTo(CryptoException.Reason.MALFORMED);
        assertThat(reason(() -> CanonicalMessage.canonicalPath("/%\uFF11\uFF11"))).isEqualTo(CryptoException.Reason.MALFORMED);
    }

    static CryptoException.Reason reason(Runnable action) {
        return MessageSigningTest.reason(action);
    }
}
