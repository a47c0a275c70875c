#!/usr/bin/env python3
"""Makes sdk-conformance/src/main/resources/vectors/request_signing_test.json.

Independent of the SDK: every canonical string below is written by hand from docs/interface-spec.md section 4
("Canonical string"), the body digests come from `openssl dgst -sm3` and the signatures from
`openssl pkeyutl -sign -rawin -digest sm3` with a key made once by
`openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2` (its private key is thrown away afterwards).
Run from the repository root: python3 sdk-conformance/src/test/vectorgen/request_signing.py
"""
import base64, json, os, subprocess, tempfile

OUT = "sdk-conformance/src/main/resources/vectors/request_signing_test.json"
EX_BODY = '[{"projectNo":"TJ-2025-0001","satisfaction":"5"}]'


def sm3(text):
    out = subprocess.run(["openssl", "dgst", "-sm3", "-r"], input=text.encode("utf-8"), capture_output=True, check=True)
    return out.stdout.decode().split()[0]


def lines(algo, method, path, query, app, key, ts, nonce, body):
    return "\n".join(["HCP1-" + algo, "REQUEST", method, path, query, app, key, str(ts), nonce, sm3(body)])


def case(method, path, query, app, key, ts, nonce, body, canonical, comment, flags, result="valid", section="4 Canonical string"):
    return dict(comment=comment, specSection="interface-spec.md " + section, result=result, flags=flags,
                method=method, path=path, query=query, appId=app, keyId=key, timestamp=ts, nonce=nonce, body=body,
                canonicalString=canonical, bodySm3=sm3(body))


N1 = "3f3b89b1d95e5ca352d84d43381652d8"
N2 = "0123456789abcdef0123456789abcdef"
# (inputs..., hand-written canonical string, comment, flags)
VALID_DEFAULT_ID = [
    case("POST", "/v1/evaluations", "channel=4&areaCode=120101", "app-001", "app-key-2025", 1741919400, N1, EX_BODY,
         "HCP1-SM2-SM3\nREQUEST\nPOST\n/v1/evaluations\nareaCode=120101&channel=4\napp-001\napp-key-2025\n1741919400\n"
         "3f3b89b1d95e5ca352d84d43381652d8\n20749113c9045950093405beefeccd1bc9236b83c757a772a109fb430f9ccc9a",
         "the worked example of section 4 (query sorted by name)", ["WorkedExample"]),
    case("GET", "/v1/evaluations/TJ-2025-0001", "", "app-001", "app-key-2025", 1741919460, N2, "",
         "HCP1-SM2-SM3\nREQUEST\nGET\n/v1/evaluations/TJ-2025-0001\n\napp-001\napp-key-2025\n1741919460\n"
         "0123456789abcdef0123456789abcdef\n1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b",
         "no query (empty line) and no body (SM3 of the empty string)", ["EmptyBody"]),
    case("GET", "/v1/cases/TJ%2d2025%2F0002/%E5%8A%9E%e4%bb%b6", "", "app-001", "app-key-2025", 1741919500,
         "nonce_with-underscore_and-dash", "",
         "HCP1-SM2-SM3\nREQUEST\nGET\n/v1/cases/TJ-2025%2F0002/%E5%8A%9E%E4%BB%B6\n\napp-001\napp-key-2025\n1741919500\n"
         "nonce_with-underscore_and-dash\n1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b",
         "path segments decoded and encoded again: %2d becomes '-', an encoded slash stays %2F, hex in upper case",
         ["PathEncoding"]),
    case("GET", "/v1/evaluations", "b=2&&a&c=%7e&q=a+b&sp=a%20b", "app-001", "app-key-2025", 1741919520, N2, "",
         "HCP1-SM2-SM3\nREQUEST\nGET\n/v1/evaluations\na&b=2&c=~&q=a+b&sp=a%20b\napp-001\napp-key-2025\n1741919520\n"
         "0123456789abcdef0123456789abcdef\n1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b",
         "empty parts dropped, a name without '=' stays without it, %7e is '~', a literal '+' stays '+' (not %2B)",
         ["QueryEncoding"]),
    case("GET", "/v1/indicators", "x=2&x=10&x=1&name=%e5%a5%bd&Z=0", "app-001", "app-key-2025", 1741919580, N2, "",
         "HCP1-SM2-SM3\nREQUEST\nGET\n/v1/indicators\nZ=0&name=%E5%A5%BD&x=2&x=10&x=1\napp-001\napp-key-2025\n1741919580\n"
         "0123456789abcdef0123456789abcdef\n1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b",
         "parts sorted by name in byte order (upper case before lower); parts with the same name keep their order",
         ["QueryEncoding", "DuplicateNames"]),
    case("GET", "/v1/cases/%ff", "", "app-001", "app-key-2025", 1741919640, N2, "",
         "HCP1-SM2-SM3\nREQUEST\nGET\n/v1/cases/%FF\n\napp-001\napp-key-2025\n1741919640\n"
         "0123456789abcdef0123456789abcdef\n1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b",
         "an escape that is not UTF-8 keeps its byte (never U+FFFD): %ff becomes %FF", ["ByteExact"]),
    case("GET", "/v1/cases/%F0%9F%98%80%41", "e=%41\U0001F600", "app-001", "app-key-2025", 1741919700, N2, "",
         "HCP1-SM2-SM3\nREQUEST\nGET\n/v1/cases/%F0%9F%98%80A\ne=A%F0%9F%98%80\napp-001\napp-key-2025\n1741919700\n"
         "0123456789abcdef0123456789abcdef\n1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b",
         "an emoji (four UTF-8 bytes) next to an escape, encoded and raw: its bytes, never %3F%3F", ["ByteExact"]),
    case("GET", "/v1/work-orders", "flag&page=1", "app-001", "app-key-2025", 1741919760, N2, "",
         "HCP1-SM2-SM3\nREQUEST\nGET\n/v1/work-orders\nflag&page=1\napp-001\napp-key-2025\n1741919760\n"
         "0123456789abcdef0123456789abcdef\n1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b",
         "a name without '=' is not the same as an empty value", ["FlagWithoutValue"]),
    case("POST", "", "", "app-001", "app-key-2025", 1741919600, N1, '{"意见":"办事很快，好评"}',
         None, "an empty path is '/'; a UTF-8 body is digested as sent", ["Utf8Body"]),
]
# the UTF-8 case: canonical string by hand, digest from openssl
VALID_DEFAULT_ID[-1]["canonicalString"] = ("HCP1-SM2-SM3\nREQUEST\nPOST\n/\n\napp-001\napp-key-2025\n1741919600\n"
                                          "3f3b89b1d95e5ca352d84d43381652d8\n" + VALID_DEFAULT_ID[-1]["bodySm3"])

ex = VALID_DEFAULT_ID[0]
def changed(comment, **kw):
    inputs = dict(method=ex["method"], path=ex["path"], query=ex["query"], app=ex["appId"], key=ex["keyId"],
                  ts=ex["timestamp"], nonce=ex["nonce"], body=ex["body"])
    inputs.update(kw)
    c = case(inputs["method"], inputs["path"], inputs["query"], inputs["app"], inputs["key"], inputs["ts"],
             inputs["nonce"], inputs["body"], None, comment, ["OldSignature"], "invalid", "4 Verification rules")
    return c

INVALID = [
    changed("body changed (satisfaction 5 -> 4), old signature", body=EX_BODY.replace('"5"', '"4"')),
    changed("query changed (channel=4 -> channel=5), old signature", query="channel=5&areaCode=120101"),
    changed("nonce changed, old signature", nonce="3f3b89b1d95e5ca352d84d43381652d9"),
    changed("timestamp changed by one second, old signature", ts=1741919401),
    changed("method changed (POST -> PUT), old signature", method="PUT"),
    changed("app id changed, old signature", app="app-002"),
]
# their canonical strings: the worked example's, with the one changed line, by hand
EXL = ex["canonicalString"].split("\n")
def with_line(i, v, c):
    l = list(EXL); l[i] = v; l[9] = c["bodySm3"]; return "\n".join(l)
INVALID[0]["canonicalString"] = with_line(9, None, INVALID[0])
INVALID[1]["canonicalString"] = with_line(4, "areaCode=120101&channel=5", INVALID[1])
INVALID[2]["canonicalString"] = with_line(8, "3f3b89b1d95e5ca352d84d43381652d9", INVALID[2])
INVALID[3]["canonicalString"] = with_line(7, "1741919401", INVALID[3])
INVALID[4]["canonicalString"] = with_line(2, "PUT", INVALID[4])
INVALID[5]["canonicalString"] = with_line(5, "app-002", INVALID[5])

# One input of a valid case re-spelled so that a lossy canonicalisation would give the same string: the old
# signature must be refused. Canonical strings by hand: the base case's, with the changed line.
def respelled(base, comment, line, canonical_line, **kw):
    inputs = dict(method=base["method"], path=base["path"], query=base["query"], app=base["appId"], key=base["keyId"],
                  ts=base["timestamp"], nonce=base["nonce"], body=base["body"])
    inputs.update(kw)
    c = case(inputs["method"], inputs["path"], inputs["query"], inputs["app"], inputs["key"], inputs["ts"],
             inputs["nonce"], inputs["body"], None, comment, ["Injective"], "invalid", "4 Canonical string")
    l = base["canonicalString"].split("\n"); l[line] = canonical_line
    c["canonicalString"] = "\n".join(l)
    c["base"] = base
    return c

B_DUP, B_FF, B_FLAG = VALID_DEFAULT_ID[4], VALID_DEFAULT_ID[5], VALID_DEFAULT_ID[7]
INJECTIVE = [
    respelled(B_FF, "%80 instead of %ff (both were U+FFFD once), signature of %ff", 3, "/v1/cases/%80", path="/v1/cases/%80"),
    respelled(B_DUP, "same-name parts in another order, old signature", 4, "Z=0&name=%E5%A5%BD&x=1&x=10&x=2",
              query="x=1&x=10&x=2&name=%e5%a5%bd&Z=0"),
    respelled(B_FLAG, "flag= instead of flag, old signature", 4, "flag=&page=1", query="flag=&page=1"),
    respelled(VALID_DEFAULT_ID[3], "%2B instead of a literal '+', old signature", 4, "a&b=2&c=~&q=a%2Bb&sp=a%20b",
              query="b=2&&a&c=%7e&q=a%2Bb&sp=a%20b"),
]

CUSTOM_ID = "app-001@120000"
VALID_CUSTOM_ID = [
    case("POST", "/v1/work-orders/WO-0001/reply", "", "app-001", "app-key-2025", 1741920000, N2, '{"reply":"已整改"}',
         None, "a signer ID other than the GM/T 0009 default, agreed by both sides", ["CustomSignerId"]),
]
VALID_CUSTOM_ID[0]["canonicalString"] = ("HCP1-SM2-SM3\nREQUEST\nPOST\n/v1/work-orders/WO-0001/reply\n\napp-001\n"
                                        "app-key-2025\n1741920000\n0123456789abcdef0123456789abcdef\n"
                                        + VALID_CUSTOM_ID[0]["bodySm3"])


def cross_check(c):
    # the hand-written string must agree with the rules applied to the inputs where they are trivial
    l = c["canonicalString"].split("\n")
    assert len(l) == 10 and l[0] == "HCP1-SM2-SM3" and l[1] == "REQUEST", c["comment"]
    assert l[2] == c["method"] and l[5] == c["appId"] and l[6] == c["keyId"], c["comment"]
    assert l[7] == str(c["timestamp"]) and l[8] == c["nonce"] and l[9] == c["bodySm3"], c["comment"]
    assert c["canonicalString"].isascii()


def main():
    with tempfile.TemporaryDirectory() as d:
        key, pub, msg, sig = (os.path.join(d, n) for n in ("k.pem", "pub.pem", "m.txt", "s.der"))
        subprocess.run(["openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", key], check=True)
        subprocess.run(["openssl", "pkey", "-in", key, "-pubout", "-out", pub], check=True)
        pem = open(pub).read()

        def sign(text, signer_id):
            open(msg, "wb").write(text.encode("ascii"))
            subprocess.run(["openssl", "pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", key, "-in", msg,
                            "-pkeyopt", "distid:" + signer_id, "-out", sig], check=True)
            subprocess.run(["openssl", "pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin", "-inkey", pub,
                            "-in", msg, "-sigfile", sig, "-pkeyopt", "distid:" + signer_id], check=True, capture_output=True)
            return base64.b64encode(open(sig, "rb").read()).decode()

        for c in VALID_DEFAULT_ID + INVALID + INJECTIVE + VALID_CUSTOM_ID:
            cross_check(c)
        for c in VALID_DEFAULT_ID:
            c["signature"] = sign(c["canonicalString"], "1234567812345678")
        for c in INVALID:
            c["signature"] = ex["signature"]
        for c in INJECTIVE:
            c["signature"] = c.pop("base")["signature"]
        for c in VALID_CUSTOM_ID:
            c["signature"] = sign(c["canonicalString"], CUSTOM_ID)
    # the custom-ID signature under the default ID: must fail
    bad_id = dict(VALID_CUSTOM_ID[0], comment="signed with the agreed signer ID, verified with the default one",
                  result="invalid", flags=["WrongSignerId"], specSection="interface-spec.md 4 Headers")
    groups = [
        dict(type="RequestSigningTest", algorithm="SM2-SM3", direction="REQUEST", signerId="1234567812345678",
             publicKeyPem=pem, tests=VALID_DEFAULT_ID + INVALID + [bad_id] + INJECTIVE),
        dict(type="RequestSigningTest", algorithm="SM2-SM3", direction="REQUEST", signerId=CUSTOM_ID,
             publicKeyPem=pem, tests=VALID_CUSTOM_ID),
    ]
    tc = 0
    for g in groups:
        tests = []
        for t in g["tests"]:
            tc += 1
            tests.append(dict(tcId=tc, **t))
        g["tests"] = tests
    doc = dict(
        algorithm="request-signing", schema="request_signing_schema.json", generatorVersion="hcp-sdk 0.1.0",
        numberOfTests=tc,
        header=["Request signing of the unified profile (docs/interface-spec.md section 4), in stages: the inputs of",
                "a request -> the canonical string (exact text, ten lines joined by \\n) -> SM3 of the body (hex) ->",
                "the SM2-with-SM3 signature (Base64 DER) under publicKeyPem and the group's signerId, verified as a",
                "receiver would with its clock at the request's timestamp. Canonical strings are written by hand from",
                "the spec; digests and signatures come from OpenSSL 3 (sdk-conformance/src/test/vectorgen/request_signing.py).",
                "Every case's canonical string and body digest must match; valid signatures must verify; invalid cases",
                "reuse a signature over other inputs (or another signer ID) and must be refused (SIGNATURE_INVALID)."],
        notes={
            "WorkedExample": "The request of the worked example in interface-spec.md section 4 (signed with this file's key).",
            "EmptyBody": "No body: the digest line is SM3 of the empty string.",
            "PathEncoding": "Path segments are percent-decoded and encoded again (RFC 3986, upper-case hex).",
            "QueryEncoding": "Query parts are normalised and sorted by name; a literal '+' stays '+'.",
            "DuplicateNames": "Parts with the same name keep their order: servers give it meaning.",
            "ByteExact": "Escapes keep their bytes, valid UTF-8 or not; characters are encoded by their UTF-8 bytes.",
            "FlagWithoutValue": "A name without '=' is written without it: 'flag' and 'flag=' differ.",
            "Injective": "One input re-spelled so that a lossy canonicalisation would not notice; the old signature must be refused.",
            "Utf8Body": "The body is UTF-8 text; its bytes are digested exactly as sent.",
            "CustomSignerId": "The signature uses a signer ID other than 1234567812345678.",
            "OldSignature": "One input differs from tcId 1, whose signature is reused: must be refused.",
            "WrongSignerId": "The signature was made with another signer ID: must be refused.",
        },
        testGroups=groups)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
