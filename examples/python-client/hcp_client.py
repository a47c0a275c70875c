#!/usr/bin/env python3
"""A client of the central 好差评 interface written from docs/interface-spec.md alone.

Python 3 standard library plus the `openssl` command (OpenSSL 3, for SM2 with SM3). It performs the
scenarios of `hcp conformance client`: submits evaluations and one made too late (refused, Art. 16), appeals one
bad review's work order with evidence and carries another to the 12345 follow-up visit, signing every request (section 4), verifying every response before
reading it, and retrying within the policy of section 5.1 under one Idempotency-Key per write.

    python3 hcp_client.py --base-url http://127.0.0.1:8089 --app-id demo-app \
        --key hcp-out/simulator/app-private.pem --platform-key hcp-out/simulator/platform-public.pem

Exit status 0 when every step was answered OK, 1 otherwise.
"""
import argparse
import base64
import http.client
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid

SIGNER_ID = "1234567812345678"   # GM/T 0009 default SM2 signer ID (section 4)
ALLOWED_SKEW = 300               # seconds (section 4, verification rule 3)
MAX_RETRIES = 4                  # section 5.1, "Retries"
UNRESERVED = "-._~"
CLOCK_OFFSET = 0                 # seconds added to this machine's clock (--clock-offset)


def now():
    """The time the client signs and checks responses by: this machine's clock, moved by --clock-offset."""
    return time.time() + CLOCK_OFFSET


class Unverified(Exception):
    """A response that does not verify: no answer at all (section 5.1)."""


def sm3_hex(data):
    out = subprocess.run(["openssl", "dgst", "-sm3", "-r"], input=data, capture_output=True, check=True)
    return out.stdout.split()[0].decode("ascii")


def encode(raw):
    """RFC 3986 percent-encoding of the UTF-8 bytes, upper-case hex (section 4)."""
    return urllib.parse.quote(urllib.parse.unquote_to_bytes(raw), safe=UNRESERVED)


def canonical_path(path):
    return "/".join(encode(segment) for segment in path.split("/")) or "/"


def canonical_query(query):
    """Parts sorted by encoded name only (a stable sort keeps repeated names in order); `flag` stays `flag`."""
    parts = []
    for part in (query or "").split("&"):
        if part:
            name, eq, value = part.partition("=")
            parts.append((encode(name), eq + encode(value) if eq else ""))
    return "&".join(n + v for n, v in sorted(parts, key=lambda p: p[0].encode("ascii")))


def canonical_string(direction, method, path, query, app_id, key_id, timestamp, nonce, body, answered=None):
    """Section 4; a response (answered = (request nonce, request body)) has two more lines binding it to the request."""
    lines = ["HCP1-SM2-SM3", direction, method, canonical_path(path), canonical_query(query),
             app_id, key_id, str(timestamp), nonce, sm3_hex(body)]
    if answered is not None:
        lines += [answered[0], sm3_hex(answered[1])]
    return "\n".join(lines)


class Client:
    def __init__(self, base_url, app_id, key_id, key_file, platform_key_file, platform_key_id, debug_canonical):
        url = urllib.parse.urlsplit(base_url)
        self.host, self.port, self.base_path = url.hostname, url.port or 80, url.path.rstrip("/")
        self.app_id, self.key_id = app_id, key_id
        self.key_file, self.platform_key_file, self.platform_key_id = key_file, platform_key_file, platform_key_id
        self.debug_canonical = debug_canonical
        self.seen_nonces = set()

    def sign(self, text):
        out = subprocess.run(["openssl", "pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", self.key_file,
                              "-pkeyopt", "distid:" + SIGNER_ID], input=text.encode("ascii"),
                             capture_output=True, check=True)
        return base64.b64encode(out.stdout).decode("ascii")

    def verify(self, method, path, query, request_nonce, request_body, headers, body):
        """Section 4, verification rules, for a RESPONSE signed by the platform over our request line."""
        names = ["X-Hcp-App-Id", "X-Hcp-Key-Id", "X-Hcp-Algorithm", "X-Hcp-Timestamp", "X-Hcp-Nonce", "X-Hcp-Signature"]
        h = {n: headers.get(n) for n in names}
        if None in h.values():
            raise Unverified("signature headers missing")
        if h["X-Hcp-App-Id"] != self.app_id or h["X-Hcp-Algorithm"] != "SM2-SM3":
            raise Unverified("app id or algorithm not ours")
        if self.platform_key_id and h["X-Hcp-Key-Id"] != self.platform_key_id:
            raise Unverified("unknown key id " + h["X-Hcp-Key-Id"])
        if abs(now() - int(h["X-Hcp-Timestamp"])) > ALLOWED_SKEW:
            raise Unverified("timestamp outside the window")
        text = canonical_string("RESPONSE", method, path, query, h["X-Hcp-App-Id"], h["X-Hcp-Key-Id"],
                                h["X-Hcp-Timestamp"], h["X-Hcp-Nonce"], body, (request_nonce, request_body))
        with tempfile.TemporaryDirectory() as d:
            sig, msg = os.path.join(d, "sig.der"), os.path.join(d, "msg.txt")
            with open(sig, "wb") as f:
                f.write(base64.b64decode(h["X-Hcp-Signature"]))
            with open(msg, "wb") as f:
                f.write(text.encode("ascii"))
            ok = subprocess.run(["openssl", "pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin",
                                 "-inkey", self.platform_key_file, "-pkeyopt", "distid:" + SIGNER_ID,
                                 "-in", msg, "-sigfile", sig], capture_output=True).returncode == 0
        if not ok:
            raise Unverified("signature does not verify")
        if h["X-Hcp-Nonce"] in self.seen_nonces:
            raise Unverified("nonce replayed")
        self.seen_nonces.add(h["X-Hcp-Nonce"])

    def call(self, method, path, query=None, payload=None):
        """One request, retried within the policy; returns (status, envelope) of a verified answer."""
        body = b"" if payload is None else json.dumps(payload, ensure_ascii=False).encode("utf-8")
        full_path = self.base_path + path
        idempotency_key = str(uuid.uuid4()) if method == "POST" else None   # one key for every attempt
        for attempt in range(MAX_RETRIES + 1):
            if attempt:
                time.sleep(min(0.2 * 2 ** (attempt - 1), 2.0))
            timestamp, nonce = int(now()), secrets.token_hex(16)   # fresh on every attempt
            text = canonical_string("REQUEST", method, full_path, query, self.app_id, self.key_id, timestamp, nonce,
                                    body)
            headers = {"X-Hcp-App-Id": self.app_id, "X-Hcp-Key-Id": self.key_id, "X-Hcp-Algorithm": "SM2-SM3",
                       "X-Hcp-Timestamp": str(timestamp), "X-Hcp-Nonce": nonce, "X-Hcp-Signature": self.sign(text),
                       "User-Agent": "hcp-python-example/1"}
            if payload is not None:
                headers["Content-Type"] = "application/json; charset=utf-8"
            if idempotency_key:
                headers["Idempotency-Key"] = idempotency_key
            if self.debug_canonical:
                headers["X-Hcp-Debug-Canonical"] = base64.b64encode(text.encode("ascii")).decode("ascii")
            conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                conn.request(method, full_path + ("?" + query if query else ""), body=body or None, headers=headers)
                response = conn.getresponse()
                data = response.read()
                status, response_headers = response.status, dict(response.getheaders())
            except (OSError, http.client.HTTPException) as e:
                print("  attempt %d: no answer (%s); retrying" % (attempt + 1, type(e).__name__))
                continue
            finally:
                conn.close()
            if status == 429:
                wait = int(response_headers.get("Retry-After", "1"))
                print("  attempt %d: 429, waiting Retry-After %d s" % (attempt + 1, wait))
                time.sleep(wait)
                continue
            try:
                self.verify(method, full_path, query, nonce, body,
                            {k.title(): v for k, v in response_headers.items()}, data)
            except Unverified as e:
                if status >= 500:   # a proxy's 5xx carries no signature: retry it all the same
                    print("  attempt %d: %d; retrying" % (attempt + 1, status))
                else:
                    print("  attempt %d: response does not verify (%s); sending again" % (attempt + 1, e))
                continue
            envelope = json.loads(data)
            if status >= 500:
                print("  attempt %d: %d %s; retrying" % (attempt + 1, status, envelope.get("code")))
                continue
            return status, envelope
        raise RuntimeError("%s %s: no verified answer after %d attempts" % (method, path, MAX_RETRIES + 1))


def step(client, what, method, path, query=None, payload=None):
    status, envelope = client.call(method, path, query, payload)
    print("%s: %d %s" % (what, status, envelope["code"]))
    if envelope["code"] != "OK":
        raise RuntimeError("%s refused: %s" % (what, envelope.get("message")))
    return envelope.get("data")


def action(client, order_no, action_type, role, actor_id, **fields):
    payload = {"type": action_type, "actor": {"role": role, "id": actor_id}}
    payload.update(fields)
    return step(client, order_no + " " + action_type, "POST", "/v1/work-orders/%s/actions" % order_no, payload=payload)


def late_evaluation(client, records):
    """Art. 16: an evaluation made after the 5th working day after completion must be refused (the case is 未评).

    The dynamic-QR record's case was completed on 2026-11-26 09:40; its window ends 2026-12-03 23:59:59 +08:00.
    The same evaluation of a new case, made on 2026-12-04, is sent alone: the platform answers 422 INVALID_PAYLOAD
    with the record REJECTED at evaluatedAt (Art. 16) (section 5.3)."""
    late = json.loads(json.dumps(next(r for r in records["records"] if r["channel"] == "DYNAMIC_QR_CODE")))
    late["evaluationId"] = "EV-LATE"
    late["case"]["caseNo"] = "TJ2026112600199"
    late["evaluatedAt"] = "2026-12-04T09:00:00+08:00"
    status, envelope = client.call("POST", "/v1/evaluations", payload={"records": [late]})
    results = (envelope.get("data") or {}).get("results") or []
    print("submit a late evaluation: %d %s" % (status, envelope["code"]))
    if len(results) != 1 or results[0]["status"] != "REJECTED":
        raise RuntimeError("the late evaluation was not refused: %s" % json.dumps(envelope, ensure_ascii=False))
    violations = results[0].get("violations", [])
    if not any(v["rule"] == "Art. 16" and v["path"].endswith("evaluatedAt") for v in violations):
        raise RuntimeError("the late evaluation was refused for another reason: %s"
                           % json.dumps(violations, ensure_ascii=False))
    print("  refused as expected: %s" % violations[0]["message"])


def run(client, records):
    data = step(client, "submit %d evaluations" % len(records["records"]), "POST", "/v1/evaluations", payload=records)
    refused = [r for r in data["results"] if r["status"] == "REJECTED"]
    if refused:
        raise RuntimeError("records refused: %s" % json.dumps(refused, ensure_ascii=False))
    late_evaluation(client, records)
    orders = step(client, "list work orders", "GET", "/v1/work-orders", "page=1&pageSize=100")["items"]
    appealed, followed = orders[0], orders[1]
    for order in (appealed, followed):
        if order["state"] == "CREATED":   # a district case: the district government dispatches it (Art. 18)
            action(client, order["orderNo"], "DISPATCH", "DISTRICT_GOVERNMENT", order["areaCode"],
                   toDeptCode=order["deptCode"])
    # Art. 21: the department appeals (申请复核) with evidence (提供相关证据: description, reference and/or digest;
    # sections 3 and 5.5), the reviewer finds the bad review invalid.
    action(client, appealed["orderNo"], "APPLY_FOR_REVIEW", "HANDLING_DEPARTMENT", appealed["deptCode"],
           note="录像显示窗口人员在岗",
           evidence=[{"description": "窗口录像：工作人员在岗", "reference": "VID-A12-0930"}])
    action(client, appealed["orderNo"], "DECIDE_REVIEW", "REVIEWER", "TJ-ZWFW-REVIEW", verdict="INVALID")
    # Art. 19-22: verify, classify, call back, rectify, then the 12345 follow-up visit.
    no, dept = followed["orderNo"], followed["deptCode"]
    action(client, no, "VERIFY", "HANDLING_DEPARTMENT", dept)
    action(client, no, "CLASSIFY", "HANDLING_DEPARTMENT", dept, category="GENERAL")
    action(client, no, "CALL_BACK", "HANDLING_DEPARTMENT", dept)
    action(client, no, "START_RECTIFICATION", "HANDLING_DEPARTMENT", dept)
    action(client, no, "COMPLETE_RECTIFICATION", "HANDLING_DEPARTMENT", dept)
    final = step(client, no + " follow-up", "POST", "/v1/work-orders/%s/follow-up" % no,
                 payload={"result": "SATISFIED", "actor": {"role": "HOTLINE_12345", "id": "12345"}})
    print("work order %s: %s" % (no, final["state"]))


def key_id_of(public_pem_file):
    """The default key id: the first 16 hex characters of SM3 over the DER SubjectPublicKeyInfo (section 4)."""
    der = subprocess.run(["openssl", "pkey", "-pubin", "-in", public_pem_file, "-outform", "DER"],
                         capture_output=True, check=True).stdout
    return sm3_hex(der)[:16]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--base-url", required=True)
    p.add_argument("--app-id", required=True)
    p.add_argument("--key", required=True, help="the app's SM2 private key, PKCS#8 PEM")
    p.add_argument("--key-id", help="default: derived from the key")
    p.add_argument("--platform-key", required=True, help="the platform's SM2 public key, PEM")
    p.add_argument("--platform-key-id", help="default: derived from the platform key")
    p.add_argument("--records", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "records.json"))
    p.add_argument("--debug-canonical", action="store_true",
                   help="send the canonical string in X-Hcp-Debug-Canonical (conformance runs only)")
    p.add_argument("--clock-offset", type=int, default=0, metavar="SECONDS",
                   help="sign on this machine's clock plus SECONDS: for a platform (a test harness) whose clock runs "
                        "from a fixed date, e.g. hcp conformance client --clock-start, which prints the offset")
    a = p.parse_args()
    global CLOCK_OFFSET
    CLOCK_OFFSET = a.clock_offset
    with tempfile.NamedTemporaryFile(suffix=".pem") as pub:
        subprocess.run(["openssl", "pkey", "-in", a.key, "-pubout", "-out", pub.name], check=True)
        key_id = a.key_id or key_id_of(pub.name)
    client = Client(a.base_url, a.app_id, key_id, a.key, a.platform_key,
                    a.platform_key_id or key_id_of(a.platform_key), a.debug_canonical)
    with open(a.records, encoding="utf-8") as f:
        records = json.load(f)
    try:
        run(client, records)
    except RuntimeError as e:
        print("FAILED: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
