package org.haochaping.wire;

import org.haochaping.model.Channel;

/**
 * Code tables for the national {@code pf} field (evaluation channel, Art. 9-10). Several channels share a code,
 * so each code also names the channel it is read back as when a record carries no {@code channel} extension.
 */
public enum ChannelCodes {
    /**
     * Variant A, seen across provinces: 1 PC, 2 移动服务端, 3 二维码, 4 政务大厅平板电脑, 5 政务大厅自助终端/其他终端,
     * 6 电话, 7 短信.
     */
    VARIANT_A(new Channel[] {Channel.ONLINE_HALL, Channel.MOBILE_APP, Channel.STATIC_QR_CODE, Channel.WINDOW_EVALUATOR,
        Channel.SELF_SERVICE_TERMINAL, Channel.HOTLINE_12345, Channel.SMS}),
    /**
     * Variant B, seen in one province: as A for 1-5, then 6 短信 and 7 系统默认评价 (a default evaluation the system
     * records; this SDK has no channel for it and refuses to read it as an evaluator's own).
     */
    VARIANT_B(new Channel[] {Channel.ONLINE_HALL, Channel.MOBILE_APP, Channel.STATIC_QR_CODE, Channel.WINDOW_EVALUATOR,
        Channel.SELF_SERVICE_TERMINAL, Channel.SMS, null});

    private final Channel[] readAs;

    ChannelCodes(Channel[] readAs) {
        this.readAs = readAs;
    }

    /** The {@code pf} code of a channel, or 0 when this table has none for it. */
    public int code(Channel channel) {
        switch (channel) {
            case ONLINE_HALL:
            case DEPARTMENT_SYSTEM:
                return 1;
            case MOBILE_APP:
                return 2;
            case STATIC_QR_CODE:
            case DYNAMIC_QR_CODE:
                return 3;
            case WINDOW_EVALUATOR:
                return 4;
            case SELF_SERVICE_TERMINAL:
                return 5;
            case HOTLINE_12345:
                return this == VARIANT_A ? 6 : 0;
            case SMS:
                return this == VARIANT_A ? 7 : 6;
            default:
                return 0;
        }
    }

    /** The channel a code is read as when the record names no channel, or {@code null} for none. */
    public Channel channel(int code) {
        return code >= 1 && code <= readAs.length ? readAs[code - 1] : null;
    }
}
