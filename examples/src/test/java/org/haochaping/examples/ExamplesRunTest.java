package org.haochaping.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Runs every example's {@code main} in-process, as a developer would, and checks what it prints and writes. */
class ExamplesRunTest {

    @FunctionalInterface
    interface Main {
        void run(String[] args) throws Exception;
    }

    private static String run(Main main) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.run(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.print(out);
        return out;
    }

    @Test
    void departmentSystemReportsCasesAndEvaluations() throws Exception {
        String out = run(DepartmentSystem::main);
        assertThat(out).contains("cases reported: 2 accepted")
                .containsPattern("evaluation of TJ2026112600002: ACCEPTED as \\S+, bad review → work order \\S+")
                .contains("sent again: DUPLICATE")
                .contains("DISSATISFIED, ADOPTED");
    }

    @Test
    void windowEvaluatorChecksTheRulesBeforeSending() throws Exception {
        String out = run(WindowEvaluator::main);
        assertThat(out).contains("first try: 1 problem(s)").contains("(Art. 7)")
                .contains("second try: 0 problem(s)")
                .containsPattern("second press refused: .*\\(Art. 10, 11\\)")
                .contains("sent: ACCEPTED")
                .doesNotContain("120101198506121236").doesNotContain("13812345678");
    }

    @Test
    void selfServiceTerminalCatchesUpThroughItsOutbox() throws Exception {
        String out = run(SelfServiceTerminal::main);
        assertThat(out).contains("pending while offline: 3")
                .contains("network back, caught up: true, pending 0")
                .contains("platform counted 3 evaluations, each once");
    }

    @Test
    void hallWindowCodesWritePngAtPrintSizeAndSvgWithCaption() throws Exception {
        String out = run(HallWindowCodes::main);
        assertThat(out).contains("window A12: https://zwfw.tj.gov.cn/hcp/e?a=120000&h=TJZWFW-01&w=A12")
                .contains("scanned back: hall TJZWFW-01, window A12");
        Path png = LocalPlatform.OUTPUT.resolve("window-A12.png");
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        // 40 mm at 300 dpi: round(40 / 25.4 * 300) = 472 pixels wide (IHDR width at offset 16, big-endian).
        int width = ((bytes[16] & 0xff) << 24) | ((bytes[17] & 0xff) << 16) | ((bytes[18] & 0xff) << 8) | (bytes[19] & 0xff);
        assertThat(width).isEqualTo(472);
        String svg = Files.readString(LocalPlatform.OUTPUT.resolve("window-A12.svg"));
        assertThat(svg).startsWith("<").contains("<svg").contains("60mm").contains("A12 窗口").contains("请扫码评价");
    }

    @Test
    void receiptCodesAreSignedAndExpire() throws Exception {
        String out = run(ReceiptCodes::main);
        assertThat(out).contains("verified: case TJ2026112600101, window A12")
                .contains("altered code refused: ").contains("expired code refused: ");
        assertThat(Files.readAllBytes(LocalPlatform.OUTPUT.resolve("receipt-TJ2026112600101.png")))
                .startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void badReviewWorkOrderRunsToFollowUpOrAppeal() throws Exception {
        String out = run(BadReviewWorkOrder::main);
        assertThat(out).contains("pulled 2 work orders")
                .contains("限时整改反馈结果 (Art. 20(二))")
                .containsPattern(": FOLLOWED_UP, follow-up SATISFIED")
                .containsPattern(": INVALIDATED \\(")
                .contains("out of turn, refused: ").contains("ILLEGAL_TRANSITION");
    }

    @Test
    void districtScorecardFindsTheConsistentlyLowStaff() throws Exception {
        String out = run(DistrictScorecard::main);
        assertThat(out).contains("2026-11: 36 evaluations").contains("#4 S4")
                .contains("consistently low (Art. 26): [S4]");
    }
}
