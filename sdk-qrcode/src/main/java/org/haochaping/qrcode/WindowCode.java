package org.haochaping.qrcode;

import java.util.Objects;
import java.util.Optional;

/**
 * The static code (静态二维码) printed at a service window: Art. 10(二) asks halls to generate one for every
 * window "by one unified rule". It names the window — area, hall, window and optionally the department —
 * and nothing else: no secret, no time, so the same window always yields the same text and the same image,
 * and a reprint never invalidates the sticker already on the counter. Immutable.
 *
 * <p>Text: {@code <page URL>?a=<areaCode>&h=<hallCode>&w=<windowCode>[&d=<departmentCode>]}
 * (see docs/interface-spec.md, "QR codes").
 */
public final class WindowCode {

    private final String areaCode;
    private final String hallCode;
    private final String windowCode;
    private final String departmentCode;

    private WindowCode(String areaCode, String hallCode, String windowCode, String departmentCode) {
        this.areaCode = CodeField.AREA_CODE.require(areaCode);
        this.hallCode = CodeField.HALL_CODE.require(hallCode);
        this.windowCode = CodeField.WINDOW_CODE.require(windowCode);
        this.departmentCode = departmentCode == null ? null : CodeField.DEPARTMENT_CODE.require(departmentCode);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the window from scanned text. The page URL in front is not checked: a hall may have printed
     * its codes under any page.
     *
     * @throws MalformedCodeException naming the part that breaks the grammar
     */
    public static WindowCode parse(String text) {
        boolean withDepartment = text != null && CodeText.endsWithParameter(text, "d");
        CodeText parsed = withDepartment
                ? CodeText.parse(text, "a", "h", "w", "d")
                : CodeText.parse(text, "a", "h", "w");
        return new WindowCode(
                CodeField.AREA_CODE.requireParsed(parsed.value(0)),
                CodeField.HALL_CODE.requireParsed(parsed.value(1)),
                CodeField.WINDOW_CODE.requireParsed(parsed.value(2)),
                withDepartment ? CodeField.DEPARTMENT_CODE.requireParsed(parsed.value(3)) : null);
    }

    /** The text to encode: the page URL with this window's parameters. */
    public String toText(EvaluationPage page) {
        Objects.requireNonNull(page, "page");
        StringBuilder query = new StringBuilder(64)
                .append("a=").append(areaCode)
                .append("&h=").append(hallCode)
                .append("&w=").append(windowCode);
        if (departmentCode != null) {
            query.append("&d=").append(departmentCode);
        }
        return page.link(query.toString());
    }

    /** Administrative division code of the hall's area (行政区划代码), 6 or 12 digits. */
    public String areaCode() {
        return areaCode;
    }

    /** The hall (政务服务大厅) within the area, as the platform numbers halls. */
    public String hallCode() {
        return hallCode;
    }

    /** The window (窗口) within the hall. */
    public String windowCode() {
        return windowCode;
    }

    /** The department staffing the window (18-character unified social credit code), if given. */
    public Optional<String> departmentCode() {
        return Optional.ofNullable(departmentCode);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WindowCode)) {
            return false;
        }
        WindowCode other = (WindowCode) o;
        return areaCode.equals(other.areaCode) && hallCode.equals(other.hallCode) && windowCode.equals(other.windowCode)
                && Objects.equals(departmentCode, other.departmentCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(areaCode, hallCode, windowCode, departmentCode);
    }

    @Override
    public String toString() {
        return "WindowCode{area=" + areaCode + ", hall=" + hallCode + ", window=" + windowCode
                + (departmentCode == null ? "" : ", department=" + departmentCode) + "}";
    }

    public static final class Builder {
        private String areaCode;
        private String hallCode;
        private String windowCode;
        private String departmentCode;

        private Builder() {
        }

        /** Required: 6 or 12 digits (GB/T 2260). */
        public Builder areaCode(String areaCode) {
            this.areaCode = areaCode;
            return this;
        }

        /** Required: 1 to 32 of {@code A-Z a-z 0-9 . _ -}. */
        public Builder hallCode(String hallCode) {
            this.hallCode = hallCode;
            return this;
        }

        /** Required: 1 to 16 of {@code A-Z a-z 0-9 . _ -}. */
        public Builder windowCode(String windowCode) {
            this.windowCode = windowCode;
            return this;
        }

        /** Optional: the department's 18-character unified social credit code. */
        public Builder departmentCode(String departmentCode) {
            this.departmentCode = departmentCode;
            return this;
        }

        /** @throws InvalidFieldException naming the first field that is missing or not allowed */
        public WindowCode build() {
            return new WindowCode(areaCode, hallCode, windowCode, departmentCode);
        }
    }
}
