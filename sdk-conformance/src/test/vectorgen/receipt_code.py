#!/usr/bin/env python3
"""Makes sdk-conformance/src/main/resources/vectors/receipt_code_test.json.

Independent of the SDK: the payload is laid out byte by byte from the grammar of docs/interface-spec.md section 6
("Dynamic receipt code"), written as 7-byte/17-digit groups by the rule stated there, and signed by
`openssl pkeyutl -sign -rawin -digest sm3` (signer ID 1234567812345678) with a key made once by
`openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2` (its private key is thrown away afterwards).
Run from the repository root: python3 sdk-conformance/src/test/vectorgen/receipt_code.py
"""
import datetime, json, os, subprocess, tempfile

OUT = "sdk-conformance/src/main/resources/vectors/receipt_code_test.json"
URL = "https://zwfw.tj.gov.cn/hcp/e?r="
KEY_ID = "vec-key-2026"
DIGITS = {1: 3, 2: 5, 3: 8, 4: 10, 5: 13, 6: 15, 7: 17}
ISSUED = 1767232800  # 2026-01-01T02:00:00Z
DAY = 86400
SKEW = 300


def iso(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def field(text):
    b = text.encode("utf-8")
    return bytes([len(b)]) + b


def body(case, item, window=None, staff=None, issued=ISSUED, expires=ISSUED + 15 * DAY,
         nonce="a7c3177f2b1d24a6", key_id=KEY_ID, version=1, extra_flags=0):
    flags = (1 if window is not None else 0) | (2 if staff is not None else 0) | extra_flags
    out = bytes([version, flags]) + issued.to_bytes(4, "big") + expires.to_bytes(4, "big") + bytes.fromhex(nonce)
    out += field(key_id) + field(case) + field(item)
    if window is not None:
        out += field(window)
    if staff is not None:
        out += field(staff)
    return out


def digits(payload):
    groups = [payload[i:i + 7] for i in range(0, len(payload), 7)]
    return "".join(str(int.from_bytes(g, "big")).zfill(DIGITS[len(g)]) for g in groups)


def signed_bytes(b, algorithm="SM2-SM3", domain=b"HCP-RECEIPT\x00"):
    return domain + bytes([len(algorithm)]) + algorithm.encode() + b


def main():
    with tempfile.TemporaryDirectory() as d:
        key, pub, msg, sig = (os.path.join(d, n) for n in ("k.pem", "pub.pem", "m.bin", "s.der"))
        subprocess.run(["openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", key], check=True)
        subprocess.run(["openssl", "pkey", "-in", key, "-pubout", "-out", pub], check=True)
        pem = open(pub).read()

        def sign(data):
            open(msg, "wb").write(data)
            subprocess.run(["openssl", "pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", key, "-in", msg,
                            "-pkeyopt", "distid:1234567812345678", "-out", sig], check=True)
            return open(sig, "rb").read()

        def code(b, signature=None, trailing=b""):
            s = signature if signature is not None else sign(signed_bytes(b))
            return URL + digits(b + bytes([len(s)]) + s + trailing)

        tests = []

        def add(comment, text, now, result, flags, reason=None, decoded=None, section="interface-spec.md 6 Dynamic receipt code"):
            t = dict(comment=comment, specSection=section, result=result, flags=flags, text=text, now=iso(now))
            if reason:
                t["reason"] = reason
            if decoded:
                t["decoded"] = decoded
            tests.append(t)

        def dec(case, item, window=None, staff=None, issued=ISSUED, expires=ISSUED + 15 * DAY, nonce="a7c3177f2b1d24a6"):
            return dict(keyId=KEY_ID, caseNumber=case, itemCode=item, windowCode=window, staffNumber=staff,
                        issuedAt=iso(issued), expiresAt=iso(expires), nonce=nonce)

        full = body("TJ20260101000123", "11120000000000000X3000117001", "A12", "0231")
        full_text = code(full)
        add("all fields, a day after issue", full_text, ISSUED + DAY, "valid", ["Valid"],
            decoded=dec("TJ20260101000123", "11120000000000000X3000117001", "A12", "0231"))
        plain = body("津审批〔2026〕第0001号", "11120000000000000X3000117002", nonce="0001020304050607")
        add("no window or staff (flags 00), UTF-8 case number", code(plain), ISSUED + 3600, "valid", ["Valid", "Utf8"],
            decoded=dec("津审批〔2026〕第0001号", "11120000000000000X3000117002", nonce="0001020304050607"))
        staff_only = body("TJ20260101000124", "X1", staff="工号-07", nonce="ffffffffffffffff")
        add("staff number only (flags 02)", code(staff_only), ISSUED, "valid", ["Valid", "Utf8"],
            decoded=dec("TJ20260101000124", "X1", staff="工号-07", nonce="ffffffffffffffff"))
        window_only = body("TJ20260101000125", "X2", window="W-9.b_1", issued=ISSUED, expires=ISSUED + 60,
                           nonce="1111111111111111")
        window_text = code(window_only)
        add("window code only (flags 01), one-minute validity, at expiry plus the 5-minute skew", window_text,
            ISSUED + 60 + SKEW, "valid", ["Valid", "SkewEdge"],
            decoded=dec("TJ20260101000125", "X2", window="W-9.b_1", expires=ISSUED + 60, nonce="1111111111111111"))
        add("one second past expiry plus skew", window_text, ISSUED + 60 + SKEW + 1, "invalid", ["Expired"], "EXPIRED")
        add("at issue minus the 5-minute skew", full_text, ISSUED - SKEW, "valid", ["Valid", "SkewEdge"],
            decoded=dec("TJ20260101000123", "11120000000000000X3000117001", "A12", "0231"))
        add("one second before issue minus skew", full_text, ISSUED - SKEW - 1, "invalid", ["NotYetValid"], "NOT_YET_VALID")
        add("15 days and 301 seconds after issue", full_text, ISSUED + 15 * DAY + SKEW + 1, "invalid", ["Expired"], "EXPIRED")

        old_sig = sign(signed_bytes(full))
        changed = body("TJ20260101000124", "11120000000000000X3000117001", "A12", "0231")
        add("case number changed, old signature", code(changed, old_sig), ISSUED + DAY, "invalid", ["BadSignature"], "BAD_SIGNATURE")
        later = body("TJ20260101000123", "11120000000000000X3000117001", "A12", "0231", expires=ISSUED + 30 * DAY)
        add("expiry moved 15 days later, old signature", code(later, old_sig), ISSUED + DAY, "invalid", ["BadSignature"], "BAD_SIGNATURE")
        add("bad signature and expired: the signature is checked first", code(changed, old_sig), ISSUED + 40 * DAY,
            "invalid", ["BadSignature"], "BAD_SIGNATURE")
        unknown = body("TJ20260101000123", "11120000000000000X3000117001", "A12", "0231", key_id="other-key")
        add("key id the verifier does not know", code(unknown), ISSUED + DAY, "invalid", ["BadSignature"], "BAD_SIGNATURE")
        add("signed without the HCP-RECEIPT domain prefix", code(full, sign(bytes([7]) + b"SM2-SM3" + full)),
            ISSUED + DAY, "invalid", ["BadSignature"], "BAD_SIGNATURE")
        add("signed under the algorithm name SM2 instead of SM2-SM3", code(full, sign(signed_bytes(full, "SM2"))),
            ISSUED + DAY, "invalid", ["BadSignature"], "BAD_SIGNATURE")

        add("last digit group cut short (a digit count no byte count gives)", full_text[:-1], ISSUED + DAY,
            "invalid", ["Malformed"], "MALFORMED")
        for pad in range(40):  # a case number that leaves one byte for the last group
            short = body("TJ" + "0" * pad + "1", "X1")
            short_sig = sign(signed_bytes(short))
            payload = short + bytes([len(short_sig)]) + short_sig
            if len(payload) % 7 == 1:
                break
        assert digits(payload)[-3:] <= "255"
        add("last 1-byte group 999 is above 255", URL + digits(payload)[:-3] + "999",
            ISSUED + DAY, "invalid", ["Malformed"], "MALFORMED")
        add("format version 2", code(body("TJ1", "X1", version=2)), ISSUED + DAY, "invalid", ["Malformed"], "MALFORMED")
        add("reserved flag bit 2 set", code(body("TJ1", "X1", extra_flags=4)), ISSUED + DAY, "invalid", ["Malformed"], "MALFORMED")
        add("expiry not later than issue", code(body("TJ1", "X1", expires=ISSUED)), ISSUED, "invalid", ["Malformed"], "MALFORMED")
        add("a byte after the signature", code(full, old_sig, trailing=b"\x00"), ISSUED + DAY, "invalid", ["Malformed"], "MALFORMED")
        add("r is not the last parameter", full_text + "&x=1", ISSUED + DAY, "invalid", ["Malformed"], "MALFORMED")
        add("no r parameter", "https://zwfw.tj.gov.cn/hcp/e?q=" + full_text.split("r=")[1], ISSUED + DAY, "invalid",
            ["Malformed"], "MALFORMED")

    for i, t in enumerate(tests, 1):
        t["tcId"] = i
    tests = [dict(tcId=t.pop("tcId"), **t) for t in tests]
    doc = dict(
        algorithm="receipt-code", schema="receipt_code_schema.json", generatorVersion="hcp-sdk 0.1.0",
        numberOfTests=len(tests),
        header=["Dynamic receipt codes (docs/interface-spec.md section 6): the scanned text, verified with the group's",
                "public key (registered under keyId, SM2-SM3, signer ID 1234567812345678) by a clock at `now` with the",
                "group's clock-skew tolerance. A valid code decodes to `decoded` (windowCode and staffNumber null when",
                "absent); an invalid one is refused with `reason`: the first failing check of grammar, signature, expiry,",
                "issue time. Payloads laid out and signed by sdk-conformance/src/test/vectorgen/receipt_code.py (OpenSSL 3)."],
        notes={
            "Valid": "A well-formed code, signed by the group's key, inside its validity.",
            "Utf8": "A text field holds non-ASCII characters (UTF-8 in the payload).",
            "SkewEdge": "The verification time is exactly at the edge of validity widened by the clock skew.",
            "Expired": "The verification time is after expiry plus the clock skew: EXPIRED.",
            "NotYetValid": "The verification time is before issue minus the clock skew: NOT_YET_VALID.",
            "BadSignature": "The signature does not verify (changed field, unknown key, other signed bytes): BAD_SIGNATURE.",
            "Malformed": "The text or payload breaks the grammar: MALFORMED.",
        },
        testGroups=[dict(type="ReceiptCodeTest", algorithm="SM2-SM3", signerId="1234567812345678", keyId=KEY_ID,
                         publicKeyPem=pem, clockSkewSeconds=SKEW, tests=tests)])
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
