package org.haochaping.qrcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DecimalBlocksTest {

    @Test
    void knownVectors() {
        assertThat(DecimalBlocks.encode(new byte[0])).isEmpty();
        assertThat(DecimalBlocks.encode(new byte[] {0x01})).isEqualTo("001");
        assertThat(DecimalBlocks.encode(new byte[] {(byte) 0xFF})).isEqualTo("255");
        assertThat(DecimalBlocks.encode(new byte[] {(byte) 0xFF, (byte) 0xFF})).isEqualTo("65535");
        // 2^56 - 1 = 72057594037927935
        assertThat(DecimalBlocks.encode(new byte[] {-1, -1, -1, -1, -1, -1, -1})).isEqualTo("72057594037927935");
        assertThat(DecimalBlocks.encode(new byte[] {0, 0, 0, 0, 0, 0, 1, 0x01})).isEqualTo("00000000000000001" + "001");
        assertThat(DecimalBlocks.encode(new byte[] {1, 2, 3, 4, 5, 6})).isEqualTo("001108152157446"); // 0x010203040506
    }

    @Property
    void roundTrips(@ForAll @Size(max = 300) byte[] bytes) {
        String digits = DecimalBlocks.encode(bytes);
        assertThat(digits).matches("[0-9]*");
        assertThat(digits.length()).isEqualTo(bytes.length / 7 * 17 + new int[] {0, 3, 5, 8, 10, 13, 15}[bytes.length % 7]);
        assertThat(DecimalBlocks.decode(digits)).isEqualTo(bytes);
    }

    @Test
    void refusesNonCanonicalText() {
        assertThatThrownBy(() -> DecimalBlocks.decode("256")).isInstanceOf(MalformedCodeException.class)
                .hasMessageContaining("larger than 1 bytes");
        assertThatThrownBy(() -> DecimalBlocks.decode("72057594037927936")).isInstanceOf(MalformedCodeException.class);
        assertThatThrownBy(() -> DecimalBlocks.decode("1234")).isInstanceOf(MalformedCodeException.class)
                .hasMessageContaining("4 digits");
        assertThatThrownBy(() -> DecimalBlocks.decode("12a")).isInstanceOf(MalformedCodeException.class)
                .hasMessageContaining("non-digit");
    }
}
