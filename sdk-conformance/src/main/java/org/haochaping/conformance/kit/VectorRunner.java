package org.haochaping.conformance.kit;

import org.haochaping.wire.WireProfile;

import java.util.ArrayList;
import java.util.List;

/** Runs vector files against the SDK, one case at a time, and collects a {@link VectorReport}. */
public final class VectorRunner {

    /** Told after each case, e.g. to show a counter on a terminal. */
    @FunctionalInterface
    public interface Progress {
        void caseDone(int done, int total, VectorCase c);
    }

    private VectorRunner() {
    }

    public static VectorReport run(List<VectorFile> files, ExpectedFailures expected, Progress progress) {
        int total = files.stream().mapToInt(f -> f.cases().size()).sum();
        List<VectorReport.Entry> entries = new ArrayList<>();
        for (VectorFile file : files) {
            Checker checker = sdkChecker(file);
            for (VectorCase c : file.cases()) {
                long start = System.nanoTime();
                CaseResult result = checker.check(c);
                entries.add(new VectorReport.Entry(result, expected.reason(c).orElse(null), System.nanoTime() - start));
                progress.caseDone(entries.size(), total, c);
            }
        }
        return new VectorReport(files.stream().map(VectorFile::name).toList(), entries, expected);
    }

    /** The one way the kit checks each kind of file against the SDK. */
    static Checker sdkChecker(VectorFile file) {
        return switch (file.kind()) {
            case PAYLOAD_VALIDITY -> {
                WireProfile profile;
                try {
                    profile = WireProfile.named(file.profile());
                } catch (IllegalArgumentException e) {
                    throw new VectorFileException(file.name() + ": unknown wire profile '" + file.profile() + "'", e);
                }
                PayloadJudge judge = PayloadJudge.sdk(profile);
                yield c -> PayloadVectorCheck.check(c, judge);
            }
            case SM2_VERIFY -> {
                Sm2Verification verification = Sm2Verification.sdk();
                yield c -> Sm2VectorCheck.check(c, verification);
            }
            case SM4 -> Sm4VectorCheck::check;
            case HMAC_SM3 -> HmacSm3VectorCheck::check;
            case REQUEST_SIGNING -> RequestSigningVectorCheck::check;
            case RECEIPT_CODE -> ReceiptCodeVectorCheck::check;
            case WORKING_DAYS -> WorkingDaysVectorCheck::check;
            case SCORECARD -> ScorecardVectorCheck::check;
            case ART16_TRACKER -> TrackerVectorCheck::check;
        };
    }

    @FunctionalInterface
    interface Checker {
        CaseResult check(VectorCase c);
    }
}
