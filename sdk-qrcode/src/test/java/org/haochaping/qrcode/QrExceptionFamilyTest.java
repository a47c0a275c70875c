package org.haochaping.qrcode;

import org.haochaping.HcpException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The QR code exceptions belong to the SDK's one family: {@code catch (HcpException e)} handles them too. */
class QrExceptionFamilyTest {

    @Test
    void everyQrCodeExceptionIsAnHcpException() {
        for (Class<?> type : new Class<?>[] {InvalidCodeException.class, MalformedCodeException.class,
                BadSignatureException.class, ExpiredCodeException.class, NotYetValidCodeException.class,
                InvalidFieldException.class}) {
            assertThat(HcpException.class).as(type.getSimpleName()).isAssignableFrom(type);
        }
    }

    @Test
    void aFieldThatBreaksTheFormatIsCaughtAsHcpException() {
        Throwable t = catchThrowable(() -> WindowCode.builder().areaCode("12A").build());
        assertThat(t).isInstanceOf(HcpException.class).isInstanceOf(InvalidFieldException.class);
        assertThat(((InvalidFieldException) t).field()).isEqualTo("areaCode");
    }
}
