package org.haochaping.android;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What a JVM can check of {@link ArgbBitmaps}: bad arguments are rejected before Android is touched. Building
 * the bitmap itself needs a device or an emulator; the Android gate proves that the calls exist on API 26.
 */
class ArgbBitmapsTest {

    @Test
    void rejectsMissingPixels() {
        assertThatThrownBy(() -> ArgbBitmaps.fromArgb(null, 1, 1))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("argb must not be null");
    }

    @Test
    void rejectsWidthBelowOne() {
        assertThatThrownBy(() -> ArgbBitmaps.fromArgb(new int[0], 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width must be at least 1, was 0");
        assertThatThrownBy(() -> ArgbBitmaps.fromArgb(new int[4], -2, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width must be at least 1, was -2");
    }

    @Test
    void rejectsHeightBelowOne() {
        assertThatThrownBy(() -> ArgbBitmaps.fromArgb(new int[0], 3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("height must be at least 1, was 0");
    }

    @Test
    void rejectsTooFewAndTooManyPixels() {
        assertThatThrownBy(() -> ArgbBitmaps.fromArgb(new int[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("argb must hold width × height = 2 × 3 = 6 pixels, has 5");
        assertThatThrownBy(() -> ArgbBitmaps.fromArgb(new int[7], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("argb must hold width × height = 2 × 3 = 6 pixels, has 7");
    }

    /** 65536 × 65536 wraps to 0 in int arithmetic; an empty array must not pass for it. */
    @Test
    void rejectsSizesWhoseProductOverflowsAnInt() {
        assertThatThrownBy(() -> ArgbBitmaps.fromArgb(new int[0], 65536, 65536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("argb must hold width × height = 65536 × 65536 = 4294967296 pixels, has 0");
    }
}
