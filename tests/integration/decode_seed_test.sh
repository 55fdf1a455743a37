#!/usr/bin/env bash
# decode_seed_test.sh IMSREG: `imsreg decode --json` over every seed fixture
# of ../shared/fixtures/seed as pasted: the JSON parses, the exit status
# matches the findings, and the decoded values are the ones computed here
# independently (python3: Luhn digit, base64 of the AKA nonces, cell ids).
set -u
imsreg=${1:?usage: decode_seed_test.sh IMSREG}
seed=../shared/fixtures/seed
[ -d ../shared/fixtures/seed ] || { echo "FAIL: ../shared/fixtures/seed not found (run from the repo root, beside ../shared)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

for f in "$seed"/*.txt; do
	name=$(basename "$f" .pasted.txt)
	"$imsreg" decode --json "$f" >"$tmp/$name.json" 2>"$tmp/$name.err"
	echo $? >"$tmp/$name.rc"
	if ! python3 -m json.tool <"$tmp/$name.json" >/dev/null; then
		echo "FAIL $name: --json output does not parse"; fail=1
	fi
	# the text form decodes the same input with the same status
	"$imsreg" decode --no-color "$f" >"$tmp/$name.txt" 2>/dev/null
	rc_text=$?
	if [ "$rc_text" != "$(cat "$tmp/$name.rc")" ]; then
		echo "FAIL $name: text exit $rc_text, json exit $(cat "$tmp/$name.rc")"; fail=1
	fi
	if grep -q $'\033' "$tmp/$name.txt"; then
		echo "FAIL $name: colour escape in --no-color output"; fail=1
	fi
done

"$imsreg" decode --json --rules >"$tmp/rules.json" || { echo "FAIL: decode --rules"; fail=1; }

python3 - "$tmp" <<'PY' || fail=1
import base64, json, sys
tmp = sys.argv[1]
failures = 0
checks = 0

def check(cond, what):
    global failures, checks
    checks += 1
    if not cond:
        failures += 1
        print("FAIL", what)

def load(name):
    with open(f"{tmp}/{name}.json") as f:
        doc = json.load(f)
    rc = int(open(f"{tmp}/{name}.rc").read())
    return doc, rc

def only_msg(doc, name):
    msgs = doc["inputs"][0]["messages"]
    check(len(msgs) == 1, f"{name}: one message, got {len(msgs)}")
    return msgs[0]

def headers(msg, long_name):
    return [h for h in msg["headers"] if h["long_name"] == long_name]

def luhn(digits):
    # TS 23.003 Annex B: double every second digit from the right of the 14
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return str((10 - total % 10) % 10)

seeds = ["ex1-basic", "ex2-sms-capability", "ex3-sms-volte-capability", "ex4-aka-authorization",
         "ex5-ipsec-sec-agree", "ex6-unregister", "ref-nr-minimal"]
msgs = {}
for s in seeds:
    doc, rc = load(s)
    check(doc["command"] == "decode" and doc["schema"] == 1, f"{s}: document header")
    check(rc in (0, 1), f"{s}: exit {rc}, want 0 or 1 (the seeds decode completely)")
    check(doc["exit_status"] == rc, f"{s}: exit_status {doc['exit_status']} != process exit {rc}")
    m = only_msg(doc, s)
    msgs[s] = m
    errors = [f for f in m["findings"] if f["severity"] == "error"]
    check((rc == 1) == (len(errors) > 0 or m["summary"]["decode_errors"] > 0),
          f"{s}: exit {rc} but {len(errors)} error findings")
    check(m["summary"]["decode_errors"] == 0, f"{s}: {m['summary']['decode_errors']} undecodable parts")
    check(m["kind"] == "request" and m["method"] == "REGISTER", f"{s}: a REGISTER")
    for f in m["findings"]:
        check(all(k in f for k in ("id", "severity", "ref", "header", "line", "message")),
              f"{s}: finding fields {sorted(f)}")
        check(f["severity"] in ("error", "warning", "info"), f"{s}: severity {f['severity']}")
    for h in m["headers"]:
        check(h["meaning"] and h["ref"], f"{s}: {h['name']} has meaning and ref")
        check("error" not in h["decoded"], f"{s}: {h['name']} decodes: {h['decoded'].get('error')}")

# every finding names a rule of the book (imsreg decode --rules)
rules = json.load(open(f"{tmp}/rules.json"))["rules"]
rule_ids = {r["id"] for r in rules}
check(len(rules) > 0 and all(r["severity"] in ("error", "warning", "info") and r["ref"] for r in rules),
      "the rule book lists rules with severity and ref")
for s in seeds:
    for f in msgs[s]["findings"]:
        check(f["id"] in rule_ids, f"{s}: finding {f['id']} is not in the rule book")

# the members docs/json.md promises are all there (schema 1 only adds members)
TOP = {"imsreg", "schema", "command", "mode", "brief", "inputs", "summary", "exit_status"}
INPUT = {"name", "mode", "capture", "encoding", "journal_blobs", "capture_read", "repairs", "messages", "end_findings",
         "discarded", "hint", "error"}
MSG = {"index", "line", "packet", "frame", "kind", "start_line", "version", "method", "request_uri", "status", "reason",
       "parse_repairs", "wire", "headers", "body", "expiry", "identities", "identity_checks", "findings", "carried",
       "summary"}
HDR = {"name", "long_name", "compact", "line", "column", "value", "meaning", "ref", "type", "decoded"}
FINDING = {"id", "severity", "ref", "header", "line", "column", "message"}
for s in seeds:
    doc, _ = load(s)
    check(TOP <= set(doc), f"{s}: top-level members missing: {TOP - set(doc)}")
    check(INPUT <= set(doc["inputs"][0]), f"{s}: input members missing: {INPUT - set(doc['inputs'][0])}")
    m = msgs[s]
    check(MSG <= set(m), f"{s}: message members missing: {MSG - set(m)}")
    for h in m["headers"]:
        check(HDR <= set(h), f"{s}: header members missing: {HDR - set(h)}")
    for f in m["findings"]:
        check(FINDING <= set(f), f"{s}: finding members missing: {FINDING - set(f)}")

# ex1: header lines are the user's lines (the [ Line N ] prefixes count lines
# of the file: line 1 of the message is file line 1, Via file line 3)
m = msgs["ex1-basic"]
via = headers(m, "Via")[0]
check(via["line"] == 3, f"ex1: Via on file line 3, got {via['line']}")
v = via["decoded"]["elements"][0]
check(v["transport"] == "UDP" and v["host"] == "192.168.1.15" and v["port"] == 5060,
      f"ex1: Via sent-by {v['transport']} {v['host']}:{v['port']}")
check(v["branch"] == "z9hG4bK3933794001smg", "ex1: Via branch")
auth = headers(m, "Authorization")[0]["decoded"]["elements"][0]
check(auth["fields"]["username"] == "001010123456789@ims.sharetechnote.com", "ex1: username")
check(auth["fields"]["nonce"] == "", "ex1: empty nonce kept as empty, not absent")
check(m["request_uri"]["host"] == "ims.sharetechnote.com" and m["request_uri"]["user"] is None,
      "ex1: Request-URI host, no user")
check(m["expiry"]["header"] == 3600 and m["expiry"]["kind"] == "registration", "ex1: expiry")
impi = [i for i in m["identities"] if i["role"] == "impi"][0]
check(impi["kind"] == "nai" and impi["imsi"] is True, "ex1: IMPI is a NAI with an IMSI user")
# IMSI 001 01 0123456789: TS 23.003 §13.2 pads a 2-digit MNC to 3 digits
check(impi["derived_domain_mnc2"] == "ims.mnc001.mcc001.3gppnetwork.org"
      and impi["derived_domain_mnc3"] == "ims.mnc010.mcc001.3gppnetwork.org",
      f"ex1: IMSI-derived domains {impi['derived_domain_mnc2']} {impi['derived_domain_mnc3']}")

# ex2: IPv6 Via and Contact, feature tags with the MMTel service named
m = msgs["ex2-sms-capability"]
v = headers(m, "Via")[0]["decoded"]["elements"][0]
check(v["host"] == "[2001:0:0:1::3]" and v["port"] == 5060, f"ex2: IPv6 sent-by {v['host']}")
c = headers(m, "Contact")[0]["decoded"]["elements"][0]
check(c["uri"]["host_type"] == "ipv6", "ex2: IPv6 contact host")
names = [p["name"] for p in c["params"]]
check(names == ["reg-id", "+g.3gpp.csi.smsip", "+g.3gpp.icsi-ref"], f"ex2: contact params {names}")
kinds = {p["name"]: p["kind"] for p in c["params"]}
check(kinds["reg-id"] == "reg_id" and kinds["+g.3gpp.icsi-ref"] == "icsi", f"ex2: kinds {kinds}")
check(kinds["+g.3gpp.csi.smsip"] == "smsip_misspelt", f"ex2: misspelt smsip kind {kinds['+g.3gpp.csi.smsip']}")
icsi = [p for p in c["params"] if p["name"] == "+g.3gpp.icsi-ref"][0]
check(icsi["services"] and icsi["services"][0]["urn"] == "urn:urn-7:3gpp-service.ims.icsi.mmtel"
      and "MMTel" in (icsi["services"][0]["name"] or ""), f"ex2: MMTel named {icsi['services']}")
want_line = [i + 1 for i, l in enumerate(open("../shared/fixtures/seed/ex2-sms-capability.pasted.txt"))
             if "Authorization:" in l][0]
check(headers(m, "Authorization")[0]["line"] == want_line,
      f"ex2: Authorization on file line {want_line}, got {headers(m, 'Authorization')[0]['line']}")

# ex3: +sip.instance IMEI URN split, Luhn digit computed separately; AKA nonce
m = msgs["ex3-sms-volte-capability"]
c = headers(m, "Contact")[0]["decoded"]["elements"][0]
inst = [p for p in c["params"] if p["name"] == "+sip.instance"][0]["instance"]
check(inst["kind"] == "imei", "ex3: IMEI URN")
check(inst["tac"] == "99000493" and inst["snr"] == "686661" and inst["spare"] == "0",
      f"ex3: TAC/SNR/spare {inst['tac']} {inst['snr']} {inst['spare']}")
check(inst["check_digit"] == luhn("99000493686661"),
      f"ex3: Luhn digit {inst['check_digit']}, want {luhn('99000493686661')}")
check(m["expiry"]["header"] == 600000, "ex3: Expires 600000")
kinds = [p["kind"] for p in c["params"]]
check("rcs_telephony" in kinds and "media" in kinds and "smsip" in kinds, f"ex3: kinds {kinds}")
a = headers(m, "Authorization")[0]["decoded"]["elements"][0]
raw = base64.b64decode("fn3iiH1LnWqCtFyPUD8qzYxfiiVavYAAmfcxByxmhBg=")
check(a["aka"]["rand"] == raw[:16].hex() and a["aka"]["autn"] == raw[16:32].hex(), "ex3: RAND/AUTN")
check(a["nc"] == 2, f"ex3: nc as a counter: {a['nc']}")
p = headers(m, "P-Access-Network-Info")[0]["decoded"]["elements"][0]
check(p["cell_ok"] and p["mcc"] == "001" and p["mnc"] == "01" and p["tac"] == 1 and p["cell_id"] == 1,
      f"ex3: cell {p.get('mcc')} {p.get('mnc')} {p.get('tac')} {p.get('cell_id')}")
check(p["enb_or_gnb_id"] == 0 and p["local_cell"] == 1, "ex3: eNB id 0, cell 1")

# ex4: the AKA nonce split into RAND, AUTN = SQN^AK || AMF || MAC
m = msgs["ex4-aka-authorization"]
a = headers(m, "Authorization")[0]["decoded"]["elements"][0]
raw = base64.b64decode("DtIe00txvoZUGvYmjgX98eAPJNjx3IAADsM84A8kWPE=")
aka = a["aka"]
check(aka["rand"] == raw[:16].hex(), f"ex4: RAND {aka['rand']}")
check(aka["autn"] == raw[16:32].hex(), f"ex4: AUTN {aka['autn']}")
check(aka["sqn_xor_ak"] == raw[16:22].hex() and aka["amf"] == raw[22:24].hex() and aka["mac"] == raw[24:32].hex(),
      "ex4: SQN^AK, AMF, MAC")
check(aka["amf_separation_bit"] == bool(raw[22] & 0x80), "ex4: AMF separation bit")
check(a["nc"] == 1 and a["fields"]["nc"] == "00000001", "ex4: nc 00000001 = 1")
check(a["fields"]["algorithm"] == "AKAv1-MD5" and a["fields"]["qop"] == "auth", "ex4: algorithm, qop")

# ex5: compact names with their long names; six Security-Client offers
m = msgs["ex5-ipsec-sec-agree"]
compact = {h["name"]: h["long_name"] for h in m["headers"] if h["compact"]}
check(compact == {"f": "From", "t": "To", "i": "Call-ID", "v": "Via", "m": "Contact", "l": "Content-Length",
                  "k": "Supported"}, f"ex5: compact forms {compact}")
offers = headers(m, "Security-Client")[0]["decoded"]["elements"]
check(len(offers) == 6, f"ex5: 6 offers, got {len(offers)}")
want = [("hmac-md5-96", "des-ede3-cbc"), ("hmac-md5-96", "aes-cbc"), ("hmac-md5-96", "null"),
        ("hmac-sha-1-96", "des-ede3-cbc"), ("hmac-sha-1-96", "aes-cbc"), ("hmac-sha-1-96", "null")]
for i, o in enumerate(offers):
    check(o["mechanism"] == "ipsec-3gpp" and (o["alg"], o["ealg"]) == want[i], f"ex5: offer {i + 1} algs")
    check(o["spi_c"] == 799251570 and o["spi_s"] == 1387593208 and o["port_c"] == 8006 and o["port_s"] == 8906,
          f"ex5: offer {i + 1} spi/ports {o['spi_c']} {o['spi_s']} {o['port_c']} {o['port_s']}")
inst = [p for p in headers(m, "Contact")[0]["decoded"]["elements"][0]["params"] if p["name"] == "+sip.instance"][0]
check(inst["instance"]["tac"] == "35425006" and inst["instance"]["check_digit"] == luhn("35425006000655"),
      "ex5: IMEI TAC and Luhn digit")
to = [i for i in m["identities"] if i["role"] == "to"][0]
check(to["imsi"] and to["domain_3gpp"] and to["domain_mcc"] == "081" and to["domain_mnc"] == "246",
      f"ex5: IMPU with an IMSI user in a 3GPP domain {to}")

# ex6: Expires 0 is an unregistration; two credentials in one field
m = msgs["ex6-unregister"]
check(m["expiry"]["header"] == 0 and m["expiry"]["kind"] == "unregistration", f"ex6: expiry {m['expiry']}")
check(m["expiry"]["contacts"][0]["effective"] == 0 and m["expiry"]["contacts"][0]["source"] == "header",
      "ex6: contact expires from the header")
creds = headers(m, "Authorization")[0]["decoded"]["elements"]
check(len(creds) == 2, f"ex6: two credentials in one field, got {len(creds)}")
p = headers(m, "P-Access-Network-Info")[0]["decoded"]["elements"][0]
check(p["cell_ok"] and p["mcc"] == "311" and p["mnc"] == "480" and p["cell_id"] == 0xFFFFFFF,
      f"ex6: 3-digit MNC cell {p.get('mcc')} {p.get('mnc')} {p.get('cell_id')}")
check(p["enb_or_gnb_id"] == 0xFFFFFFF >> 8 and p["local_cell"] == 0xFF, "ex6: eNB id / cell")

# ref-nr-minimal: NR cell id of the wrong length is a problem, contact expires param
m = msgs["ref-nr-minimal"]
p = headers(m, "P-Access-Network-Info")[0]["decoded"]["elements"][0]
check(p["access_type"] == "3GPP-NR-FDD" and p["cell_ok"] is False and p["cell_problem"],
      f"ref-nr: NR cell id problem {p.get('cell_problem')}")
check(p["cell_len"] == 15, f"ref-nr: 15 characters, got {p['cell_len']}")
c = m["expiry"]["contacts"][0]
check(c["param"] == 600 and c["source"] == "contact_param", "ref-nr: contact-level expires")
check(headers(m, "Via")[0]["decoded"]["elements"][0]["port"] is None, "ref-nr: Via without port")

print(f"{checks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
PY
exit $fail
