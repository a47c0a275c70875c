package org.haochaping.rules;

import org.haochaping.model.CertificateType;
import org.haochaping.model.Evaluator;
import org.haochaping.model.EvaluatorKind;
import org.haochaping.model.id.CreditCode;
import org.haochaping.model.id.ResidentIdNumber;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Real-name evaluation (实名制, Art. 17): the evaluator is identified by kind, name and a checked certificate.
 * Messages never repeat the values (Art. 17: 严格保护评价主体信息).
 */
public final class EvaluatorRules {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private EvaluatorRules() {
    }

    /** Whether the certificate can identify that kind of evaluator: a person by a personal one, an organisation by its code. */
    static boolean fits(EvaluatorKind kind, CertificateType type) {
        if (type == CertificateType.OTHER) {
            return true;
        }
        boolean organisational = type == CertificateType.UNIFIED_SOCIAL_CREDIT_CODE;
        return (kind == EvaluatorKind.NATURAL_PERSON) != organisational;
    }

    /** Every violation, with paths relative to the evaluator object. */
    public static List<Violation> violations(Evaluator e) {
        Checks k = new Checks();
        if (e == null) {
            k.add("evaluator", "Art. 17", "is required: 好差评 is real-name (实名制)");
            return k.result();
        }
        k.required("kind", e.kind(), "评价主体类型");
        if (e.name() == null || e.name().trim().isEmpty()) {
            k.add("name", "Art. 17", "is required: 好差评 is real-name (实名制)");
        } else {
            k.text("name", e.name(), 100);
        }
        if (e.certificateType() == null) {
            k.add("certificateType", "Art. 17", "is required: 好差评 is real-name (实名制)");
        } else if (e.kind() != null && !fits(e.kind(), e.certificateType())) {
            k.add("certificateType", "Art. 17", e.kind() == EvaluatorKind.NATURAL_PERSON
                    ? "a natural person (自然人) is identified by a personal certificate (居民身份证, 护照, 通行证 or 其他证件), not "
                            + e.certificateType().chineseName()
                    : "an organisation (" + e.kind().chineseName() + ") is identified by its 统一社会信用代码 (or 其他证件), not "
                            + e.certificateType().chineseName());
        }
        String number = e.certificateNumber();
        if (number == null || number.trim().isEmpty()) {
            k.add("certificateNumber", "Art. 17", "is required: 好差评 is real-name (实名制)");
        } else if (e.certificateType() == CertificateType.RESIDENT_ID_CARD) {
            String p = ResidentIdNumber.problem(number);
            if (p != null) {
                k.add("certificateNumber", "Art. 17; GB 11643", "is not a valid 居民身份证号码: " + p);
            }
        } else if (e.certificateType() == CertificateType.UNIFIED_SOCIAL_CREDIT_CODE) {
            String p = CreditCode.problem(number);
            if (p != null) {
                k.add("certificateNumber", "Art. 17; GB 32100", "is not a valid 统一社会信用代码: " + p);
            }
        } else {
            k.code("certificateNumber", number, 32);
        }
        if (e.mobile() != null && !MOBILE.matcher(e.mobile()).matches()) {
            k.add("mobile", "Art. 16-17", "is not an 11-digit mainland mobile number (used for the reminder of Art. 16)");
        }
        return k.result();
    }
}
