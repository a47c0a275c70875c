package org.haochaping.model;

/**
 * One evaluation indicator (评价指标) of the annex (附表) to the rules: a preset reason an evaluator may choose
 * (Art. 7). Each belongs to one {@link Target} table and one {@link Grade}.
 *
 * <p>Codes are stable and numeric so that they fit the national {@code evalDetail} list: four digits, the first
 * the target (1 service item, 2 service staff), the second the grade in the national satisfaction order (5 非常满意 …
 * 1 非常不满意), the last two the entry's position in the annex. The "其他" (other) entries require free text.
 */
public final class Indicator {

    private final String code;
    private final Target target;
    private final Grade grade;
    private final String text;

    Indicator(String code, Target target, Grade grade, String text) {
        this.code = code;
        this.target = target;
        this.grade = grade;
        this.text = text;
    }

    public String code() {
        return code;
    }

    public Target target() {
        return target;
    }

    public Grade grade() {
        return grade;
    }

    /** The indicator's text exactly as the annex writes it. */
    public String text() {
        return text;
    }

    /** The "其他" entries: choosing one means the evaluator writes the reason (Art. 7 自拟评价内容). */
    public boolean requiresFreeText() {
        return "其他".equals(text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Indicator && ((Indicator) o).code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code + " " + target.chineseName() + "/" + grade.chineseName() + " " + text;
    }
}
