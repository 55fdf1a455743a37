#!/usr/bin/env bash
# decode_cli_test.sh IMSREG: exit statuses (0/1/2), file:line:col errors in
# the user's own lines, stdin, --brief, --strict, and a whole registration
# (REGISTER, 401, REGISTER, 200) in one input, as text people paste (LF) and
# as wire bytes (CRLF, --strict).
set -u
imsreg=${1:?usage: decode_cli_test.sh IMSREG}
seed=../shared/fixtures/seed
aka=../shared/corpus/captures/text/openimscore-aka
bench=../shared/corpus/bench
[ -d ../shared/fixtures/seed ] || { echo "FAIL: ../shared/fixtures/seed not found (run from the repo root, beside ../shared)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. tests/support/cli_check.sh

# --- usage and version ---
expect_rc 0 "version" "$imsreg" version
grep -q '^imsreg [0-9]' "$tmp/out" && ok || bad "version text"
expect_rc 0 "decode --help" "$imsreg" decode --help
grep -q -- '--diff' "$tmp/out" && ok || bad "decode --help mentions --diff"
expect_rc 2 "unknown option" "$imsreg" decode --bogus "$seed/ex1-basic.pasted.txt"
expect_rc 2 "unknown command" "$imsreg" frobnicate

# --- a report that cannot be written (disk full) is status 2, not success ---
if [ -w /dev/full ]; then
	for cmd in "decode $seed/ex1-basic.pasted.txt" "decode --json $seed/ex5-ipsec-sec-agree.pasted.txt" \
		"decode --rules" "decode --diff $seed/ex2-sms-capability.pasted.txt $seed/ex4-aka-authorization.pasted.txt" \
		"verify $seed/ex4-aka-authorization.pasted.txt" \
		"aka --k 000102030405060708090a0b0c0d0e0f --opc 000102030405060708090a0b0c0d0e0f" "version"; do
		$imsreg $cmd >/dev/full 2>"$tmp/err"
		rc=$?
		[ $rc = 2 ] && grep -q 'cannot write' "$tmp/err" && ok || bad "$cmd >/dev/full: exit $rc, $(head -1 "$tmp/err")"
	done
fi

# --- unreadable and unparseable inputs: 2 with file:line:col: reason ---
expect_rc 2 "missing file" "$imsreg" decode "$tmp/does-not-exist.txt"
grep -q 'does-not-exist.txt' "$tmp/err" && ok || bad "missing file named on stderr"

printf 'hello world\nthis is not SIP\n' >"$tmp/garbage.txt"
expect_rc 2 "garbage" "$imsreg" decode "$tmp/garbage.txt"
grep -Eq "^$tmp/garbage.txt:[0-9]+:[0-9]+: .+" "$tmp/err" && ok || bad "garbage: file:line:col: reason on stderr: $(head -1 "$tmp/err")"
# every member of an input docs/json.md lists, also of one not read or not parsed
"$imsreg" decode --json "$tmp/does-not-exist.txt" "$tmp/garbage.txt" >"$tmp/bad-inputs.json" 2>/dev/null
python3 -c 'import json,sys; i=json.load(open(sys.argv[1]))["inputs"]; want=["name", "mode", "capture", "encoding", "journal_blobs", "capture_read", "repairs", "messages", "end_findings", "discarded", "hint", "error"]; assert [list(x) for x in i] == [want, want] and all(x["error"] and x["end_findings"] == [] and x["discarded"] == 0 and x["hint"] is None and x["capture_read"] is None for x in i), [list(x) for x in i]' "$tmp/bad-inputs.json" && ok || bad "inputs not read or not parsed: every member, in order"

# an empty input, or one of line breaks only, holds no message: 2 in both modes
printf '\r\n\r\n' >"$tmp/breaks.txt"
for mode in "" --strict; do
	expect_rc 2 "line breaks only ${mode:-lenient}" "$imsreg" decode $mode "$tmp/breaks.txt"
	grep -q "^$tmp/breaks.txt:1:1: .\+" "$tmp/err" && ok || bad "line breaks only ${mode:-lenient}: file:1:1: reason"
	expect_rc 2 "empty input ${mode:-lenient}" "$imsreg" decode $mode - </dev/null
done

# two pasted messages, the second with a broken request line (two spaces):
# the error names the user's line 8 and column 21 (after the log prefix),
# not a position in the normalised text
printf '[ Line 1 ] REGISTER sip:ims.example.net SIP/2.0\n\n[ Line 2 ] Call-ID: a@b\n\n[ Line 3 ] Content-Length: 0\n\n\n[ Line 1 ] REGISTER  sip:ims.example.net SIP/2.0\n\n[ Line 2 ] Call-ID: a@b\n' >"$tmp/badline.txt"
expect_rc 2 "broken request line in the second message" "$imsreg" decode "$tmp/badline.txt"
grep -q "^$tmp/badline.txt:8:21: .\+" "$tmp/err" && ok || bad "badline: want $tmp/badline.txt:8:21: reason, got: $(head -1 "$tmp/err")"
grep -q "^ *\^" "$tmp/err" && ok || bad "badline: a caret under the offending byte"

# --json on bad input is still one JSON document, with the position
"$imsreg" decode --json "$tmp/garbage.txt" >"$tmp/garbage.json" 2>/dev/null
rc=$?
[ $rc = 2 ] && ok || bad "garbage --json exit $rc"
python3 - "$tmp/garbage.json" <<'PY' && ok || bad "garbage --json document"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["exit_status"] == 2, d["exit_status"]
e = d["inputs"][0]["error"]
assert e["reason"] and e["line"] >= 1 and e["column"] >= 1, e
assert d["summary"]["unparsed"] == 1
PY

# --strict refuses what only the paste repairs fix (log prefixes)
expect_rc 2 "--strict on a pasted seed" "$imsreg" decode --strict "$seed/ex1-basic.pasted.txt"
# ... and says that the lenient read takes it, once per input
has "--strict on a paste: the hint" "$tmp/err" "hint: without --strict this input reads as pasted text or a log: 1 message(s), 4 repair(s)"
[ "$(grep -c 'hint:' "$tmp/err")" = 1 ] && ok || bad "--strict on a paste: one hint"
# no hint when the lenient read fails too, or finds nothing to repair
printf 'REGISTER sip:a SIP/2.0\r\nVia SIP/2.0/UDP h\r\n\r\n' >"$tmp/nohint.sip"
expect_rc 2 "--strict on a bad header" "$imsreg" decode --strict "$tmp/nohint.sip"
hasnt "--strict on a bad header: no hint" "$tmp/err" "hint:"
# JSON has the hint in the input's "hint" (null without one)
"$imsreg" decode --json --strict "$seed/ex1-basic.pasted.txt" >"$tmp/hint.json" 2>/dev/null
"$imsreg" decode --json --strict "$tmp/nohint.sip" >"$tmp/nohint.json" 2>/dev/null
python3 - "$tmp/hint.json" "$tmp/nohint.json" <<'PY' && ok || bad "--strict --json: the hint member"
import json, sys
h, n = (json.load(open(p))["inputs"][0] for p in sys.argv[1:3])
assert h["hint"].startswith("without --strict this input reads as pasted text or a log: 1 message(s), 4 repair(s)"), h["hint"]
assert n["hint"] is None, n["hint"]
PY

# --- stdin gives the same result as the file ---
"$imsreg" decode --json "$seed/ex4-aka-authorization.pasted.txt" >"$tmp/file.json" 2>/dev/null
rc_file=$?
"$imsreg" decode --json <"$seed/ex4-aka-authorization.pasted.txt" >"$tmp/stdin.json" 2>/dev/null
rc_stdin=$?
"$imsreg" decode --json - <"$seed/ex4-aka-authorization.pasted.txt" >"$tmp/dash.json" 2>/dev/null
rc_dash=$?
[ $rc_file = $rc_stdin ] && [ $rc_file = $rc_dash ] && ok || bad "stdin exit $rc_stdin/$rc_dash vs file $rc_file"
python3 - "$tmp/file.json" "$tmp/stdin.json" <<'PY' && ok || bad "stdin decodes like the file"
import json, sys
a = json.load(open(sys.argv[1]))["inputs"][0]["messages"]
b = json.load(open(sys.argv[2]))["inputs"][0]["messages"]
assert a == b
PY

# --- the whole registration in one input ---
# REGISTER (initial, sec-agree), its 401, the REGISTER answering it (the same
# message with the Authorization of 03-authorization-header.txt, CSeq 2, a
# new branch) and a 200 OK, from ../shared/corpus (captures and bench).
python3 - "$aka" "$bench" "$tmp" <<'PY'
import sys
aka, bench, tmp = sys.argv[1:4]
reg = open(f"{aka}/01-register-sec-agree.sip", newline="").read()
chal = open(f"{aka}/02-401-akav1-security-server.sip", newline="").read()
cred = open(f"{aka}/03-authorization-header.txt", newline="").read().strip()
ok200 = open(f"{bench}/g_200_register.sip", newline="").read()
lines = reg.split("\r\n")
reg2 = []
for l in lines:
    if l.startswith("Authorization:"):
        l = cred
    elif l.startswith("CSeq:"):
        l = "CSeq: 2 REGISTER"
    elif l.startswith("Via:"):
        l = l.replace("branch=z9hG4bK5f8f754b", "branch=z9hG4bK5f8f754c")
    reg2.append(l)
wire = reg + chal + "\r\n".join(reg2) + ok200
open(f"{tmp}/flow.wire", "w", newline="").write(wire)
# as people paste it: LF line ends and a blank line between messages
open(f"{tmp}/flow.txt", "w", newline="").write(
    "\n\n".join(m.replace("\r\n", "\n").strip("\n") for m in (reg, chal, "\r\n".join(reg2), ok200)) + "\n")
PY
for mode in lenient strict; do
	if [ $mode = strict ]; then in=$tmp/flow.wire; opt=--strict; else in=$tmp/flow.txt; opt=; fi
	"$imsreg" decode --json $opt "$in" >"$tmp/flow-$mode.json" 2>"$tmp/flow-$mode.err"
	rc=$?
	[ $rc -le 1 ] && ok || { bad "flow $mode: exit $rc"; sed 's/^/    /' "$tmp/flow-$mode.err" | head -5; }
	python3 - "$tmp/flow-$mode.json" "$aka" <<'PY' && ok || bad "flow $mode: decoded values"
import base64, json, re, sys
d = json.load(open(sys.argv[1]))
msgs = d["inputs"][0]["messages"]
assert [m.get("kind") for m in msgs] == ["request", "response", "request", "response"], [m.get("kind") for m in msgs]
assert msgs[0]["method"] == "REGISTER" and msgs[2]["method"] == "REGISTER"
assert msgs[1]["status"] == 401 and msgs[3]["status"] == 200, (msgs[1]["status"], msgs[3]["status"])
def hdr(m, n):
    return [h for h in m["headers"] if h["long_name"] == n]
# the 401's challenge: nonce = base64(RAND || AUTN)
chal = open(f"{sys.argv[2]}/02-401-akav1-security-server.sip").read()
nonce = re.search(r'nonce="([^"]+)"', chal).group(1)
raw = base64.b64decode(nonce)
c = hdr(msgs[1], "WWW-Authenticate")[0]["decoded"]["elements"][0]
assert c["aka"]["rand"] == raw[:16].hex() and c["aka"]["autn"] == raw[16:32].hex(), c["aka"]
assert c["fields"]["qop"] == "auth,auth-int"
s = hdr(msgs[1], "Security-Server")[0]["decoded"]["elements"][0]
assert (s["spi_c"], s["spi_s"], s["port_c"], s["port_s"]) == (5008, 5009, 34432, 37529), s
assert s["q"] == "0.1" and s["prot"] == "esp" and s["mod"] == "trans"
# the answer: same nonce, nc 1
a = hdr(msgs[2], "Authorization")[0]["decoded"]["elements"][0]
assert a["fields"]["nonce"] == nonce and a["nc"] == 1 and a["fields"]["cnonce"] == "bcffc432c12c64e0"
assert hdr(msgs[2], "CSeq")[0]["decoded"]["seq"] == 2
# the 200: granted expiry and the implicit registration set
assert msgs[3]["expiry"]["kind"] == "granted"
assert msgs[3]["expiry"]["contacts"][0]["effective"] == 600000
assoc = [i for i in msgs[3]["identities"] if i["role"] == "associated"]
assert [i["kind"] for i in assoc] == ["sip", "sip", "tel"], assoc
assert d["summary"]["messages"] == 4
PY
done

# --- header fields pasted alone (no start line anywhere) ---
# the UE's Authorization of the corpus, a header line and nothing else: its
# credentials and the AKA nonce (RAND || AUTN) decoded, no finding about
# what was not pasted, exit 0
expect_rc 0 "an Authorization pasted alone" "$imsreg" decode --json "$aka/03-authorization-header.txt"
python3 - "$tmp/out" "$aka/02-401-akav1-security-server.sip" <<'PY' && ok || bad "fields alone: JSON"
import base64, json, re, sys
d = json.load(open(sys.argv[1]))
m = d["inputs"][0]["messages"]
assert len(m) == 1 and m[0]["kind"] == "fields", m
m = m[0]
assert m["start_line"] is None and m["method"] is None and m["status"] is None and m["expiry"] is None
nonce = re.search(r'nonce="([^"]+)"', open(sys.argv[2]).read()).group(1)
a = m["headers"][0]["decoded"]["elements"][0]
assert a["fields"]["nonce"] == nonce and a["aka"]["rand"] == base64.b64decode(nonce)[:16].hex(), a
assert [i["role"] for i in m["identities"]] == ["impi"], m["identities"]
assert m["findings"] == [], m["findings"]
assert d["summary"]["by_kind"] == [{"kind": "header fields", "count": 1}], d["summary"]["by_kind"]
PY
# a bad cell id and a contact's misspelt tag in fields quoted in a question:
# the findings of the fields, the question's text ignored; exit 1 for the error
printf 'Why does the S-CSCF reject this?\n\n    Contact: <sip:+15551234567@10.0.0.1>;+g.3gpp.csi.smsip\n    P-Access-Network-Info: 3GPP-E-UTRAN-FDD;\n      utran-cell-id-3gpp=3114800A1B2C\n' >"$tmp/fields.txt"
expect_rc 1 "fields with a bad cell id" "$imsreg" decode --no-color "$tmp/fields.txt"
grep -q '^== .* message 1 (line 3): header fields (no start line)$' "$tmp/out" && ok || bad "fields: title at line 3"
grep -q 'error   ts24229.pani.cell-id  line 5' "$tmp/out" && ok || bad "fields: the cell id's finding at line 5"
grep -q 'warning ir92.contact.smsip-misspelt  line 3' "$tmp/out" && ok || bad "fields: the misspelt tag"
! grep -q 'mandatory-header\|supported-path\|ir92.contact.instance ' "$tmp/out" && ok || bad "fields: no rule of what was not pasted"
grep -q 'ignored text that is not part of a SIP message: line 1' "$tmp/out" && ok || bad "fields: the question's text listed"
"$imsreg" decode --brief --no-color "$tmp/fields.txt" >"$tmp/brief.txt" 2>/dev/null
grep -q "^$tmp/fields.txt:3: header fields (no start line) | 1 contact field(s) | 1 error(s), 1 warning(s), 0 info" "$tmp/brief.txt" && ok || bad "fields: --brief line: $(head -2 "$tmp/brief.txt")"
# the same text with a start line after it: a message; the fields before it,
# indented as the question quotes them, are the question's text, ignored
printf 'REGISTER sip:ims.example.net SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1\n' >>"$tmp/fields.txt"
"$imsreg" decode --json "$tmp/fields.txt" >"$tmp/out" 2>/dev/null
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["inputs"][0]["messages"]; assert [x["kind"] for x in m] == ["request"], m' "$tmp/out" && ok || bad "a start line makes the input messages"
# the 401 (Content-Length: 0, its empty line) and the UE's Authorization line
# after it: two messages, the line a block of fields, not more of the 401
oic=../shared/corpus/captures/text/openimscore-aka
cat "$oic/02-401-akav1-security-server.sip" "$oic/03-authorization-header.txt" >"$tmp/401-auth.txt"
"$imsreg" decode --json "$tmp/401-auth.txt" >"$tmp/out" 2>/dev/null
python3 - "$tmp/out" <<'PY' && ok || bad "the Authorization line after a 401 is fields of its own"
import json, sys
m = json.load(open(sys.argv[1]))["inputs"][0]["messages"]
assert [x["kind"] for x in m] == ["response", "fields"], [x["kind"] for x in m]
assert m[1]["line"] == 16, m[1]["line"]
names = [h["name"] for h in m[0]["headers"]]
assert "Authorization" not in names, names
PY
# the UE's Authorization line pasted above the REGISTER (at the line's start):
# a block of fields before the message, not ignored
{ cat "$aka/03-authorization-header.txt"; printf "\n\n"; cat "$aka/01-register-sec-agree.sip"; } >"$tmp/auth-reg.txt"
"$imsreg" decode --json "$tmp/auth-reg.txt" >"$tmp/out" 2>/dev/null
python3 - "$tmp/out" <<'PY' && ok || bad "the Authorization line above a REGISTER is fields of its own"
import json, sys
m = json.load(open(sys.argv[1]))["inputs"][0]["messages"]
assert [x["kind"] for x in m] == ["fields", "request"], [x["kind"] for x in m]
assert m[0]["line"] == 1 and m[1]["line"] == 3, (m[0]["line"], m[1]["line"])
assert m[0]["headers"][0]["name"] == "Authorization", m[0]["headers"]
PY
"$imsreg" decode --brief --no-color "$tmp/auth-reg.txt" >"$tmp/brief.txt" 2>/dev/null
grep -q "^$tmp/auth-reg.txt:1: header fields (no start line) |" "$tmp/brief.txt" && ok || bad "Authorization above: --brief line: $(head -2 "$tmp/brief.txt")"
# fields copied from a syslog: the prefix of each line removed, the log's
# other lines ignored, the finding at the input's line
printf 'Nov 21 18:56:00 pcscf kamailio[812]: INFO: <script>: REGISTER from 10.45.0.2\nNov 21 18:56:00 pcscf kamailio[812]: Contact: <sip:001010000000001@10.45.0.2>;+sip.instance="<urn:gsma:imei:35425006-000655-0>"\nNov 21 18:56:01 pcscf kamailio[812]: P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0010100010019B0\n' >"$tmp/fields-log.txt"
expect_rc 1 "fields behind a syslog prefix" "$imsreg" decode --no-color "$tmp/fields-log.txt"
grep -q '^== .* message 1 (line 2): header fields (no start line)$' "$tmp/out" && ok || bad "log fields: title at line 2"
grep -q 'removed the log prefix before each header field line: line 2' "$tmp/out" && ok || bad "log fields: the repair listed"
grep -q 'Luhn check digit: 1' "$tmp/out" && ok || bad "log fields: the IMEI explained"
grep -q 'error   ts24229.pani.cell-id  line 3' "$tmp/out" && ok || bad "log fields: the cell id's finding at line 3"
# fields with Expires or a Contact: their expiry read as a REGISTER's
printf 'Expires: 0\nContact: <sip:a@10.0.0.1>;expires=600000, <sip:b@10.0.0.1>\n' >"$tmp/fields-exp.txt"
expect_rc 0 "fields with Expires and contacts" "$imsreg" decode --json "$tmp/fields-exp.txt"
python3 - "$tmp/out" <<'PY' && ok || bad "fields: expiry as a REGISTER's"
import json, sys
e = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]["expiry"]
assert e["header"] == 0 and e["kind"] == "partial_unregistration", e
assert [(c["uri"], c["effective"], c["source"]) for c in e["contacts"]] == [("sip:a@10.0.0.1", 600000, "contact_param"), ("sip:b@10.0.0.1", 0, "header")], e
PY
"$imsreg" decode --no-color "$tmp/fields-exp.txt" >"$tmp/out" 2>/dev/null
grep -q "read as a REGISTER's fields" "$tmp/out" && ok || bad "fields: the expiry says how it is read"
printf 'Expires: 600000\n' >"$tmp/fields-exp.txt"
"$imsreg" decode --json "$tmp/fields-exp.txt" >"$tmp/out" 2>/dev/null
python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]["expiry"]; assert e["kind"] == "expires_only" and e["contacts"] == [], e' "$tmp/out" && ok || bad "fields: Expires alone"
# prose with header names in it is still no input
printf 'Hi, the To: header is wrong here\n' >"$tmp/prose-to.txt"
expect_rc 2 "prose naming a header" "$imsreg" decode "$tmp/prose-to.txt"
grep -q 'prose-to.txt:1:1: no SIP request line, status line or known header field found' "$tmp/err" && ok || bad "prose naming a header: the error"
# --rules marks the rules that judge fields; --strict takes no fields
"$imsreg" decode --rules >"$tmp/out"
grep -q 'ts24229.pani.cell-id  \[.*\]  (fields)$' "$tmp/out" && ok || bad "--rules marks a fields rule"
grep -q 'rfc3261.msg.mandatory-header  \[RFC 3261 §8.1.1\]$' "$tmp/out" && ok || bad "--rules leaves a message rule unmarked"
expect_rc 2 "--strict on fields alone" "$imsreg" decode --strict "$aka/03-authorization-header.txt"
# --diff compares two REGISTERs: fields alone are refused, and said so
expect_rc 2 "--diff of fields alone" "$imsreg" decode --diff "$aka/03-authorization-header.txt" "$aka/03-authorization-header.txt"
grep -q 'it is header fields without a start line' "$tmp/err" && ok || bad "--diff names fields alone"

# --- --brief: one line per message, findings under it ---
"$imsreg" decode --brief --no-color "$tmp/flow.txt" >"$tmp/brief.txt" 2>/dev/null
n=$(grep -c "^$tmp/flow.txt:[0-9]*: " "$tmp/brief.txt")
[ "$n" = 4 ] && ok || bad "--brief: $n summary lines, want 4"
grep -q "^$tmp/flow.txt:[0-9]*: SIP/2.0 401 " "$tmp/brief.txt" && ok || bad "--brief: the 401 line"

# --- several files: the worst status wins ---
expect_rc 2 "good file then garbage" "$imsreg" decode "$seed/ex4-aka-authorization.pasted.txt" "$tmp/garbage.txt"

# --- the text output: no colour on a pipe, header names and meanings shown ---
"$imsreg" decode "$seed/ex5-ipsec-sec-agree.pasted.txt" >"$tmp/ex5.txt" 2>/dev/null
grep -q $'\033' "$tmp/ex5.txt" && bad "colour on a pipe" || ok
grep -q '^ *v (Via): SIP/2.0/TCP' "$tmp/ex5.txt" && ok || bad "compact name shown with its long name"
[ "$(grep -c '^ *[0-9] *ipsec-3gpp' "$tmp/ex5.txt")" = 6 ] && ok || bad "Security-Client table of 6 rows"

# a long Contact parameter value is cut after 100 characters with "...",
# closed by a quote only when it was quoted
long=$(printf 'x%.0s' $(seq 120))
printf 'REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:u@a.example>;tag=1\r\nTo: <sip:u@a.example>\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\nContact: <sip:u@192.0.2.1>;foo=%s;bar="%s"\r\nContent-Length: 0\r\n\r\n' "$long" "$long" >"$tmp/long.sip"
"$imsreg" decode "$tmp/long.sip" >"$tmp/long.txt" 2>/dev/null
grep -q '^ *foo=x\{100\}\.\.\.$' "$tmp/long.txt" && ok || bad "unquoted long parameter cut without a quote: $(grep ' foo=' "$tmp/long.txt")"
grep -q '^ *bar="x\{100\}\.\.\."$' "$tmp/long.txt" && ok || bad "quoted long parameter cut and quoted: $(grep ' bar=' "$tmp/long.txt")"

# P-Access-Network-Info whose access has no well-formed cell id: a cell id
# too short, and Wi-Fi, whose i-wlan-node-id is the AP's MAC address (shown
# as one, with no cell id verdict). JSON has the members of a good cell id,
# those of the cell null (docs/json.md).
pani_msg() { # VALUE FILE
	printf 'REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:u@a.example>;tag=1\r\nTo: <sip:u@a.example>\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\nP-Access-Network-Info: %s\r\nContent-Length: 0\r\n\r\n' "$1" >"$2"
}
pani_msg '3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=0010' "$tmp/badcell.sip"
pani_msg 'IEEE-802.11;i-wlan-node-id=AC86748B3CF0' "$tmp/wlan.sip"
"$imsreg" decode "$tmp/wlan.sip" >"$tmp/wlan.txt" 2>/dev/null
grep -q '^ *AP MAC address (BSSID): ac:86:74:8b:3c:f0 ' "$tmp/wlan.txt" &&
	! grep -q 'cell id well formed\|cell id length\|cell id as written' "$tmp/wlan.txt" &&
	! grep -q 'problem: i-wlan-node-id' "$tmp/wlan.txt" && ok || bad "Wi-Fi PANI: $(grep -A8 '^  P-Access' "$tmp/wlan.txt")"
for f in badcell wlan; do "$imsreg" decode --json "$tmp/$f.sip" >"$tmp/$f.json" 2>/dev/null; done
python3 - "$tmp/badcell.json" "$tmp/wlan.json" "$seed/ex1-basic.pasted.txt" "$imsreg" <<'PY' && ok || bad "PANI members with a bad cell id and on Wi-Fi"
import json, subprocess, sys
def pani(doc):
    for h in doc["inputs"][0]["messages"][0]["headers"]:
        if h["type"] == "pani":
            return h["decoded"]["elements"][0]
bad, wlan = (pani(json.load(open(f))) for f in sys.argv[1:3])
good = pani(json.loads(subprocess.run([sys.argv[4], "decode", "--json", sys.argv[3]],
                                      capture_output=True, text=True).stdout))
assert good["cell_ok"] is True and good["wlan_node_mac"] is None and good["wlan_node_placeholder"] is None
for other in (bad, wlan):
    assert list(other) == list(good), (list(other), list(good))
    assert other["cell_ok"] is False
    for k in ("mcc", "mnc", "tac", "tac_name", "tac_5gs", "cell_id", "cell_name", "node_name"):
        assert other[k] is None, (k, other[k])
assert wlan["wlan_node_mac"] == "ac:86:74:8b:3c:f0" and wlan["wlan_node_placeholder"] is False
assert wlan["wlan_node_problem"] is None and wlan["cell_problem"] is None
PY

# Identities of another method than REGISTER (the S-CSCF's reg-event
# NOTIFY): no registration words, no registration checks; its Contact, a
# host of the home domain, is an address and no badly written domain. The
# 200 to a REGISTER lists bindings.
expect_rc 0 "a reg-event NOTIFY" "$imsreg" decode --no-color "$bench/i_notify_reginfo.sip"
sed -n '/^identities/,$p' "$tmp/out" >"$tmp/notify-ids.txt"
has "NOTIFY: To addressed" "$tmp/notify-ids.txt" "the identity the request is addressed to"
has "NOTIFY: Contact a host of the home domain" "$tmp/notify-ids.txt" "(a host of the 3GPP home domain of MCC 001 MNC 001)"
hasnt "NOTIFY: not the AOR being registered" "$tmp/notify-ids.txt" "being registered"
hasnt "NOTIFY: no Request-URI domain check" "$tmp/notify-ids.txt" "differs from the Request-URI domain"
hasnt "NOTIFY: no empty consistency title" "$tmp/notify-ids.txt" "consistency"
hasnt "NOTIFY: the S-CSCF's name is no bad domain" "$tmp/notify-ids.txt" "should be ims.mnc"
"$imsreg" decode --json "$bench/i_notify_reginfo.sip" 2>/dev/null | python3 -c '
import json, sys
m = json.load(sys.stdin)["inputs"][0]["messages"][0]
assert m["identity_checks"] == [], m["identity_checks"]
c = next(i for i in m["identities"] if i["role"] == "contact")
assert c["domain_problem"] is None and c["meaning"].startswith("where the sender takes"), c' && ok || bad "NOTIFY identities JSON"
# ... and the headers' explanations are the dialog's, not the registration's
has "NOTIFY: Contact explained as the dialog's" "$tmp/out" "Where the sender takes the later requests of the dialog this message belongs to"
hasnt "NOTIFY: no binding being registered" "$tmp/out" "The binding being registered"
printf 'SUBSCRIBE sip:+15551234567@ims.example SIP/2.0\r\nVia: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKs1\r\nMax-Forwards: 70\r\nFrom: <sip:+15551234567@ims.example>;tag=s1\r\nTo: <sip:+15551234567@ims.example>\r\nCall-ID: sub1@2001:db8::1\r\nCSeq: 3 SUBSCRIBE\r\nContact: <sip:[2001:db8::1]:5060>\r\nEvent: reg\r\nExpires: 600000\r\nContent-Length: 0\r\n\r\n' >"$tmp/sub.sip"
expect_rc 0 "a reg-event SUBSCRIBE" "$imsreg" decode --no-color "$tmp/sub.sip"
has "SUBSCRIBE: Expires is the subscription's" "$tmp/out" "In a SUBSCRIBE, how long the subscription is asked to last"
has "SUBSCRIBE: its value in seconds" "$tmp/out" "value: 600000  (seconds)"
hasnt "SUBSCRIBE: no binding" "$tmp/out" "binding"
expect_rc 0 "a 200 to REGISTER" "$imsreg" decode --no-color "$bench/g_200_register.sip"
has "200: Contact is a binding" "$tmp/out" "a binding the registrar holds for this AOR (RFC 3261 §10.3)"

# The reg-event state in a NOTIFY body (RFC 3680): each registration and
# contact with its event said; JSON body.reginfo; a network-initiated
# deregistration explained; a body that is no XML said, with its line.
expect_rc 0 "a reg-event NOTIFY, its body" "$imsreg" decode --no-color "$bench/i_notify_reginfo.sip"
has "NOTIFY: reginfo read" "$tmp/out" "reginfo (RFC 3680): version 0, full state: every registration of the subscribed AOR"
has "NOTIFY: its registration" "$tmp/out" "registration sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org (id a7): active  [line 16]"
has "NOTIFY: its contact" "$tmp/out" "contact 76: active, event registered (added by the UE's REGISTER)  [line 17]"
python3 - "$bench/i_notify_reginfo.sip" "$tmp" <<'PY'
import sys
raw = open(sys.argv[1], "rb").read()
head, body = raw.split(b"\r\n\r\n", 1)
def put(name, b):
    h = head.replace(b"Content-Length: 386", b"Content-Length: %d" % len(b))
    open(f"{sys.argv[2]}/{name}", "wb").write(h + b"\r\n\r\n" + b)
put("notify-dereg.sip", body.replace(b'state="active" event="registered" expires="600000"',
                                    b'state="terminated" event="rejected"')
                            .replace(b'id="a7" state="active"', b'id="a7" state="terminated"'))
put("notify-bad.sip", body.replace(b"</reginfo>", b""))
# two NOTIFYs of one subscription, version 0 then 2: one lost between
v2 = body.replace(b'version="0"', b'version="2"')
h2 = head.replace(b"Content-Length: 386", b"Content-Length: %d" % len(v2)).replace(b"CSeq: 1 NOTIFY", b"CSeq: 3 NOTIFY")
open(f"{sys.argv[2]}/notify-gap.sip", "wb").write(raw + h2 + b"\r\n\r\n" + v2)
PY
expect_rc 0 "two NOTIFYs, a version missing between them" "$imsreg" decode --brief --no-color "$tmp/notify-gap.sip"
has "NOTIFY versions: the gap" "$tmp/out" "reginfo version 2 after 0: 1 notification(s) of this subscription are missing"
[ "$(grep -c '^  warning rfc3680.flow.version  line' "$tmp/out")" = 1 ] && ok || bad "NOTIFY versions: one finding, on the second"

expect_rc 0 "a deregistering NOTIFY" "$imsreg" decode --no-color "$tmp/notify-dereg.sip"
has "NOTIFY dereg: the event" "$tmp/out" "contact 76: terminated, event rejected (removed by the network; the UE should not register again)"
has "NOTIFY dereg: the finding" "$tmp/out" "rfc3680.reginfo.removed  line 17"
expect_rc 1 "a NOTIFY whose reginfo is no XML" "$imsreg" decode --no-color "$tmp/notify-bad.sip"
has "NOTIFY bad body: said" "$tmp/out" "reginfo (RFC 3680): cannot read it: not well-formed XML: "
has "NOTIFY bad body: the rule" "$tmp/out" "rfc3680.reginfo.syntax"
"$imsreg" decode --json "$tmp/notify-dereg.sip" "$bench/a_register_basic.sip" >"$tmp/reginfo.json" 2>/dev/null
python3 - "$tmp/reginfo.json" <<'PY' && ok || bad "reginfo JSON"
import json, sys
d = json.load(open(sys.argv[1]))
ri = d["inputs"][0]["messages"][0]["body"]["reginfo"]
assert ri["error"] is None and ri["version"] == 0 and ri["state"] == "full", ri
g = ri["registrations"][0]
assert (g["aor"], g["id"], g["state"], g["line"]) == ("sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org", "a7", "terminated", 16), g
c = g["contacts"][0]
assert (c["state"], c["event"], c["expires"], c["line"]) == ("terminated", "rejected", None, 17), c
assert c["event_meaning"] == "removed by the network; the UE should not register again", c
assert c["instance"] is None and c["unknown_params"] == 0
assert ri["dropped"] == 0 and ri["truncated"] is False and ri["problem"] is None
assert d["inputs"][1]["messages"][0]["body"]["reginfo"] is None
PY

# journalctl without -a: entries with CRs (SIP messages) become
# "[SIZE blob data]"; decode counts them and names journalctl -a
printf 'Nov 22 10:01:02 pcscf kamailio[812]: [1.2K blob data]\nNov 22 10:01:02 pcscf kamailio[812]: [903B blob data]\nNov 22 10:01:03 pcscf kamailio[812]: INFO: registered\n' >"$tmp/blob.log"
expect_rc 2 "journalctl blobs only" "$imsreg" decode --no-color "$tmp/blob.log"
has "journalctl blobs: the note" "$tmp/out" "blob.log: 2 journal entries printed as \"[SIZE blob data]\""
has "journalctl blobs: the way" "$tmp/out" "journalctl -a ... | imsreg decode"
has "journalctl blobs: still no SIP" "$tmp/err" "no SIP request line, status line or known header field found"
cat "$tmp/blob.log" tests/data/paste/journalctl.log >"$tmp/blob2.log"
"$imsreg" decode --json "$tmp/blob2.log" >"$tmp/blob2.json" 2>"$tmp/blob2.err"
python3 - "$tmp/blob2.json" <<'PY' && ok || bad "journalctl blobs: JSON journal_blobs"
import json, sys
i = json.load(open(sys.argv[1]))["inputs"][0]
assert i["journal_blobs"] == 2 and len(i["messages"]) >= 1, (i["journal_blobs"], len(i["messages"]))
PY
has "journalctl blobs: JSON note on stderr" "$tmp/blob2.err" "2 journal entries printed as"
"$imsreg" decode --json tests/data/paste/journalctl.log 2>/dev/null | python3 -c 'import json, sys; assert json.load(sys.stdin)["inputs"][0]["journal_blobs"] == 0' &&
	ok || bad "journalctl -a output: no blobs"

# Text saved as UTF-16 on Windows (PowerShell 5's `adb logcat > f.txt` or
# Out-File, Notepad's "Unicode"): read as the same text in UTF-8, with and
# without a byte order mark, little and big endian; the same messages,
# findings and positions as the UTF-8 file; --strict takes the bytes as
# they are and its hint says what they are.
ex4u8=$seed/ex4-aka-authorization.pasted.txt
"$imsreg" decode --json "$ex4u8" >"$tmp/u8.json"
(printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$ex4u8") >"$tmp/u16le.txt"
(printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$ex4u8") >"$tmp/u16be.txt"
iconv -f UTF-8 -t UTF-16LE "$ex4u8" >"$tmp/u16nobom.txt"
for enc in "le:UTF-16LE" "be:UTF-16BE" "nobom:UTF-16LE"; do
	f=${enc%%:*} name=${enc#*:}
	expect_rc 1 "UTF-16 ($f): decoded, error findings as in the UTF-8 text" "$imsreg" decode --no-color "$tmp/u16$f.txt"
	has "UTF-16 ($f): the note" "$tmp/out" "u16$f.txt: $name text, read as UTF-8 (lines and columns count in that text)"
	"$imsreg" decode --json "$tmp/u16$f.txt" >"$tmp/u16$f.json"
	python3 - "$tmp/u16$f.json" "$tmp/u8.json" "$name" <<'PY' && ok || bad "UTF-16 ($f): decodes as the UTF-8 text"
import json, sys
a, b = (json.load(open(p))["inputs"][0] for p in sys.argv[1:3])
assert a["encoding"] == sys.argv[3] and b["encoding"] is None, (a["encoding"], b["encoding"])
assert a["messages"] == b["messages"] and len(a["messages"]) == 1
PY
done
expect_rc 2 "UTF-16 with --strict: bytes as they are" "$imsreg" decode --strict "$tmp/u16le.txt"
has "UTF-16 with --strict: the hint" "$tmp/err" "hint: this input is UTF-16LE text, not wire bytes: without --strict it is read as UTF-8"
expect_rc 0 "UTF-16 in --diff" "$imsreg" decode --diff "$seed/ex2-sms-capability.pasted.txt" "$tmp/u16le.txt"
has "UTF-16 in --diff: compared" "$tmp/out" "nonce: empty -> set"
has "UTF-16 in --diff: the note" "$tmp/out" "u16le.txt: UTF-16LE text, read as UTF-8 (lines and columns count in that text)"
hasnt "UTF-16 in --diff: no note for the UTF-8 side" "$tmp/out" "ex2-sms-capability.pasted.txt: UTF"
"$imsreg" decode --json --diff "$tmp/u16be.txt" "$seed/ex2-sms-capability.pasted.txt" >"$tmp/diff16.json" 2>/dev/null
json "$tmp/diff16.json" 'assert d["a"]["encoding"] == "UTF-16BE" and d["b"]["encoding"] is None, (d["a"], d["b"])' && ok || bad "UTF-16 in --diff: JSON encoding of each side"

# Cellular-Network-Info (TS 24.229 §7.2.15) of a Wi-Fi REGISTER: explained,
# its cell split as PANI's, cell-info-age in seconds and words; JSON type
# "cni" with the members of a pani, then cellular and the age; the rules
# quiet on the sample and firing on its faults.
wifi=tests/data/vowifi/register-wifi.sip
expect_rc 0 "Wi-Fi REGISTER with Cellular-Network-Info" "$imsreg" decode --no-color "$wifi"
has "CNI explained" "$tmp/out" "The cell the UE last used on cellular radio"
has "CNI reference" "$tmp/out" "[TS 24.229 §7.2.15]"
has "CNI cell split" "$tmp/out" "ECI: 187448654  (0xb2c3d4e)"
has "CNI age" "$tmp/out" "cell-info-age: 1320  (22 min 0 s ago)"
hasnt "CNI: no rule fires on the sample" "$tmp/out" "ts24229.cni."
awk '/^  Cellular-Network-Info:/ {on = 1; next} /^  [A-Z]/ {on = 0} on' "$tmp/out" >"$tmp/cni.txt"
has "CNI section" "$tmp/cni.txt" "cellular radio: yes"
hasnt "CNI: no network-provided line (a PANI parameter)" "$tmp/cni.txt" "network-provided"
"$imsreg" decode --json "$wifi" >"$tmp/wifi.json" 2>/dev/null
python3 - "$tmp/wifi.json" <<'PY' && ok || bad "Cellular-Network-Info JSON members"
import json, sys
hs = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]["headers"]
pani = next(h["decoded"]["elements"][0] for h in hs if h["type"] == "pani")
cni = next(h for h in hs if h["type"] == "cni")
d = cni["decoded"]
assert cni["ref"] == "TS 24.229 §7.2.15", cni["ref"]
assert list(d)[:len(pani) - 1] == [k for k in pani if k != "params"], (list(d), list(pani))
assert d["cellular"] is True and d["cell_ok"] is True
assert (d["mcc"], d["mnc"], d["tac"], d["cell_id"]) == ("001", "01", 0xa1, 0xb2c3d4e)
assert d["cell_info_age"] == 1320 and d["cell_info_age_text"] == "1320"
assert [p["name"] for p in d["params"]] == ["utran-cell-id-3gpp", "cell-info-age"]
assert d["params"][1]["ref"] == "TS 24.229 §7.2.15"
PY
sed 's/^Cellular-Network-Info: .*/Cellular-Network-Info: 3GPP-NR-FDD;utran-cell-id-3gpp=0010100a1b2c3d4e;cell-info-age=22m\r/' "$wifi" >"$tmp/cni-bad.sip"
expect_rc 1 "a bad Cellular-Network-Info" "$imsreg" decode --brief --no-color "$tmp/cni-bad.sip"
has "CNI: NR cell id of E-UTRAN length" "$tmp/out" "ts24229.cni.cell-id"
has "CNI: age not a number" "$tmp/out" "ts24229.cni.syntax"
"$imsreg" decode --no-color "$tmp/cni-bad.sip" >"$tmp/cni-bad.txt" 2>/dev/null
has "CNI: the age problem in the decode" "$tmp/cni-bad.txt" "problem: cell-info-age=22m is not a number of seconds"
grep -v '^Cellular-Network-Info' "$wifi" >"$tmp/cni-none.sip"
expect_rc 0 "Wi-Fi REGISTER without Cellular-Network-Info" "$imsreg" decode --brief --no-color "$tmp/cni-none.sip"
has "CNI absent on Wi-Fi" "$tmp/out" "ts24229.cni.absent-on-wlan"

# Feature-Caps (RFC 6809) of an enhanced SRVCC registration: the ATCF's
# indicators in the REGISTER the P-CSCF forwards (TS 24.237 Annex C), each
# explained, the URI ones decoded; the home network's in the 200 OK; JSON
# type "feature_caps"; the rules quiet on the samples and firing on faults.
atcf=tests/data/esrvcc/register-atcf.sip
expect_rc 0 "eSRVCC REGISTER with the ATCF's Feature-Caps" "$imsreg" decode --no-color "$atcf"
awk '/^  Feature-Caps:/ {on = 1; next} /^  [A-Z]/ {on = 0} on' "$tmp/out" >"$tmp/fcaps.txt"
has "Feature-Caps explained" "$tmp/fcaps.txt" "What the proxies and the registrar in the path support"
has "Feature-Caps: the STN-SR" "$tmp/fcaps.txt" "the value is its STN-SR"
has "Feature-Caps: STN-SR decoded" "$tmp/fcaps.txt" "uri: tel:+12375553333  (tel, number +12375553333)"
has "Feature-Caps: ATCF path URI" "$tmp/fcaps.txt" "uri: sip:atcf-term@pcscf.visited.example;lr"
has "Feature-Caps: IMS-ALG media" "$tmp/fcaps.txt" "IMS-ALG (the media proxy beside it) carries video"
has "Feature-Caps: TS 24.237 cited" "$tmp/fcaps.txt" "[3GPP TS 24.237 Annex C.5A]"
hasnt "Feature-Caps: no rule fires on the sample" "$tmp/out" "rfc6809.feature-caps"
expect_rc 0 "eSRVCC 200 with the home network's Feature-Caps" "$imsreg" decode --no-color tests/data/esrvcc/200-verstat.sip
has "Feature-Caps: verstat in the 200" "$tmp/out" "verifies the calling number"
"$imsreg" decode --json "$atcf" >"$tmp/atcf.json" 2>/dev/null
python3 - "$tmp/atcf.json" <<'PY' && ok || bad "Feature-Caps JSON members"
import json, sys
hs = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]["headers"]
fc = next(h for h in hs if h["name"] == "Feature-Caps")
assert fc["type"] == "feature_caps" and fc["long_name"] is None, (fc["type"], fc["long_name"])
ind = fc["decoded"]["indicators"]
assert [i["name"] for i in ind] == ["+g.3gpp.atcf", "+g.3gpp.atcf-mgmt-uri", "+g.3gpp.atcf-path",
    "+g.3gpp.mid-call", "+g.3gpp.srvcc-alerting", "+sip.audio", "+sip.video"], [i["name"] for i in ind]
assert all(i["known"] and i["element"] == 0 for i in ind)
assert list(ind[0]) == ["element", "name", "value", "known", "meaning", "ref", "services", "uri"], list(ind[0])
assert ind[0]["value"] == "<tel:+12375553333>" and ind[0]["uri"]["scheme"] == "tel"
assert ind[0]["uri"]["user"] == "+12375553333", ind[0]["uri"]
assert ind[2]["uri"]["host"] == "pcscf.visited.example" and ind[2]["uri"]["lr"] is True
assert ind[3]["value"] is None and ind[3]["uri"] is None and ind[3]["ref"] == "3GPP TS 24.237 Annex C"
PY
sed 's/^Feature-Caps: .*/Feature-Caps: *;+g.3gpp.atcf="tel:+12375553333";+g.3gpp.mid-call="yes";g.3gpp.srvcc\r/' "$atcf" >"$tmp/fcaps-bad.sip"
expect_rc 1 "a bad Feature-Caps" "$imsreg" decode --brief --no-color "$tmp/fcaps-bad.sip"
has "Feature-Caps: syntax error named" "$tmp/out" "rfc6809.feature-caps.syntax"
has "Feature-Caps: where the '+' is missing" "$tmp/out" "a feature-capability indicator is written with a leading '+'"
has "Feature-Caps: STN-SR without '<' '>'" "$tmp/out" "+g.3gpp.atcf: the URI should be inside '<' '>'"
has "Feature-Caps: a flag with a value" "$tmp/out" "+g.3gpp.mid-call: this indicator takes no value"
"$imsreg" decode --json "$tmp/fcaps-bad.sip" >"$tmp/fcaps-bad.json" 2>/dev/null
python3 - "$tmp/fcaps-bad.json" <<'PY' && ok || bad "Feature-Caps JSON: the error ends the list"
import json, sys
hs = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]["headers"]
ind = next(h for h in hs if h["name"] == "Feature-Caps")["decoded"]["indicators"]
assert [i.get("name") for i in ind[:2]] == ["+g.3gpp.atcf", "+g.3gpp.mid-call"], ind
assert ind[0]["uri"] is None
err = ind[2]["error"]
assert err["line"] == 10 and err["column"] == 72, err
PY

# The P-Access-Network-Info a P-CSCF adds for a UE behind an ePDG: its
# address and port outside the tunnel and the ePDG's, shown and in JSON.
sed 's/^P-Access-Network-Info: .*$/P-Access-Network-Info: IEEE-802.11;i-wlan-node-id=a0b1c2d3e4f5, IEEE-802.11;i-wlan-node-id=a0b1c2d3e4f5;network-provided;UE-local-IP-address="192.0.2.10";UDP-source-port=4500;ePDG-IP-address="198.51.100.7"\r/' "$wifi" >"$tmp/epdg.sip"
expect_rc 0 "network-provided PANI from an ePDG" "$imsreg" decode --no-color "$tmp/epdg.sip"
has "PANI: UE local IP" "$tmp/out" "UE local IP address: 192.0.2.10  (the UE's address outside its tunnel to the ePDG"
has "PANI: UDP source port" "$tmp/out" "UDP source port: 4500"
has "PANI: ePDG address" "$tmp/out" "ePDG IP address: 198.51.100.7"
"$imsreg" decode --json "$tmp/epdg.sip" >"$tmp/epdg.json" 2>/dev/null
python3 - "$tmp/epdg.json" <<'PY' && ok || bad "ePDG PANI JSON"
import json, sys
hs = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]["headers"]
ue, net = next(h for h in hs if h["type"] == "pani")["decoded"]["elements"]
assert (ue["ue_local_ip"], ue["epdg_ip"], ue["tcp_source_port"]) == (None, None, None), ue
assert (net["ue_local_ip"], net["udp_source_port"], net["epdg_ip"]) == ("192.0.2.10", "4500", "198.51.100.7")
assert net["tcp_source_port"] is None and net["network_provided"] is True
refs = {p["name"]: p["ref"] for p in net["params"]}
assert refs["UE-local-IP-address"] == "TS 24.229 §7.2A.4", refs
PY

# Security-Client with a media plane mechanism (mediasec, TS 24.229 §7.2A.7):
# marked in the table and in JSON, the parameter explained.
sed 's/^Supported: path,gruu\r$/Supported: path,gruu,sec-agree\r\nRequire: sec-agree\r\nProxy-Require: sec-agree\r\nSecurity-Client: ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1111;spi-s=2222;port-c=5062;port-s=5064, sdes-srtp;mediasec\r/' "$wifi" >"$tmp/mediasec.sip"
expect_rc 0 "Security-Client with mediasec" "$imsreg" decode --no-color "$tmp/mediasec.sip"
grep -q '^ *2 *sdes-srtp .*  (media)$' "$tmp/out" && ok || bad "mediasec row: $(grep sdes-srtp "$tmp/out")"
grep -q '^ *1 *ipsec-3gpp .*  (media)$' "$tmp/out" && bad "ipsec-3gpp marked media" || ok
has "mediasec note" "$tmp/out" "(media): marked mediasec, a media plane mechanism"
"$imsreg" decode --json "$tmp/mediasec.sip" >"$tmp/mediasec.json" 2>/dev/null
python3 - "$tmp/mediasec.json" <<'PY' && ok || bad "mediasec JSON"
import json, sys
hs = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]["headers"]
els = next(h for h in hs if h["type"] == "security")["decoded"]["elements"]
assert [e["mediasec"] for e in els] == [False, True], els
assert els[1]["params"][0]["ref"] == "TS 24.229 §7.2A.7, TS 33.328", els[1]["params"]
PY

# +sip.instance: a UUID has the same members as an IMEI, the IMEI ones null
for urn in urn:gsma:imei:35425006-000655-0 urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6; do
	printf 'REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:u@a.example>;tag=1\r\nTo: <sip:u@a.example>\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\nContact: <sip:u@192.0.2.1>;+sip.instance="<%s>"\r\nContent-Length: 0\r\n\r\n' "$urn" >"$tmp/inst.sip"
	"$imsreg" decode --json "$tmp/inst.sip" >"$tmp/${urn%%:*}-${urn#urn:}.json" 2>/dev/null
done
python3 - "$tmp"/urn-gsma*.json "$tmp"/urn-uuid*.json <<'PY' && ok || bad "instance members of a UUID"
import json, sys
def inst(path):
    for h in json.load(open(path))["inputs"][0]["messages"][0]["headers"]:
        if h["type"] == "contact":
            return h["decoded"]["elements"][0]["params"][0]["instance"]
imei, uuid = inst(sys.argv[1]), inst(sys.argv[2])
assert imei["kind"] == "imei" and uuid["kind"] == "uuid", (imei["kind"], uuid["kind"])
assert list(imei) == list(uuid), (list(imei), list(uuid))
assert all(uuid[k] is None for k in ("tac", "snr", "spare", "check_digit", "svn", "spare_is_zero"))
PY

# on a terminal (util-linux script gives one): colour, unless --no-color or NO_COLOR
if command -v script >/dev/null; then
	ex1=$seed/ex1-basic.pasted.txt
	env -u NO_COLOR script -qec "$imsreg decode --brief $ex1" /dev/null >"$tmp/tty.txt" 2>&1
	grep -q $'\033\[' "$tmp/tty.txt" && ok || bad "no colour on a terminal"
	env -u NO_COLOR script -qec "$imsreg decode --brief --no-color $ex1" /dev/null >"$tmp/tty.txt" 2>&1
	grep -q $'\033\[' "$tmp/tty.txt" && bad "colour despite --no-color" || ok
	NO_COLOR=1 script -qec "$imsreg decode --brief $ex1" /dev/null >"$tmp/tty.txt" 2>&1
	grep -q $'\033\[' "$tmp/tty.txt" && bad "colour despite NO_COLOR" || ok
fi

# --- more header fields than decode keeps: 2 with the reason, not a crash ---
python3 -c '
import sys
h = "".join("X-Filler-%d: v\r\n" % i for i in range(600))
sys.stdout.write("REGISTER sip:ims.example.net SIP/2.0\r\n" + h + "Content-Length: 0\r\n\r\n")' >"$tmp/many.sip"
expect_rc 2 "600 header fields" "$imsreg" decode --strict "$tmp/many.sip"
grep -q "^$tmp/many.sip:[0-9]*:[0-9]*: .*512" "$tmp/err" && ok || bad "600 header fields: reason names the limit: $(head -1 "$tmp/err")"

# --- --json --brief: start line, findings and summary only ---
"$imsreg" decode --json --brief "$seed/ex1-basic.pasted.txt" >"$tmp/brief.json" 2>/dev/null
python3 - "$tmp/brief.json" <<'PY' && ok || bad "--json --brief members"
import json, sys
d = json.load(open(sys.argv[1]))
m = d["inputs"][0]["messages"][0]
assert d["brief"] is True
assert {"start_line", "findings", "summary", "method", "request_uri"} <= set(m), sorted(m)
assert "headers" not in m and "wire" not in m, sorted(m)
PY

# --- Contact: * with Expires: 0 removes every binding (RFC 3261 §10.2.2) ---
printf 'REGISTER sip:ims.example.net SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nFrom: <sip:u@ims.example.net>;tag=1\r\nTo: <sip:u@ims.example.net>\r\nCall-ID: star@192.0.2.1\r\nCSeq: 3 REGISTER\r\nContact: *\r\nExpires: 0\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n' >"$tmp/star.sip"
"$imsreg" decode --json --strict "$tmp/star.sip" >"$tmp/star.json" 2>/dev/null
python3 - "$tmp/star.json" <<'PY' && ok || bad "Contact: * expiry"
import json, sys
m = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]
e = m["expiry"]
assert e["star"] is True and e["kind"] == "unregister_all" and e["header"] == 0 and e["contacts"] == [], e
c = [h for h in m["headers"] if h["long_name"] == "Contact"][0]["decoded"]["elements"][0]
assert c["star"] is True and c["uri"] is None and c["params"] == [], c
PY

# --- a telephone number's parameters explained: a tel URI's, and those in
# the user part of a user=phone SIP URI (RFC 3261 §19.1.6) ---
printf 'SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKnp1\r\nFrom: <sip:u@ims.example.net>;tag=1\r\nTo: <sip:u@ims.example.net>;tag=2\r\nCall-ID: np@192.0.2.1\r\nCSeq: 1 REGISTER\r\nContact: <sip:u@192.0.2.1>;expires=600\r\nP-Associated-URI: <sip:+491701234567;npdi;rn=+4917@ims.example.net;user=phone>, <tel:+491701234567;verstat=TN-Validation-Passed>\r\nContent-Length: 0\r\n\r\n' >"$tmp/np.sip"
"$imsreg" decode --no-color "$tmp/np.sip" >"$tmp/np.txt" 2>/dev/null
has "tel params: npdi in a user=phone user part" "$tmp/np.txt" "number parameter: npdi"
has "tel params: rn explained" "$tmp/np.txt" "the routing number of the switch"
has "tel params: verstat of a tel URI" "$tmp/np.txt" "uri parameter: verstat=TN-Validation-Passed"
"$imsreg" decode --json "$tmp/np.sip" >"$tmp/np.json" 2>/dev/null
python3 - "$tmp/np.json" <<'PY' && ok || bad "tel params: JSON number_params"
import json, sys
m = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]
e = [h for h in m["headers"] if h["long_name"] == "P-Associated-URI"][0]["decoded"]["elements"]
sip, tel = e[0]["uri"], e[1]["uri"]
assert [p["name"] for p in sip["number_params"]] == ["npdi", "rn"], sip
assert sip["number_params"][1]["value"] == "+4917" and sip["number_params"][1]["ref"] == "RFC 4694", sip
assert tel["number_params"] == [] and tel["params"][0]["ref"] == "TS 24.229 §7.2A.20", tel
PY

# --- an emergency registration (sos in the Contact URI): said in the
# expiry, the URI parameter explained, and no IR.92 600000 asked ---
printf 'REGISTER sip:ims.mnc001.mcc262.3gppnetwork.org SIP/2.0\r\nVia: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKsos1\r\nMax-Forwards: 70\r\nFrom: <sip:+491701234567@ims.mnc001.mcc262.3gppnetwork.org>;tag=e1\r\nTo: <sip:+491701234567@ims.mnc001.mcc262.3gppnetwork.org>\r\nCall-ID: sos1@2001:db8::1\r\nCSeq: 1 REGISTER\r\nContact: <sip:[2001:db8::1]:5060;sos>;+sip.instance="<urn:gsma:imei:35425006-000655-0>"\r\nExpires: 3600\r\nContent-Length: 0\r\n\r\n' >"$tmp/sos.sip"
"$imsreg" decode --no-color "$tmp/sos.sip" >"$tmp/sos.txt" 2>/dev/null
has "emergency: the finding" "$tmp/sos.txt" "info    ts24229.register.emergency  line 8  Contact"
has "emergency: the URI parameter explained" "$tmp/sos.txt" "uri parameter: sos"
has "emergency: the expiry line" "$tmp/sos.txt" "an emergency registration (sos): the network sets its time"
hasnt "emergency: no 600000 asked" "$tmp/sos.txt" "ts24229.register.expires-600000"
"$imsreg" decode --json "$tmp/sos.sip" >"$tmp/sos.json" 2>/dev/null
python3 - "$tmp/sos.json" <<'PY' && ok || bad "emergency: JSON"
import json, sys
m = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]
c = m["expiry"]["contacts"][0]
assert c["emergency"] is True and c["effective"] == 3600, c
u = [h for h in m["headers"] if h["long_name"] == "Contact"][0]["decoded"]["elements"][0]["uri"]
assert u["params"][0]["name"] == "sos" and "emergency registration" in u["params"][0]["meaning"], u
assert [f["id"] for f in m["findings"]].count("ts24229.register.emergency") == 1
PY
"$imsreg" decode --json "$bench/a_register_basic.sip" >"$tmp/nsos.json" 2>/dev/null
python3 - "$tmp/nsos.json" <<'PY' && ok || bad "emergency: false without sos"
import json, sys
m = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]
assert all(c["emergency"] is False for c in m["expiry"]["contacts"]), m["expiry"]
PY

# --- P-Charging-Vector and P-Charging-Function-Addresses: each parameter
# with its meaning (RFC 7315) ---
printf 'SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nFrom: <sip:u@ims.example.net>;tag=1\r\nTo: <sip:u@ims.example.net>;tag=2\r\nCall-ID: pcv@192.0.2.1\r\nCSeq: 1 REGISTER\r\nP-Charging-Vector: icid-value="AyretyU0dm+6O2IrT5tAFrbHLso=023551024";icid-generated-at=192.0.2.10;orig-ioi=visited.example.net;term-ioi=home.example.net\r\nP-Charging-Function-Addresses: ccf=192.1.1.1; ccf=192.1.1.2; ecf=192.1.1.3\r\nContent-Length: 0\r\n\r\n' >"$tmp/pcv.sip"
"$imsreg" decode --no-color "$tmp/pcv.sip" >"$tmp/pcv.txt" 2>/dev/null
has "P-Charging-Vector: icid" "$tmp/pcv.txt" "icid-value: AyretyU0dm+6O2IrT5tAFrbHLso=023551024"
has "P-Charging-Vector: term-ioi explained" "$tmp/pcv.txt" "the home network, put in the 200 by the S-CSCF"
has "P-Charging-Function-Addresses: ecf" "$tmp/pcv.txt" "ecf: 192.1.1.3"
"$imsreg" decode --json "$tmp/pcv.sip" >"$tmp/pcv.json" 2>/dev/null
python3 - "$tmp/pcv.json" <<'PY' && ok || bad "charging: JSON"
import json, sys
m = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]
v, a = [h for h in m["headers"] if h["long_name"].startswith("P-Charging")]
assert v["type"] == "charging" and a["type"] == "charging", (v["type"], a["type"])
d = v["decoded"]
assert d["icid"] == "AyretyU0dm+6O2IrT5tAFrbHLso=023551024" and d["icid_generated_at"] == "192.0.2.10", d
assert d["orig_ioi"] == "visited.example.net" and d["term_ioi"] == "home.example.net" and d["transit_ioi"] is None, d
assert [p["name"] for p in d["params"]] == ["icid-value", "icid-generated-at", "orig-ioi", "term-ioi"], d
assert all(p["meaning"] for p in d["params"]), d
assert a["decoded"]["ccf"] == ["192.1.1.1", "192.1.1.2"] and a["decoded"]["ecf"] == ["192.1.1.3"], a
PY
# the bearer list a P-CSCF adds from the PCRF (TS 24.229 §7.2A.5): each EPS
# bearer with its charging id in hex and as the P-GW's records show it
printf 'P-Charging-Vector: icid-value=1;pdngw=192.0.2.50;eps-info="eps-item=1;eps-sig=yes;ecid=39B26CD7,eps-item=2;eps-sig=no;ecid=39B26CD8;flow-id=({1,1},{1,2})"\r\n' >"$tmp/anci.txt"
expect_rc 0 "a bearer list" "$imsreg" decode --no-color "$tmp/anci.txt"
has "bearer list: the signalling bearer" "$tmp/out" "EPS bearer 1: the IMS signalling bearer, ecid 39B26CD7 = 967994583"
has "bearer list: the media bearer and its flows" "$tmp/out" "EPS bearer 2: a media bearer, ecid 39B26CD8 = 967994584; IP flows: media 1 flow 1, media 1 flow 2"
has "bearer list: pdngw explained" "$tmp/out" "the address of the P-GW whose records"
"$imsreg" decode --json "$tmp/anci.txt" >"$tmp/anci.json" 2>/dev/null
python3 - "$tmp/anci.json" "$tmp/pcv.json" <<'PY' && ok || bad "bearer list: JSON"
import json, sys
d = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]["headers"][0]["decoded"]
a = d["access_network_charging"]
assert a["access"] == "EPS" and a["problem"] is None and a["dropped"] == 0, a
b = a["bearers"]
assert [x["item"] for x in b] == [1, 2] and [x["signalling"] for x in b] == [True, False], b
assert b[0]["charging_id"] == "39B26CD7" and b[0]["charging_id_value"] == 967994583 and b[0]["flows"] == [], b
assert b[1]["flows"] == [{"media": 1, "flow": 1}, {"media": 1, "flow": 2}] and not b[1]["flows_cut"], b
m = json.load(open(sys.argv[2]))["inputs"][0]["messages"][0]
v = [h for h in m["headers"] if h["long_name"] == "P-Charging-Vector"][0]
assert v["decoded"]["access_network_charging"] is None, v["decoded"]
PY
# a bad signalling flag: said under the list and by the rule, exit 0 (a warning)
sed 's/eps-sig=yes/eps-sig=perhaps/' "$tmp/anci.txt" >"$tmp/anci-bad.txt"
expect_rc 0 "a bad bearer list" "$imsreg" decode --no-color "$tmp/anci-bad.txt"
has "bad bearer list: under the list" "$tmp/out" "not the syntax of TS 24.229 §7.2A.5: a signalling flag that is neither yes nor no"
has "bad bearer list: the finding" "$tmp/out" "warning ts24229.pcv.access-charging  line 1  P-Charging-Vector"

# --- Event, Subscription-State, Content-Type: the token and each
# parameter with its meaning (RFC 6665 §4.1.3: what a reason asks) ---
sed 's/Subscription-State: active;expires=600000/Subscription-State: terminated;reason=probation;retry-after=30/' \
	"$bench/i_notify_reginfo.sip" >"$tmp/nt.sip"
"$imsreg" decode --no-color "$tmp/nt.sip" >"$tmp/nt.txt" 2>/dev/null
has "Event: reg explained" "$tmp/nt.txt" "value: reg  (the registration state of an AOR"
has "Subscription-State: terminated explained" "$tmp/nt.txt" "value: terminated  (the subscription has ended"
has "reason=probation explained" "$tmp/nt.txt" "subscribe again later (after retry-after when given)"
has "Content-Type explained" "$tmp/nt.txt" "value: application/reginfo+xml  (the registration state document"
"$imsreg" decode --json "$tmp/nt.sip" >"$tmp/nt.json" 2>/dev/null
python3 - "$tmp/nt.json" <<'PY' && ok || bad "tokparams: JSON"
import json, sys
m = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]
t = {h["long_name"]: h for h in m["headers"] if h["type"] == "tokparams"}
assert set(t) == {"Event", "Subscription-State", "Content-Type"}, sorted(t)
s = t["Subscription-State"]["decoded"]
assert s["value"] == "terminated" and s["value_meaning"].startswith("terminated:"), s
assert [(p["name"], p["value"]) for p in s["params"]] == [("reason", "probation"), ("retry-after", "30")], s
assert s["params"][0]["meaning"].startswith("probation:") and s["params"][1]["meaning"], s
assert t["Event"]["decoded"]["value_ref"].startswith("RFC 3680"), t["Event"]
PY

# --- Reason (RFC 3326): each reason-value's protocol, its cause named (a
# SIP reason phrase, a Q.850 cause of ITU-T Q.850 Table 1) and the text ---
printf 'SIP/2.0 403 Forbidden\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nFrom: <sip:u@ims.example.net>;tag=1\r\nTo: <sip:u@ims.example.net>;tag=2\r\nCall-ID: rs@192.0.2.1\r\nCSeq: 1 REGISTER\r\nReason: Q.850;cause=21;text="Call Rejected", SIP ;cause=403 ;text="Barred"\r\nReason: RELEASE_CAUSE;cause=1\r\nContent-Length: 0\r\n\r\n' >"$tmp/rs.sip"
"$imsreg" decode --no-color "$tmp/rs.sip" >"$tmp/rs.txt" 2>/dev/null
has "Reason: Q.850 cause named" "$tmp/rs.txt" "cause: 21  (call rejected)"
has "Reason: SIP cause named" "$tmp/rs.txt" "cause: 403  (Forbidden)"
has "Reason: the second field numbers on" "$tmp/rs.txt" "reason 3"
"$imsreg" decode --json "$tmp/rs.sip" >"$tmp/rs.json" 2>/dev/null
python3 - "$tmp/rs.json" <<'PY' && ok || bad "reason: JSON"
import json, sys
m = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]
r = [h for h in m["headers"] if h["long_name"] == "Reason"]
assert [h["type"] for h in r] == ["reason", "reason"], r
e = r[0]["decoded"]["elements"] + r[1]["decoded"]["elements"]
assert [(x["protocol"], x["cause"], x["cause_meaning"], x["text"]) for x in e] == [
    ("Q.850", "21", "call rejected", "Call Rejected"), ("SIP", "403", "Forbidden", "Barred"),
    ("RELEASE_CAUSE", "1", None, None)], e
assert e[0]["protocol_meaning"].startswith("Q.850:") and e[2]["protocol_meaning"] is None, e
assert [p["name"] for p in e[1]["params"]] == ["cause", "text"] and all(p["meaning"] for p in e[1]["params"]), e[1]
PY

# --- Warning: the code's meaning (RFC 3261 §20.43) ---
printf 'SIP/2.0 403 Forbidden\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nFrom: <sip:u@ims.example.net>;tag=1\r\nTo: <sip:u@ims.example.net>;tag=2\r\nCall-ID: wa@192.0.2.1\r\nCSeq: 1 REGISTER\r\nWarning: 399 scscf.ims.example.net "Barred", 301 isi.edu "x"\r\nContent-Length: 0\r\n\r\n' >"$tmp/wa.sip"
"$imsreg" decode --no-color "$tmp/wa.sip" >"$tmp/wa.txt" 2>/dev/null
has "Warning 399 explained" "$tmp/wa.txt" "code: 399  (miscellaneous warning: the text says it)"
"$imsreg" decode --json "$tmp/wa.sip" >"$tmp/wa.json" 2>/dev/null
python3 - "$tmp/wa.json" <<'PY' && ok || bad "warning: JSON code_meaning"
import json, sys
m = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]
e = [h for h in m["headers"] if h["long_name"] == "Warning"][0]["decoded"]["elements"]
assert [(x["code"], x["code_meaning"]) for x in e] == [(399, "miscellaneous warning: the text says it"), (301, "incompatible network address formats")], e
PY

# --- Retry-After (RFC 3261 §20.33): the wait in words, comment, duration ---
printf 'SIP/2.0 503 Service Unavailable\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nFrom: <sip:u@ims.example.net>;tag=1\r\nTo: <sip:u@ims.example.net>;tag=2\r\nCall-ID: ra@192.0.2.1\r\nCSeq: 1 REGISTER\r\nRetry-After: 1800 (maintenance);duration=7200\r\nContent-Length: 0\r\n\r\n' >"$tmp/ra.sip"
"$imsreg" decode --no-color "$tmp/ra.sip" >"$tmp/ra.txt" 2>/dev/null
has "Retry-After: the wait in words" "$tmp/ra.txt" "wait: 1800  (30 min 0 s: wait this long before sending the request again to this server)"
has "Retry-After: the comment" "$tmp/ra.txt" "comment: maintenance"
"$imsreg" decode --json "$tmp/ra.sip" >"$tmp/ra.json" 2>/dev/null
python3 - "$tmp/ra.json" <<'PY' && ok || bad "retry_after: JSON"
import json, sys
m = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]
h = [h for h in m["headers"] if h["long_name"] == "Retry-After"][0]
assert h["type"] == "retry_after", h["type"]
d = h["decoded"]
assert (d["seconds"], d["comment"], d["duration"]) == (1800, "maintenance", 7200), d
assert d["params"][0]["name"] == "duration" and d["params"][0]["meaning"], d
PY
sed 's/Retry-After: 1800 (maintenance);duration=7200/Retry-After: soon/' "$tmp/ra.sip" >"$tmp/ra-bad.sip"
expect_rc 1 "Retry-After not seconds" "$imsreg" decode --no-color "$tmp/ra-bad.sip"
has "Retry-After not seconds: the syntax finding" "$tmp/out" "rfc3261.msg.header-syntax"

# --- the run's messages by kind, in the order each kind first came ---
"$imsreg" decode --summary --no-color tests/data/paste/flow.sip >"$tmp/kinds.txt" 2>/dev/null
has "by kind: text" "$tmp/kinds.txt" "by kind: 2 REGISTER, 1 401 REGISTER, 1 200 REGISTER, 1 NOTIFY"
"$imsreg" decode --json --summary tests/data/paste/flow.sip >"$tmp/kinds.json" 2>/dev/null
python3 - "$tmp/kinds.json" <<'PY' && ok || bad "by kind: JSON"
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
assert [(k["kind"], k["count"]) for k in s["by_kind"]] == [("REGISTER", 2), ("401 REGISTER", 1), ("200 REGISTER", 1), ("NOTIFY", 1)], s["by_kind"]
assert s["other_kinds"] == 0
PY
# past 32 kinds the rest are counted together
python3 -c '
import sys
for i in range(40):
    sys.stdout.write("M%02d sip:x@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK%d\r\nMax-Forwards: 70\r\nFrom: <sip:a@example.net>;tag=1\r\nTo: <sip:x@example.net>\r\nCall-ID: k%d\r\nCSeq: 1 M%02d\r\nContent-Length: 0\r\n\r\n" % (i, i, i, i))
' >"$tmp/kinds40.sip"
"$imsreg" decode --json --summary --strict "$tmp/kinds40.sip" >"$tmp/kinds40.json" 2>/dev/null
python3 - "$tmp/kinds40.json" <<'PY' && ok || bad "by kind: 40 kinds"
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
assert s["messages"] == 40 and len(s["by_kind"]) == 32 and s["other_kinds"] == 8, (s["messages"], len(s["by_kind"]), s["other_kinds"])
assert s["by_kind"][0] == {"kind": "M00", "count": 1}, s["by_kind"][0]
PY

# --- every corpus file, both modes: one valid JSON document whose
# exit_status is the process's, and a located reason on stderr for each 2 ---
for f in ../shared/corpus/rfc4475/*.dat ../shared/corpus/rfc5118/wire/*.dat \
	../shared/corpus/captures/text/*/* ../shared/corpus/bench/*.sip "$seed"/*.txt; do
	for opt in "" --strict; do
		"$imsreg" decode --json $opt "$f" >"$tmp/c.json" 2>"$tmp/c.err"
		rc=$?
		if ! python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); sys.exit(0 if d["exit_status"] == int(sys.argv[2]) else 1)' "$tmp/c.json" "$rc"; then
			bad "$f $opt: JSON invalid or exit_status differs from exit $rc"
		elif [ $rc = 2 ] && ! grep -q "^$f:[0-9]*:[0-9]*: " "$tmp/c.err"; then
			bad "$f $opt: exit 2 without file:line:col: reason"
		elif [ $rc -gt 2 ]; then
			bad "$f $opt: exit $rc (a crash?)"
		else
			ok
		fi
	done
done

# --- Via received: NAT only when it differs from the sent-by address; with
# rport a hop adds received even when equal (RFC 3261 §18.2.1, RFC 3581 §4) ---
via_note() { # VIA-VALUE: the explanation of received in the text output
	printf 'SIP/2.0 401 Unauthorized\r\nVia: %s\r\nFrom: <sip:u@a.example>;tag=1\r\nTo: <sip:u@a.example>;tag=2\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n' "$1" >"$tmp/via.sip"
	"$imsreg" decode "$tmp/via.sip" 2>/dev/null | grep '^ *received: '
}
n=$(via_note 'SIP/2.0/UDP 10.0.0.5:5060;received=10.0.0.5;rport=5060;branch=z9hG4bK1')
case $n in *"the same as sent-by"*RFC\ 3581*) ok ;; *) bad "received equal to sent-by: $n" ;; esac
case $n in *NAT\ or*) bad "received equal to sent-by explained as NAT: $n" ;; *) ok ;; esac
n=$(via_note 'SIP/2.0/UDP [2001:db8::1]:5060;received=2001:DB8:0:0::1;branch=z9hG4bK1')
case $n in *"the same as sent-by"*) ok ;; *) bad "IPv6 received equal to sent-by: $n" ;; esac
n=$(via_note 'SIP/2.0/UDP 10.0.0.5:5060;received=198.51.100.7;rport=40000;branch=z9hG4bK1')
case $n in *"differs from sent-by: NAT"*) ok ;; *) bad "received differing from sent-by: $n" ;; esac
n=$(via_note 'SIP/2.0/UDP ue.example;received=198.51.100.7;branch=z9hG4bK1')
case $n in *"host name"*) ok ;; *) bad "received with a named sent-by: $n" ;; esac

# --- integrity-protected: each TS 24.229 §7.2A.2 value explained on its own ---
for v in yes no tls-pending tls-yes ip-assoc-pending ip-assoc-yes auth-done; do
	printf 'REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nFrom: <sip:u@a.example>;tag=1\r\nTo: <sip:u@a.example>\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\nAuthorization: Digest username="u@a.example",realm="a.example",uri="sip:a.example",nonce="",response="",integrity-protected="%s"\r\nContent-Length: 0\r\n\r\n' "$v" >"$tmp/ip.sip"
	"$imsreg" decode "$tmp/ip.sip" 2>/dev/null | grep '^ *integrity-protected: ' >>"$tmp/ip-notes.txt"
done
[ "$(sort -u "$tmp/ip-notes.txt" | sed 's/^ *integrity-protected: [^ ]* *//' | sort -u | wc -l)" = 7 ] && ok ||
	bad "integrity-protected: 7 values, not 7 explanations: $(cat "$tmp/ip-notes.txt")"
grep -q 'tls-pending .*TLS session not yet bound' "$tmp/ip-notes.txt" && grep -q 'auth-done .*skips its own' "$tmp/ip-notes.txt" &&
	ok || bad "integrity-protected notes: $(cat "$tmp/ip-notes.txt")"

# --- auth fields explained by their value: response by algorithm and auts
# (RFC 3310 §3.4: a resync answer uses an empty password), stale=FALSE ---
auth_note() { # FIELD AUTHORIZATION-PARAMS
	printf 'REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nFrom: <sip:u@a.example>;tag=1\r\nTo: <sip:u@a.example>\r\nCall-ID: x\r\nCSeq: 2 REGISTER\r\nAuthorization: Digest username="u@a.example",realm="a.example",uri="sip:a.example",%s\r\nContent-Length: 0\r\n\r\n' "$2" >"$tmp/auth.sip"
	"$imsreg" decode "$tmp/auth.sip" 2>/dev/null | grep "^ *$1: "
}
n=$(auth_note response 'nonce="abc",algorithm=MD5,response="0123456789abcdef0123456789abcdef"')
case $n in *RES*) bad "MD5 response explained with RES: $n" ;; *password*) ok ;; *) bad "MD5 response: $n" ;; esac
n=$(auth_note response 'nonce="abc",algorithm=AKAv1-MD5,response="0123456789abcdef0123456789abcdef"')
case $n in *RES*) ok ;; *) bad "AKAv1 response: $n" ;; esac
n=$(auth_note response 'nonce="abc",algorithm=AKAv1-MD5,response="",auts="AAAAAAAAAAAAAAAAAAA="')
case $n in *"empty password"*) ok ;; *) bad "resync response: $n" ;; esac
case $n in *"nothing to answer"*) bad "resync response said nothing to answer: $n" ;; *) ok ;; esac
n=$(auth_note algorithm 'nonce="abc",algorithm=AKAv2-MD5,response="0123456789abcdef0123456789abcdef"')
m=$(auth_note algorithm 'nonce="abc",algorithm=SHA-256,response="0123456789abcdef0123456789abcdef"')
case $n in *"RES, IK and CK"*) ok ;; *) bad "AKAv2-MD5 algorithm: $n" ;; esac
case $m in *SHA-256*"not AKA"*) ok ;; *) bad "SHA-256 algorithm: $m" ;; esac
printf 'SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nFrom: <sip:u@a.example>;tag=1\r\nTo: <sip:u@a.example>;tag=2\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\nWWW-Authenticate: Digest realm="a.example",nonce="abc",algorithm=MD5,stale=FALSE\r\nContent-Length: 0\r\n\r\n' >"$tmp/stale.sip"
n=$("$imsreg" decode "$tmp/stale.sip" 2>/dev/null | grep '^ *stale: ')
case $n in *"not a nonce expiry"*) ok ;; *) bad "stale=FALSE: $n" ;; esac

# --- a 200: contact expires is the time granted; a second P-Associated-URI
# field continues the list (numbering, no second default identity); a 420
# has a status explanation like the others ---
printf 'SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nFrom: <sip:u@a.example>;tag=1\r\nTo: <sip:u@a.example>;tag=2\r\nCall-ID: x\r\nCSeq: 2 REGISTER\r\nContact: <sip:u@192.0.2.1>;expires=3600\r\nExpires: 3600\r\nP-Associated-URI: <sip:u@a.example>\r\nP-Associated-URI: <tel:+15551234567>, <sip:v@a.example>\r\nContent-Length: 0\r\n\r\n' >"$tmp/ok200.sip"
"$imsreg" decode "$tmp/ok200.sip" >"$tmp/ok200.txt" 2>/dev/null
grep -q '^ *expires: 3600 .*granted' "$tmp/ok200.txt" && ! grep -q 'seconds asked\|seconds the UE asks' "$tmp/ok200.txt" && ok ||
	bad "200 contact expires: $(grep '^ *expires:' "$tmp/ok200.txt")"
[ "$(grep -c 'The first one is the default identity' "$tmp/ok200.txt")" = 1 ] && grep -q 'continues the list' "$tmp/ok200.txt" && ok ||
	bad "second P-Associated-URI field: $(grep -A1 '^  P-Associated-URI:' "$tmp/ok200.txt")"
[ "$(grep -c '^ *address [0-9]' "$tmp/ok200.txt")" = 3 ] && grep -q '^ *address 3$' "$tmp/ok200.txt" && ok ||
	bad "P-Associated-URI numbering across fields: $(grep '^ *address [0-9]' "$tmp/ok200.txt" | tr -s ' ')"
for code in "420 Bad Extension" "421 Extension Required" "482 Loop Detected" "606 Not Acceptable"; do
	printf 'SIP/2.0 %s\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nFrom: <sip:u@a.example>;tag=1\r\nTo: <sip:u@a.example>;tag=2\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n' "$code" >"$tmp/st.sip"
	"$imsreg" decode "$tmp/st.sip" 2>/dev/null | grep -q "^status: ${code%% *}  (.*RFC 3261" && ok || bad "status ${code%% *} has no explanation"
done

# --- ICSI service URNs shown unescaped in the text, the written form beside
# it; JSON urn_decoded (RFC 3840 §9, TS 24.229 §7.2A.8) ---
printf 'REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nFrom: <sip:u@a.example>;tag=1\r\nTo: <sip:u@a.example>\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\nContact: <sip:u@192.0.2.1>;+g.3gpp.icsi-ref="urn%%3Aurn-7%%3A3gpp-service.ims.icsi.mmtel,urn%%3Aurn-7%%3Aexample.unknown"\r\nContent-Length: 0\r\n\r\n' >"$tmp/icsi.sip"
"$imsreg" decode "$tmp/icsi.sip" >"$tmp/icsi.txt" 2>/dev/null
grep -q '^ *- urn:urn-7:3gpp-service.ims.icsi.mmtel: MMTel.*(written urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel)' "$tmp/icsi.txt" &&
	grep -q '^ *- urn:urn-7:example.unknown: unknown service' "$tmp/icsi.txt" && ok ||
	bad "ICSI URNs unescaped in the text: $(grep '^ *- urn' "$tmp/icsi.txt")"
"$imsreg" decode --json "$tmp/icsi.sip" >"$tmp/icsi.json" 2>/dev/null
python3 - "$tmp/icsi.json" <<'PY' && ok || bad "ICSI urn_decoded in JSON"
import json, sys
m = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]
c = [h for h in m["headers"] if h["long_name"] == "Contact"][0]["decoded"]["elements"][0]
sv = c["params"][0]["services"]
assert [s["urn_decoded"] for s in sv] == ["urn:urn-7:3gpp-service.ims.icsi.mmtel", "urn:urn-7:example.unknown"], sv
assert sv[1]["urn"] is None and sv[0]["urn_as_written"].startswith("urn%3A"), sv
PY

# --- JSON: a bare ;rport has rport_value null (absent = null, as its params
# entry); rport=5060 keeps "5060"; a Request-URI that does not decode is
# {text, error} as docs/json.md says ---
printf 'REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;rport;branch=z9hG4bK1\r\nVia: SIP/2.0/UDP 192.0.2.2;rport=5060;branch=z9hG4bK2\r\nFrom: <sip:u@a.example>;tag=1\r\nTo: <sip:u@a.example>\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n' >"$tmp/rport.sip"
printf 'REGISTER sip:a.example:99999999 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nFrom: <sip:u@a.example>;tag=1\r\nTo: <sip:u@a.example>\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n' >"$tmp/badruri.sip"
"$imsreg" decode --json "$tmp/rport.sip" >"$tmp/rport.json" 2>/dev/null
"$imsreg" decode --json "$tmp/badruri.sip" >"$tmp/badruri.json" 2>/dev/null
python3 - "$tmp/rport.json" "$tmp/badruri.json" <<'PY' && ok || bad "rport_value and request_uri in JSON"
import json, sys
m = json.load(open(sys.argv[1]))["inputs"][0]["messages"][0]
v = [e for h in m["headers"] if h["long_name"] == "Via" for e in h["decoded"]["elements"]]
assert v[0]["rport"] is True and v[0]["rport_value"] is None, v[0]
assert [p["value"] for p in v[0]["params"] if p["name"] == "rport"] == [None], v[0]["params"]
assert v[1]["rport"] is True and v[1]["rport_value"] == "5060", v[1]
m = json.load(open(sys.argv[2]))["inputs"][0]["messages"][0]
ru = m["request_uri"]
assert set(ru) == {"text", "error"} and ru["text"] == "sip:a.example:99999999" and ru["error"]["reason"], ru
PY

# --- --json with a command line that cannot run: still one JSON document ---
for args in "--bogus --json $seed/ex1-basic.pasted.txt" "--json --diff $seed/ex1-basic.pasted.txt" \
	"--json --diff $seed/ex1-basic.pasted.txt $seed/ex1-basic.pasted.txt $seed/ex1-basic.pasted.txt"; do
	"$imsreg" decode $args >"$tmp/usage.json" 2>"$tmp/usage.err"
	rc=$?
	python3 - "$tmp/usage.json" "$rc" <<'PY' && grep -q '^usage:' "$tmp/usage.err" && ok || bad "decode $args: JSON usage error"
import json, sys
d = json.load(open(sys.argv[1]))
assert sys.argv[2] == "2" and d["exit_status"] == 2 and d["error"]["reason"] and d["inputs"] == [], d
PY
done
"$imsreg" decode --json "$seed/ex1-basic.pasted.txt" 2>/dev/null | python3 -c 'import json, sys; assert json.load(sys.stdin)["error"] is None' &&
	ok || bad "decode --json: top-level error null"

# one input holding the 401 and the REGISTER that answers it: the flow rules
# compare them (bench c echoes one of the two offers of bench f's
# Security-Server); the same REGISTER in a file of its own is not compared
cat "$bench/f_401_aka_challenge.sip" "$bench/c_register_aka_auth.sip" >"$tmp/flow.sip"
"$imsreg" decode --brief --no-color "$tmp/flow.sip" >"$tmp/flow.txt" 2>/dev/null
rc=$?
[ $rc = 1 ] && grep -q 'rfc3329.flow.security-verify' "$tmp/flow.txt" && ok ||
	bad "flow: Security-Verify against the 401's Security-Server (exit $rc)"
"$imsreg" decode --brief --no-color "$bench/f_401_aka_challenge.sip" "$bench/c_register_aka_auth.sip" >"$tmp/noflow.txt" 2>/dev/null
! grep -q 'flow\.' "$tmp/noflow.txt" && ok || bad "flow: two files are two inputs, not compared"

# +sip.instance without '<' '>': the URN decodes, the value is not well formed
printf 'REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:u@a.example>;tag=1\r\nTo: <sip:u@a.example>\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\nContact: <sip:u@192.0.2.1>;+sip.instance="urn:gsma:imei:35425006-000655-0"\r\nContent-Length: 0\r\n\r\n' >"$tmp/noangle.sip"
"$imsreg" decode --no-color "$tmp/noangle.sip" >"$tmp/noangle.txt" 2>/dev/null
has "+sip.instance without < >" "$tmp/noangle.txt" "well formed: no"
has "+sip.instance without < >" "$tmp/noangle.txt" "TAC: 35425006"

# an Expires header out of range is shown as malformed, not as absent
printf 'REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:u@a.example>;tag=1\r\nTo: <sip:u@a.example>\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\nContact: <sip:u@192.0.2.1>\r\nExpires: 4294967296\r\nContent-Length: 0\r\n\r\n' >"$tmp/bigexp.sip"
"$imsreg" decode --no-color "$tmp/bigexp.sip" >"$tmp/bigexp.txt" 2>/dev/null
has "Expires out of range" "$tmp/bigexp.txt" "Expires header: 4294967296 is malformed"
hasnt "Expires out of range" "$tmp/bigexp.txt" "no Expires and no expires parameter"

# --brief says that pasted text was repaired, and which lines it dropped
printf 'REGISTER sip:a.example SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:u@a.example>;tag=1\nTo: <sip:u@a.example>\nCall-ID: x\n--------\nCSeq: 1 REGISTER\nContent-Length: 0\n' >"$tmp/dash.txt"
"$imsreg" decode --brief --no-color "$tmp/dash.txt" 2>/dev/null | grep -q 'repair(s) of the pasted text; lines ignored: 6;' &&
	ok || bad "--brief: repairs line ($("$imsreg" decode --brief --no-color "$tmp/dash.txt" 2>&1 | head -2))"

# From and To are compared as URIs (RFC 3261 §19.1.4): the host in another
# case is the same IMPU, the user in another case is not
mkft() { printf 'REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <%s>;tag=1\r\nTo: <%s>\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\nContact: <sip:u@192.0.2.1>\r\nContent-Length: 0\r\n\r\n' "$1" "$2"; }
mkft sip:u@A.Example sip:u@a.example >"$tmp/ft1.sip"
mkft sip:U@a.example sip:u@a.example >"$tmp/ft2.sip"
for k in 1 2; do "$imsreg" decode --json "$tmp/ft$k.sip" >"$tmp/ft$k.json" 2>/dev/null; done
python3 - "$tmp/ft1.json" "$tmp/ft2.json" <<'PY' && ok || bad "from_equals_to compares URIs"
import json, sys
def chk(p):
    d = json.load(open(p))
    return {c["check"]: c for c in d["inputs"][0]["messages"][0]["identity_checks"]}["from_equals_to"]
a, b = chk(sys.argv[1]), chk(sys.argv[2])
assert a["ok"] is True and "written differently" in a["message"], a
assert b["ok"] is False, b
PY

# the run's summary counts the findings by rule, most often first (text:
# "by rule:" after the totals of a run of several messages; JSON: by_rule)
cat "$bench"/*.sip "$seed/ex4-aka-authorization.pasted.txt" >"$tmp/many.txt"
"$imsreg" decode --json "$tmp/many.txt" >"$tmp/many.json" 2>/dev/null
python3 - "$tmp/many.json" <<'PY' && ok || bad "summary.by_rule counts the findings of every message"
import json, sys, collections
d = json.load(open(sys.argv[1]))
got = [(x["id"], x["severity"], x["count"]) for x in d["summary"]["by_rule"]]
n = collections.Counter((f["id"], f["severity"]) for i in d["inputs"] for m in i["messages"] for f in m["findings"])
assert sorted(got) == sorted((k[0], k[1], v) for k, v in n.items()), (got, n)
rank = {"error": 0, "warning": 1, "info": 2}
assert got == sorted(got, key=lambda x: (-x[2], rank[x[1]], x[0])), got
assert len(got) > 3
PY
"$imsreg" decode --brief --no-color --ignore 'ir92.*' "$tmp/many.txt" >"$tmp/many.txt.out" 2>/dev/null
has "by rule (text)" "$tmp/many.txt.out" "by rule:"
hasnt "by rule (text) leaves out what --ignore left out" "$tmp/many.txt.out" " ir92."
"$imsreg" decode --brief --no-color "$bench/a_register_basic.sip" >"$tmp/one.out" 2>/dev/null
hasnt "by rule: not for one message" "$tmp/one.out" "by rule:"
# ... each with where it fired first (JSON: first, the first three places,
# a line where it fired twice once)
python3 - "$tmp/many.json" "$tmp/many.txt" <<'PY' && ok || bad "summary.by_rule: where each rule fired first"
import json, sys
d = json.load(open(sys.argv[1]))
firsts = {}
for i in d["inputs"]:
    for m in i["messages"]:
        for f in m["findings"]:
            w = {"input": i["name"], "line": f["line"], "frame": m["frame"]}
            seen = firsts.setdefault(f["id"], [])
            if not seen or seen[-1] != w:
                seen.append(w)
for x in d["summary"]["by_rule"]:
    assert x["first"] == firsts[x["id"]][:3], (x, firsts[x["id"]][:3])
PY
has "by rule (text): first at" "$tmp/many.txt.out" "first at $tmp/many.txt:"
"$imsreg" decode --summary --no-color ../shared/corpus/captures/pcap/sngrep-aaa.pcap >"$tmp/pcap-rules.out" 2>/dev/null
has "by rule of a capture: first at its frame" "$tmp/pcap-rules.out" "ims.flow.register-refused  first at ../shared/corpus/captures/pcap/sngrep-aaa.pcap, frame 32"

# --summary: only the totals and the findings by rule, for a whole log; the
# counts and the exit status those of the full run
"$imsreg" decode --brief --no-color "$tmp/many.txt" >"$tmp/full.out" 2>/dev/null
rc_full=$?
"$imsreg" decode --summary --no-color "$tmp/many.txt" >"$tmp/sum.out" 2>/dev/null
rc_sum=$?
[ "$rc_full" = "$rc_sum" ] && ok || bad "--summary: exit $rc_sum, the full run $rc_full"
hasnt "--summary: no message lines" "$tmp/sum.out" "REGISTER sip:"
grep -qE '^  (error|warning|info) ' "$tmp/sum.out" && bad "--summary: a message's finding printed" || ok
has "--summary: the totals" "$tmp/sum.out" "$(grep 'message(s), ' "$tmp/full.out")"
[ "$(grep -c 'first at' "$tmp/sum.out")" = "$(grep -c 'first at' "$tmp/full.out")" ] && ok || bad "--summary: every rule of the full run"
"$imsreg" decode --summary --no-color "$bench/a_register_basic.sip" >"$tmp/one.out" 2>/dev/null
has "--summary: by rule also for one message" "$tmp/one.out" "by rule:"
"$imsreg" decode --summary --json "$tmp/many.txt" >"$tmp/sum.json" 2>/dev/null
python3 - "$tmp/many.json" "$tmp/sum.json" <<'PY' && ok || bad "--summary --json: no messages, the same summary"
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert all(i["messages"] == [] for i in b["inputs"]), "messages left out"
assert a["summary"] == b["summary"] and a["exit_status"] == b["exit_status"]
PY

# --datagram: each file one UDP datagram, the octets after the body as
# Content-Length sets it discarded (RFC 3261 §18.3; RFC 4475 dblreq is a
# valid message so read, while --strict reads the file as a stream)
dbl=../shared/corpus/rfc4475/dblreq.dat
expect_rc 2 "--strict on dblreq (a stream)" "$imsreg" decode --strict --brief --no-color "$dbl"
has "--strict on dblreq: the --datagram hint" "$tmp/err" "hint: when the input is one UDP datagram, --datagram reads it"
hasnt "--strict on dblreq: not the paste hint" "$tmp/err" "without --strict"
"$imsreg" decode --json --strict "$dbl" 2>/dev/null | python3 -c 'import json, sys; h = json.load(sys.stdin)["inputs"][0]["hint"]; assert h.startswith("when the input is one UDP datagram, --datagram reads it"), h' &&
	ok || bad "--strict --json on dblreq: the --datagram hint"
"$imsreg" decode --datagram --brief --no-color "$dbl" >"$tmp/dg.txt" 2>"$tmp/dg.err"
rc=$?
[ $rc != 2 ] && ok || bad "--datagram on dblreq: exit $rc ($(head -2 "$tmp/dg.err"))"
has "--datagram: the discarded octets are said" "$tmp/dg.txt" "byte(s) after the body as Content-Length sets it, discarded"
hasnt "--datagram: one message" "$tmp/dg.txt" "INVITE sip:joe@example.com"
"$imsreg" decode --datagram --json "$dbl" >"$tmp/dg.json" 2>/dev/null
python3 - "$tmp/dg.json" "$dbl" <<'PY' && ok || bad "--datagram --json: mode, one message, discarded"
import json, sys
d = json.load(open(sys.argv[1]))
i = d["inputs"][0]
raw = open(sys.argv[2], "rb").read()
m = i["messages"][0]
assert d["mode"] == "datagram" and i["mode"] == "datagram", d["mode"]
assert len(i["messages"]) == 1 and m["start_line"].startswith("REGISTER ")
# what is discarded: all the file holds after the REGISTER's head (its Content-Length is 0)
assert i["discarded"] == len(raw) - raw.index(b"\r\n\r\n") - 4, i["discarded"]
PY
"$imsreg" decode --json "$bench/a_register_basic.sip" >"$tmp/nodg.json" 2>/dev/null
python3 -c 'import json,sys; i=json.load(open(sys.argv[1]))["inputs"][0]; assert i["discarded"] == 0 and i["mode"] == "lenient"' "$tmp/nodg.json" && ok || bad "discarded is 0 outside --datagram"

# --ignore: the findings of the rules named are left out of the report, the
# counts and the exit status; a name no rule has is refused (a typo would
# otherwise filter nothing, silently)
ex6=$seed/ex6-unregister.pasted.txt
"$imsreg" decode --json "$ex6" >"$tmp/ign0.json" 2>/dev/null
errs=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(",".join(sorted({f["id"] for i in d["inputs"] for m in i["messages"] for f in m["findings"] if f["severity"]=="error"})))' "$tmp/ign0.json")
[ -n "$errs" ] && ok || bad "--ignore: ex6 has error findings to ignore"
expect_rc 0 "--ignore every error rule of ex6" "$imsreg" decode --json --ignore "$errs" "$ex6"
python3 - "$tmp/ign0.json" "$tmp/out" "$errs" <<'PY' && ok || bad "--ignore: what is left out and counted"
import json, sys
a, b, ids = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), set(sys.argv[3].split(","))
fa = [f for i in a["inputs"] for m in i["messages"] for f in m["findings"]]
fb = [f for i in b["inputs"] for m in i["messages"] for f in m["findings"]]
gone = [f for f in fa if f["id"] in ids]
assert b["ignore"] == sorted(ids) or set(b["ignore"]) == ids, b["ignore"]
assert [f for f in fa if f["id"] not in ids] == fb, "the other findings are kept as they were"
assert b["summary"]["ignored"] == len(gone) and b["summary"]["errors"] == 0, b["summary"]
assert a["summary"]["ignored"] == 0 and a["ignore"] == []
assert b["exit_status"] == 0 and a["exit_status"] == 1
PY
expect_rc 1 "--ignore with a prefix (supported-path stays)" "$imsreg" decode --brief --no-color --ignore='rfc3261.*,ir92.*' --ignore ts24229.register.pani-present "$ex6"
hasnt "--ignore with a prefix" "$tmp/out" "rfc3261."
hasnt "--ignore with a prefix" "$tmp/out" "ir92."
hasnt "--ignore with a prefix" "$tmp/out" "pani-present"
has "--ignore with a prefix" "$tmp/out" "ignored)"
has "--ignore with a prefix" "$tmp/out" "ts24229.register.supported-path"
expect_rc 2 "--ignore of no rule" "$imsreg" decode --ignore ir92.contact.smsipp "$ex6"
has "--ignore of no rule" "$tmp/err" "no rule is 'ir92.contact.smsipp'"
expect_rc 2 "--ignore of no prefix" "$imsreg" decode --ignore 'ir93.*' "$ex6"
expect_rc 2 "--ignore without rules" "$imsreg" decode "$ex6" --ignore
expect_rc 2 "--ignore with an empty id" "$imsreg" decode --ignore 'ir92.*,,rfc3261.*' "$ex6"

# --json of a log larger than one write (1 MiB of JSON, about 35 messages):
# written as it grows, still one valid document with every message
python3 - "$bench/c_register_aka_auth.sip" "$tmp/many.wire" <<'PY'
import re, sys
base = open(sys.argv[1], 'rb').read()
open(sys.argv[2], 'wb').write(b''.join(re.sub(rb'Call-ID: [^\r]*', b'Call-ID: many-%d' % i, base) for i in range(120)))
PY
"$imsreg" decode --strict --json "$tmp/many.wire" >"$tmp/many.json" 2>/dev/null
python3 -c 'import json,sys,os; d=json.load(open(sys.argv[1])); assert os.path.getsize(sys.argv[1]) > 2 << 20; m=d["inputs"][0]["messages"]; assert len(m) == 120 and d["summary"]["messages"] == 120 and [x["index"] for x in m] == list(range(1, 121))' "$tmp/many.json" && ok || bad "--json of 120 messages: one valid document"

# a capture file given to decode: read by libpcap, every SIP message with
# its frame (the capture's 81, the same bytes tshark -P -x gives)
pcap=../shared/corpus/captures/pcap/sngrep-aaa.pcap
"$imsreg" decode --brief --no-color "$pcap" >"$tmp/pcap.out" 2>&1
head -1 "$tmp/pcap.out" | grep -qF "sngrep-aaa.pcap: pcap capture (Ethernet): 691 packet(s), 81 SIP message(s)" && ok || bad "a pcap: what was read, said first"
n=$(grep -c '^  packet: frame [0-9]* 2005-07-04 [0-9:.]* IP [0-9.]* > [0-9.]*: UDP, length [0-9]*$' "$tmp/pcap.out")
[ "$n" = 81 ] && ok || bad "a pcap --brief: $n packet lines, want 81"
grep -A1 -m1 'sngrep-aaa.pcap, frame [0-9]*: REGISTER ' "$tmp/pcap.out" | grep -q '^  packet: frame 19 2005-07-04 09:32:52.844249 IP 192.168.1.2.5060 > 212.242.33.35.5060: UDP, length 467$' && ok || bad "a pcap --brief: the first REGISTER is tshark's frame 19"
"$imsreg" decode --summary --no-color "$pcap" >"$tmp/pcap-sum.out" 2>&1
has "a pcap: all its messages" "$tmp/pcap-sum.out" "81 message(s), 0 not parseable"
# its end: voi18063 was refused (403 Wrong password), challenged again
# twice, and gave up: not registered
"$imsreg" decode --json "$pcap" >"$tmp/pcap-end.json" 2>/dev/null
python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["inputs"][0]["end_findings"]; assert [(f["id"], f["header"], f["line"]) for f in e] == [("ts24229.packet.registration", "To", 0)] and "the UE'"'"'s registration of sip:voi18063@sip.cybercity.dk was not completed by the capture'"'"'s end at 2005-07-04 09:58:27.427770: no 2xx answered its 4 REGISTERs from the first (CSeq 68, frame 19) at 2005-07-04 09:32:52.844249 to the latest (CSeq 71, frame 121) at 2005-07-04 09:34:57.469146" in e[0]["message"] and "was a 401 (CSeq 71, frame 122)" in e[0]["message"] and "Before it, a 403 (CSeq 69, frame 32) refused one of them." in e[0]["message"], e' "$tmp/pcap-end.json" && ok || bad "a pcap's end: the registration that never completed"
# each way read as said: every one of the capture's 81 SIP messages
tcpdump -A -r "$pcap" 2>/dev/null | "$imsreg" decode --summary --no-color - >"$tmp/pcap-td.out" 2>&1
has "a pcap through tcpdump -A: all its messages" "$tmp/pcap-td.out" "81 message(s), 0 not parseable"
tshark -r "$pcap" -P -x 2>/dev/null | "$imsreg" decode --summary --no-color - >"$tmp/pcap-ts.out" 2>&1
has "a pcap through tshark -P -x: all its messages" "$tmp/pcap-ts.out" "81 message(s), 0 not parseable"
# --brief: each message's packet line under its own
tshark -r "$pcap" -P -x 2>/dev/null | "$imsreg" decode --brief --no-color - >"$tmp/pcap-ts.txt" 2>&1
n=$(grep -c '^  packet: [0-9]* *[0-9.]* .* → ' "$tmp/pcap-ts.txt")
[ "$n" = 81 ] && ok || bad "tshark -P -x --brief: $n packet lines, want 81"
grep -A1 -m1 '^<stdin>:[0-9]*: REGISTER ' "$tmp/pcap-ts.txt" | grep -q '^  packet: 19  32.004937  192.168.1.2 → 212.242.33.35 SIP 509 Request: REGISTER' && ok || bad "tshark -P -x --brief: the first REGISTER's packet"
# each with its packet's line, in the text and in JSON
tcpdump -nn -A -r "$pcap" 2>/dev/null | "$imsreg" decode --no-color - >"$tmp/pcap-td.txt" 2>&1
has "tcpdump -A: the packet line under the message" "$tmp/pcap-td.txt" "packet: 09:32:52.844249 IP 192.168.1.2.5060 > 212.242.33.35.5060: SIP: REGISTER sip:sip.cybercity.dk SIP/2.0"
tcpdump -nn -A -r "$pcap" 2>/dev/null | "$imsreg" decode --json - >"$tmp/pcap-td.json" 2>/dev/null
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["inputs"][0]["messages"]; assert len(m) == 81 and all(x["packet"].startswith(("09:", "10:")) and " > " in x["packet"] for x in m), m[0].get("packet")' "$tmp/pcap-td.json" && ok || bad "tcpdump -A: JSON packet of every message"
"$imsreg" decode --json "$ex6" >"$tmp/nopacket.json" 2>/dev/null
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["inputs"][0]["messages"]; assert m and all(x["packet"] is None for x in m)' "$tmp/nopacket.json" && ok || bad "a paste: packet null"
"$imsreg" decode --json "$pcap" "$ex6" >"$tmp/pcap.json" 2>"$tmp/pcap.err"
python3 -c 'import json,sys; i=json.load(open(sys.argv[1]))["inputs"]; assert i[0]["capture"] == "pcap" and i[1]["capture"] is None, i' "$tmp/pcap.json" && ok || bad "a pcap: JSON capture"
python3 -c 'import json,sys; i=json.load(open(sys.argv[1]))["inputs"]; c=i[0]["capture_read"]; m=i[0]["messages"]; assert c["link"] == "Ethernet" and c["packets"] == 691 and c["messages"] == 81 and c["error"] is None and i[1]["capture_read"] is None, c; assert len(m) == 81 and m[0]["frame"] == 19 and m[0]["line"] == 1 and m[0]["packet"].startswith("frame 19 ") and i[1]["messages"][0]["frame"] is None' "$tmp/pcap.json" && ok || bad "a pcap: JSON capture_read, frame"
[ ! -s "$tmp/pcap.err" ] && ok || bad "a pcap: --json, nothing on stderr"
# the same capture as pcapng (editcap), and a file libpcap cannot read
editcap -F pcapng "$pcap" "$tmp/aaa.pcapng"
"$imsreg" decode --json "$tmp/aaa.pcapng" >"$tmp/pcapng.json" 2>/dev/null
python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))["inputs"][0]; b=json.load(open(sys.argv[2]))["inputs"][0]; assert a["capture"] == "pcapng" and [x["wire"] for x in a["messages"]] == [x["wire"] for x in b["messages"]] and [x["packet"] for x in a["messages"]] == [x["packet"] for x in b["messages"]]' "$tmp/pcapng.json" "$tmp/pcap.json" && ok || bad "a pcapng: the messages and packets of the pcap"
printf '\n\r\r\n\x1a\x2b\x3c\x4d\x01\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff\x1c\x00\x00\x00\x1c\x00\x00\x00' >"$tmp/empty.pcapng"
expect_rc 2 "a pcapng libpcap cannot read" "$imsreg" decode "$tmp/empty.pcapng"
has "a pcapng libpcap cannot read: said" "$tmp/err" "cannot read the capture: "
# --datagram and --strict do not change how a capture is read (each message
# is its packet's); a capture with no SIP in it is an input with none (exit 2)
"$imsreg" decode --datagram --summary --no-color "$pcap" >"$tmp/pcap-dg.out" 2>&1
has "a pcap with --datagram: all its messages" "$tmp/pcap-dg.out" "81 message(s), 0 not parseable"
editcap -r "$pcap" "$tmp/nosip.pcap" 1-3
expect_rc 2 "a capture with no SIP" "$imsreg" decode --no-color "$tmp/nosip.pcap"
has "a capture with no SIP: said" "$tmp/err" "no SIP message in the capture"
has "a capture with no SIP: what was read" "$tmp/out" "capture (Ethernet): 3 packet(s), 0 SIP message(s)"
# the packet rules: a protected REGISTER (Security-Verify) sent from the Via's
# port-s, not from port-c, to the P-CSCF's port-s, from an address other than
# its Via's: found in the capture, not in the same message pasted
python3 - "$tmp/sa.pcap" "$tmp/sa.txt" <<'PY'
import struct, sys
reg = (b"REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0\r\n"
       b"Via: SIP/2.0/UDP 10.0.0.1:5064;branch=z9hG4bK-sa1\r\nMax-Forwards: 70\r\n"
       b"From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=1\r\n"
       b"To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>\r\nCall-ID: sa1\r\nCSeq: 2 REGISTER\r\n"
       b"Contact: <sip:10.0.0.1:5064>\r\n"
       b"Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;spi-c=1;spi-s=2;port-c=5062;port-s=5064\r\n"
       b"Security-Verify: ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;spi-c=3;spi-s=4;port-c=5066;port-s=5068\r\n"
       b"Content-Length: 0\r\n\r\n")
def packet(src, sport, dport, m):
    u = struct.pack("!HHHH", sport, dport, 8 + len(m), 0) + m
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(u), 1, 0, 64, 17, 0, bytes(src), bytes([10, 0, 0, 2])) + u
    return b"\x02" * 12 + b"\x08\x00" + ip
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, pkt in enumerate([packet([10, 0, 0, 1], 5064, 5068, reg), packet([192, 0, 2, 7], 5062, 5068, reg)]):
        f.write(struct.pack("<IIII", 1000 + i, 0, len(pkt), len(pkt)) + pkt)
open(sys.argv[2], "wb").write(reg)
# a REGISTER retransmitted after 500 ms, its 401 2.6 s after the first
init = b"\r\n".join(l for l in reg.replace(b"CSeq: 2", b"CSeq: 1").replace(b"sa1", b"rt1").split(b"\r\n")
                    if not l.startswith(b"Security-Verify"))
ch = (b"SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/UDP 10.0.0.1:5064;branch=z9hG4bK-rt1\r\n"
      b"From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=1\r\n"
      b"To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=2\r\nCall-ID: rt1\r\n"
      b"CSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n")
# the same as SIPp's -trace_msg log writes it (the UE SIPp's): times, no addresses
with open(sys.argv[1] + ".sipp", "w") as f:
    for t, what, m in (("00:01:40.000000", "UDP message sent (%d bytes):" % len(init), init),
                       ("00:01:40.500000", "UDP message sent (%d bytes):" % len(init), init),
                       ("00:01:42.600000", "UDP message received [%d] bytes :" % len(ch), ch)):
        f.write("-" * 47 + " 1970-01-01 " + t + "\n" + what + "\n\n" + m.decode() + "\n")
def from_pcscf(sport, dport, m):
    u = struct.pack("!HHHH", sport, dport, 8 + len(m), 0) + m
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(u), 1, 0, 64, 17, 0, bytes([10, 0, 0, 2]), bytes([10, 0, 0, 1])) + u
    return b"\x02" * 12 + b"\x08\x00" + ip
def reply(m):
    return from_pcscf(5060, 5064, m)
with open(sys.argv[1] + ".rt", "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for sec, usec, pkt in ((100, 0, packet([10, 0, 0, 1], 5064, 5060, init)), (100, 500000, packet([10, 0, 0, 1], 5064, 5060, init)),
                           (102, 600000, reply(ch))):
        f.write(struct.pack("<IIII", sec, usec, len(pkt), len(pkt)) + pkt)
# the REGISTER over the SAs it names (5062 -> 5068), then the P-CSCF's
# OPTIONS to the UE's port-s: from its unprotected 5060, then from port-c
opt = (b"OPTIONS sip:10.0.0.1:5064 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.2:5066;branch=z9hG4bK-o1\r\n"
       b"Max-Forwards: 70\r\nFrom: <sip:pcscf.ims.mnc001.mcc001.3gppnetwork.org>;tag=p\r\n"
       b"To: <sip:10.0.0.1:5064>\r\nCall-ID: o1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
def to_ue(sport, m):
    return from_pcscf(sport, 5064, m)
# the 200 granting 600 s at t + 0.2 s, the refresh at t + 450 s: late
# (TS 24.229 §5.1.1.4.1: half-way, at 300 s)
ok = (b"SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 10.0.0.1:5064;branch=z9hG4bK-sa1\r\n"
      b"From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=1\r\n"
      b"To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=2\r\nCall-ID: sa1\r\n"
      b"CSeq: 2 REGISTER\r\nContact: <sip:10.0.0.1:5064>;expires=600\r\nContent-Length: 0\r\n\r\n")
refresh = reg.replace(b"CSeq: 2", b"CSeq: 3").replace(b"sa1;", b"sa3;").replace(b"-sa1", b"-sa3")
with open(sys.argv[1] + ".rr", "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for sec, usec, pkt in ((1000, 0, packet([10, 0, 0, 1], 5062, 5068, reg)), (1000, 200000, from_pcscf(5068, 5062, ok)),
                           (1450, 200000, packet([10, 0, 0, 1], 5062, 5068, refresh))):
        f.write(struct.pack("<IIII", sec, usec, len(pkt), len(pkt)) + pkt)
# no refresh at all: the capture ends (its last packet, the P-CSCF's
# OPTIONS) at t + 700 s, past the expiry (lapsed), or at t + 400 s, past
# the refresh's due time (overdue); with the ESP packet no SA opens, the
# finding says a refresh may be in it
def pcap_of(name, pkts):
    with open(sys.argv[1] + name, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for sec, usec, pkt in pkts:
            f.write(struct.pack("<IIII", sec, usec, len(pkt), len(pkt)) + pkt)
esp = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 48, 1, 0, 64, 50, 0, bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])) + bytes(28)
granted = ((1000, 0, packet([10, 0, 0, 1], 5062, 5068, reg)), (1000, 200000, from_pcscf(5068, 5062, ok)))
pcap_of(".end", granted + ((1700, 200000, to_ue(5066, opt)),))
pcap_of(".due", granted + ((1400, 200000, to_ue(5066, opt)),))
pcap_of(".esp", granted + ((1300, 0, b"\x02" * 12 + b"\x08\x00" + esp), (1700, 200000, to_ue(5066, opt))))
# the refresh sent in time (t + 300 s) and challenged, then nothing: it
# lapsed though the UE renewed it
ch3 = (ch.replace(b"CSeq: 1", b"CSeq: 3").replace(b"-rt1", b"-sa3").replace(b"Call-ID: rt1", b"Call-ID: sa1"))
# the REGISTER seen twice 40 us apart (tcpdump -i any, a bridge): one message
pcap_of(".dup", ((1000, 0, packet([10, 0, 0, 1], 5062, 5068, reg)), (1000, 40, packet([10, 0, 0, 1], 5062, 5068, reg)),
                 (1000, 200000, from_pcscf(5068, 5062, ok))))
pcap_of(".nr", granted + ((1300, 200000, packet([10, 0, 0, 1], 5062, 5068, refresh)),
                          (1300, 300000, from_pcscf(5068, 5062, ch3)), (1700, 200000, to_ue(5066, opt))))
# the same flows as a P-CSCF logs them, each line of a message after a
# prefix with a time stamp: kubectl's nanoseconds, syslog's seconds
import datetime
def log_of(name, stamp, entries):
    with open(sys.argv[1] + name, "w") as f:
        for t, m in entries:
            d = datetime.datetime(2026, 11, 21, tzinfo=datetime.timezone.utc) + datetime.timedelta(seconds=t)
            for line in m.decode().split("\r\n")[:-1]:
                f.write(stamp(d) + line + "\n")
k8s = lambda d: d.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d000Z " % d.microsecond
syslog = lambda d: d.strftime("%b %d %H:%M:%S") + " pcscf kamailio[812]: "
log_of(".rt.k8s", k8s, ((100, init), (100.5, init), (102.6, ch)))
# and as sofia-sip's tport log writes it (TPORT_LOG; tport_logging.c:
# "recv N bytes from udp/[addr]:port at HH:MM:SS.uuuuuu:", a line of 72
# dashes, each line of the message after three spaces, the dashes again),
# the P-CSCF's: its peer's address and port, not its own
with open(sys.argv[1] + ".rt.sofia", "w") as f:
    for t, what, m in ((100, "recv %d bytes from", init), (100.5, "recv %d bytes from", init),
                       (102.6, "send %d bytes to", ch)):
        d = datetime.datetime(2026, 11, 21, tzinfo=datetime.timezone.utc) + datetime.timedelta(seconds=t)
        f.write((what % len(m)) + " udp/[10.0.0.1]:5064 at " + d.strftime("%H:%M:%S.") + "%06u:\n" % d.microsecond)
        f.write("   " + "-" * 72 + "\n")
        for line in m.decode().split("\r\n")[:-1]:
            f.write("   " + line + "\n")
        f.write("   " + "-" * 72 + "\n")
log_of(".rt.syslog", syslog, ((100, init), (100.5, init), (102.6, ch)))
log_of(".rr.syslog", syslog, ((1000, reg), (1000.2, ok), (1450.2, refresh)))
with open(sys.argv[1] + ".pair", "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, pkt in enumerate([packet([10, 0, 0, 1], 5062, 5068, reg), to_ue(5060, opt), to_ue(5066, opt)]):
        f.write(struct.pack("<IIII", 1000 + i, 0, len(pkt), len(pkt)) + pkt)
PY
"$imsreg" decode --json "$tmp/sa.pcap.pair" >"$tmp/pair.json" 2>/dev/null
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["inputs"][0]["messages"]; ids=[[f["id"] for f in x["findings"] if ".packet." in f["id"]] for x in m]; assert ids == [[], ["ts33203.packet.sa-pair", "rfc3261.packet.via-source"], []], ids; f=[f for f in m[1]["findings"] if f["id"] == "ts33203.packet.sa-pair"][0]; assert "from the P-CSCF'"'"'s port 5060 to the UE'"'"'s port 5064" in f["message"] and f["severity"] == "error", f' "$tmp/pair.json" && ok || bad "packet rules: the P-CSCF's OPTIONS from 5060 to the UE's port-s, after the SAs"
"$imsreg" decode --json "$tmp/sa.pcap.rr" >"$tmp/rr.json" 2>/dev/null
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["inputs"][0]["messages"]; ids=[[f["id"] for f in x["findings"] if f["id"] == "ts24229.packet.reregistration"] for x in m]; assert ids == [[], [], ["ts24229.packet.reregistration"]], ids; f=m[2]["findings"][[g["id"] for g in m[2]["findings"]].index("ts24229.packet.reregistration")]; assert "450.0 s after the 2xx (CSeq 2) that granted it 600 s" in f["message"] and "at 300.0 s, 150.0 s before this one" in f["message"] and f["severity"] == "warning" and f["header"] == "Contact", f' "$tmp/rr.json" && ok || bad "packet rules: a refresh at 450 s of a 600 s binding is late"
python3 -c 'import json,sys; i=json.load(open(sys.argv[1]))["inputs"][0]; assert i["end_findings"] == [], i["end_findings"]' "$tmp/rr.json" && ok || bad "the end of a capture: a binding refreshed (late) is not said again"
# no refresh in the capture: said at its end, in the order of the findings'
# shape (docs/json.md), counted, and in the text after the last message
"$imsreg" decode --json "$tmp/sa.pcap.end" >"$tmp/end.json" 2>/dev/null
python3 - "$tmp/end.json" <<'PY' && ok || bad "the end of a capture: a binding that lapsed with no refresh (JSON)"
import json, sys
d = json.load(open(sys.argv[1]))
i = d["inputs"][0]
e = i["end_findings"]
assert [f["id"] for f in e] == ["ts24229.packet.reregistration"], e
f = e[0]
assert f["severity"] == "warning" and f["header"] == "Contact" and f["line"] == 0 and f["column"] == 0, f
assert f["message"].startswith("contact sip:10.0.0.1:5064 of sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org "
                               "expired at 1970-01-01 00:26:40.200000,"), f["message"]
assert "The 2xx (CSeq 2, frame 2) at 1970-01-01 00:16:40.200000 granted it 600 s" in f["message"], f["message"]
assert "capture's end at 1970-01-01 00:28:20.200000, 100.0 s later" in f["message"], f["message"]
assert "may be among them" not in f["message"]
assert all(g["id"] != "ts24229.packet.reregistration" for m in i["messages"] for g in m["findings"])
r = [x for x in d["summary"]["by_rule"] if x["id"] == "ts24229.packet.reregistration"]
assert r and r[0]["count"] == 1 and len(r[0]["first"]) == 1, r
assert r[0]["first"][0]["input"].endswith("sa.pcap.end") and r[0]["first"][0]["line"] == 0 and r[0]["first"][0]["frame"] == 3, r
PY
"$imsreg" decode --no-color "$tmp/sa.pcap.end" >"$tmp/end.out" 2>&1
has "the end of a capture: its block in the text" "$tmp/end.out" "sa.pcap.end: at the end of the capture (frame 3)"
"$imsreg" decode --brief --no-color "$tmp/sa.pcap.end" >"$tmp/end-brief.out" 2>&1
has "the end of a capture: --brief" "$tmp/end-brief.out" "sa.pcap.end, end of the capture (frame 3): 0 error(s), 1 warning(s), 0 info"
"$imsreg" decode --json --only ts24229.packet.reregistration --severity ts24229.packet.reregistration=error "$tmp/sa.pcap.end" >"$tmp/end-sev.json" 2>/dev/null
rc=$?
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); e=d["inputs"][0]["end_findings"]; assert [f["severity"] for f in e] == ["error"] and e[0]["rule_severity"] == "warning" and d["summary"]["errors"] == 1 and d["inputs"][0]["messages"] == [] and d["exit_status"] == 1, (e, d["summary"])' "$tmp/end-sev.json" && [ "$rc" = 1 ] && ok || bad "the end of a capture: --only and --severity apply, an error sets the exit status (rc $rc)"
"$imsreg" decode --json --ignore ts24229.packet.reregistration "$tmp/sa.pcap.end" >"$tmp/end-ign.json" 2>/dev/null
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["inputs"][0]["end_findings"] == [] and d["summary"]["ignored"] >= 1' "$tmp/end-ign.json" && ok || bad "the end of a capture: --ignore leaves it out"
"$imsreg" decode --json "$tmp/sa.pcap.due" >"$tmp/due.json" 2>/dev/null
python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["inputs"][0]["end_findings"]; assert len(e) == 1 and "was not renewed by the capture'"'"'s end at 1970-01-01 00:23:20.200000, 100.0 s after its refresh was due" in e[0]["message"] and "200.0 s after the capture'"'"'s end" in e[0]["message"], e' "$tmp/due.json" && ok || bad "the end of a capture: a refresh overdue"
"$imsreg" decode --json "$tmp/sa.pcap.esp" >"$tmp/esp-end.json" 2>/dev/null
python3 -c 'import json,sys; i=json.load(open(sys.argv[1]))["inputs"][0]; e=i["end_findings"]; assert i["capture_read"]["encrypted"] == 1 and len(e) == 1 and "the refresh may be among them" in e[0]["message"], e' "$tmp/esp-end.json" && ok || bad "the end of a capture: encrypted ESP may hide the refresh"
"$imsreg" decode --json "$ex6" >"$tmp/end-text.json" 2>/dev/null
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["inputs"][0]["end_findings"] == []' "$tmp/end-text.json" && ok || bad "the end of a capture: a paste has none"
"$imsreg" decode --json "$tmp/sa.pcap.dup" >"$tmp/dup.json" 2>/dev/null
python3 -c 'import json,sys; i=json.load(open(sys.argv[1]))["inputs"][0]; c=i["capture_read"]; assert (c["packets"], c["messages"], c["duplicates"], c["duplicate_frame"], c["duplicate_of"]) == (3, 2, 1, 2, 1) and [m["frame"] for m in i["messages"]] == [1, 3] and not [f for m in i["messages"] for f in m["findings"] if f["id"] == "rfc3261.packet.retransmission"], (c, i["messages"])' "$tmp/dup.json" && ok || bad "a capture: a UDP packet seen twice at once is one message"
"$imsreg" decode --brief --no-color "$tmp/sa.pcap.dup" >"$tmp/dup.out" 2>&1
has "a capture: the packet seen twice is said" "$tmp/dup.out" "1 UDP packet(s) seen twice, left out (frame 2 repeats frame 1: the same bytes between the same addresses and ports within 100 ms"
# the same as tcpdump -A's text: the copy left out as a repair of the paste
tcpdump -nn -A -r "$tmp/sa.pcap.dup" 2>/dev/null | "$imsreg" decode --json - >"$tmp/dup-td.json" 2>/dev/null
python3 -c 'import json,sys; i=json.load(open(sys.argv[1]))["inputs"][0]; r=[x for x in i["repairs"] if x["what"].startswith("left out a copy of the message before it")]; assert len(i["messages"]) == 2 and len(r) == 1 and not [f for m in i["messages"] for f in m["findings"] if f["id"] == "rfc3261.packet.retransmission"], (len(i["messages"]), i["repairs"])' "$tmp/dup-td.json" && ok || bad "tcpdump text: a UDP packet seen twice at once is one message"
"$imsreg" decode --json "$tmp/sa.pcap.nr" >"$tmp/nr.json" 2>/dev/null
python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["inputs"][0]["end_findings"]; assert len(e) == 1 and "expired at 1970-01-01 00:26:40.200000, 100.0 s before the capture'"'"'s end at 1970-01-01 00:28:20.200000, though the UE renewed it: no 2xx answered its REGISTER (CSeq 3, frame 3) at 1970-01-01 00:21:40.200000, 300.0 s before the expiry. The last final response to a REGISTER of it was a 401 (CSeq 3, frame 4)" in e[0]["message"] and "The 2xx (CSeq 2, frame 2)" in e[0]["message"] and "did not answer the challenge" in e[0]["message"], e' "$tmp/nr.json" && ok || bad "the end of a capture: a refresh challenged and never answered lapses"
"$imsreg" decode --json "$tmp/sa.pcap.rt" >"$tmp/rt.json" 2>/dev/null
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["inputs"][0]["messages"]; ids=[[f["id"] for f in x["findings"] if ".packet." in f["id"]] for x in m]; assert ids == [[], ["rfc3261.packet.retransmission"], ["rfc3261.packet.response-delay"]], ids' "$tmp/rt.json" && ok || bad "packet rules: a retransmission, a slow 401"

# the same captures as tcpdump's text (-nn, with the times of -tttt, -tt,
# -vv): the packet lines say where and when, so the packet rules find what
# they find in the capture files; without -n the ports are names: none run
for f in sa.pcap sa.pcap.rt sa.pcap.pair sa.pcap.rr; do
	"$imsreg" decode --json "$tmp/$f" >"$tmp/pk-cap.json" 2>/dev/null
	for o in "-nn -A" "-nn -tttt -A" "-nn -tt -X" "-nn -vv -A"; do
		tcpdump $o -r "$tmp/$f" 2>/dev/null | "$imsreg" decode --json - >"$tmp/pk-td.json" 2>/dev/null
		python3 -c 'import json,sys; f=lambda p: [sorted(g["id"] for g in m["findings"] if ".packet." in g["id"]) for m in json.load(open(p))["inputs"][0]["messages"]]; a=f(sys.argv[1]); b=f(sys.argv[2]); assert a == b and any(a), (a, b)' "$tmp/pk-td.json" "$tmp/pk-cap.json" && ok || bad "tcpdump $o text of $f: the packet rules find what they find in the capture"
	done
done
# sngrep's Save as .txt of the same: its header line says where and when,
# the message's top Via the transport (the line does not say it)
sngrep_txt() {
	python3 - "$1" <<'PY'
import datetime, struct, sys
d = open(sys.argv[1], "rb").read()
o, out = 24, []
while o + 16 <= len(d):
    sec, usec, cap, _ = struct.unpack("<IIII", d[o:o + 16])
    p = d[o + 16:o + 16 + cap]
    o += 16 + cap
    ip = p[14:]
    if ip[9] != 17:
        continue
    sp, dp = struct.unpack("!HH", ip[20:24])
    t = datetime.datetime.fromtimestamp(sec, datetime.timezone.utc)
    out.append("%s.%06d %s:%d -> %s:%d\n%s\n\n" % (t.strftime("%Y/%m/%d %H:%M:%S"), usec, ".".join(map(str, ip[12:16])), sp,
                                                   ".".join(map(str, ip[16:20])), dp, ip[28:].decode("latin-1")))
sys.stdout.write("".join(out))
PY
}
for f in sa.pcap sa.pcap.rt sa.pcap.pair sa.pcap.rr; do
	"$imsreg" decode --json "$tmp/$f" >"$tmp/pk-cap.json" 2>/dev/null
	sngrep_txt "$tmp/$f" | "$imsreg" decode --json - >"$tmp/pk-sg.json" 2>/dev/null
	python3 -c 'import json,sys; f=lambda p: [sorted(g["id"] for g in m["findings"] if ".packet." in g["id"]) for m in json.load(open(p))["inputs"][0]["messages"]]; a=f(sys.argv[1]); b=f(sys.argv[2]); assert a == b and any(a), (a, b)' "$tmp/pk-sg.json" "$tmp/pk-cap.json" && ok || bad "sngrep text of $f: the packet rules find what they find in the capture"
done
# a top Via that names TCP: no check of UDP's ports (the OPTIONS's Via
# port in .pair is not judged), the other packet rules as before
"$imsreg" decode --json "$tmp/sa.pcap.pair" >"$tmp/pk-cap.json" 2>/dev/null
sngrep_txt "$tmp/sa.pcap.pair" | sed 's|^Via: SIP/2.0/UDP|Via: SIP/2.0/TCP|' | "$imsreg" decode --json - >"$tmp/pk-sg.json" 2>/dev/null
python3 -c 'import json,sys; f=lambda p: [sorted(g["id"] for g in m["findings"] if ".packet." in g["id"]) for m in json.load(open(p))["inputs"][0]["messages"]]; a=f(sys.argv[1]); b=f(sys.argv[2]); b=[[i for i in x if i != "rfc3261.packet.via-source"] for x in b]; assert a == b and any(a), (a, b)' "$tmp/pk-sg.json" "$tmp/pk-cap.json" && ok || bad "sngrep text whose top Via names TCP: the UDP port rules do not run"
# ngrep -t's text of the same, in each of its layouts (-W byline, its
# default -W normal, -W single, -W none): its packet header says where
# and when (local time: TZ fixed)
for f in sa.pcap sa.pcap.rt sa.pcap.pair sa.pcap.rr; do
	"$imsreg" decode --json "$tmp/$f" >"$tmp/pk-cap.json" 2>/dev/null
	for w in byline normal single none; do
		TZ=UTC ngrep -I "$tmp/$f" -t -q -W $w 2>/dev/null | "$imsreg" decode --json - >"$tmp/pk-ng.json" 2>/dev/null
		python3 -c 'import json,sys; f=lambda p: [sorted(g["id"] for g in m["findings"] if ".packet." in g["id"]) for m in json.load(open(p))["inputs"][0]["messages"]]; a=f(sys.argv[1]); b=f(sys.argv[2]); assert a == b and any(a), (a, b)' "$tmp/pk-ng.json" "$tmp/pk-cap.json" && ok || bad "ngrep -W $w text of $f: the packet rules find what they find in the capture"
	done
done
# tshark -P -x: its summary line gives the frame and the time (-t r, its
# default, -t ad, -t a), the hex dump's headers the addresses and ports
for f in sa.pcap sa.pcap.rt sa.pcap.pair sa.pcap.rr; do
	"$imsreg" decode --json "$tmp/$f" >"$tmp/pk-cap.json" 2>/dev/null
	for t in r ad a; do
		tshark -r "$tmp/$f" -t $t -P -x 2>/dev/null | "$imsreg" decode --json - >"$tmp/pk-ts.json" 2>/dev/null
		python3 -c 'import json,sys; f=lambda p: [sorted(g["id"] for g in m["findings"] if ".packet." in g["id"]) for m in json.load(open(p))["inputs"][0]["messages"]]; a=f(sys.argv[1]); b=f(sys.argv[2]); assert a == b and any(a), (a, b)' "$tmp/pk-ts.json" "$tmp/pk-cap.json" && ok || bad "tshark -t $t -P -x of $f: the packet rules find what they find in the capture"
	done
done
tshark -r "$tmp/sa.pcap.rt" -P -x 2>/dev/null | "$imsreg" decode --json - >"$tmp/pk-ts.json" 2>/dev/null
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["inputs"][0]["messages"]; g=[x for x in m[2]["findings"] if x["id"] == "rfc3261.packet.response-delay"]; assert g and "2600 ms" in g[0]["message"], g' "$tmp/pk-ts.json" && ok || bad "tshark -P -x: the response's delay from the summary lines' times"
# times that go back (-t d's since the packet before, which have -t r's
# shape, or a clock set back): none is taken, no packet rule runs
tshark -r "$tmp/sa.pcap.rt" -P -x 2>/dev/null | sed 's/^\( *3 \+\)2\.600000/\10.100000/' >"$tmp/ts-back.txt"
grep -q '^ *3 *0\.100000 ' "$tmp/ts-back.txt" && ok || bad "tshark -P -x: the third time set back"
"$imsreg" decode --json "$tmp/ts-back.txt" >"$tmp/pk-ts.json" 2>/dev/null
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["inputs"][0]["messages"]; assert len(m) == 3 and not any(".packet." in g["id"] for x in m for g in x["findings"]), m' "$tmp/pk-ts.json" && ok || bad "tshark -P -x whose times go back: no packet rule"
# a packet line that says where but not when (tshark -x's hex dump and the
# line written from its headers, tcpdump -ttt's time since the packet
# before, ngrep without -t): the rules of addresses and ports find what
# they find in the capture, the rules of time do not run; SIPp's log
# says when and not where: the rules of time do
for f in sa.pcap sa.pcap.rt sa.pcap.pair sa.pcap.rr; do
	"$imsreg" decode --json "$tmp/$f" >"$tmp/pk-cap.json" 2>/dev/null
	for src in "tshark -x" "tcpdump -ttt" "ngrep"; do
		case $src in
		tshark*) tshark -r "$tmp/$f" -x 2>/dev/null ;;
		tcpdump*) tcpdump -ttt -nn -A -r "$tmp/$f" 2>/dev/null ;;
		ngrep) ngrep -I "$tmp/$f" -q -W byline 2>/dev/null ;;
		esac | "$imsreg" decode --json - >"$tmp/pk-w.json" 2>/dev/null
		python3 -c 'import json,sys; timed={"rfc3261.packet.retransmission","rfc3261.packet.response-delay","ts24229.packet.reregistration"}; f=lambda p: [sorted(g["id"] for g in m["findings"] if ".packet." in g["id"]) for m in json.load(open(p))["inputs"][0]["messages"]]; a=f(sys.argv[1]); b=[[i for i in x if i not in timed] for x in f(sys.argv[2])]; assert a == b, (a, b)' "$tmp/pk-w.json" "$tmp/pk-cap.json" && ok || bad "$src of $f (where, not when): the rules of addresses find what they find in the capture, no rule of time"
	done
done
"$imsreg" decode --json "$tmp/sa.pcap.sipp" >"$tmp/pk-sipp.json" 2>/dev/null
"$imsreg" decode --json "$tmp/sa.pcap.rt" >"$tmp/pk-cap.json" 2>/dev/null
python3 -c 'import json,sys; f=lambda p: [sorted(g["id"] for g in m["findings"] if ".packet." in g["id"]) for m in json.load(open(p))["inputs"][0]["messages"]]; a=f(sys.argv[1]); b=f(sys.argv[2]); assert a == b and any(a), (a, b)' "$tmp/pk-sipp.json" "$tmp/pk-cap.json" && ok || bad "SIPp's -trace_msg log (when, not where): the rules of time find what they find in the capture"
# a log's time stamps say when each message was logged: the rules of time
# run (those that count milliseconds only when the stamps have a
# fraction), none of addresses
for f in sa.pcap.rt.sofia sa.pcap.rt.k8s sa.pcap.rr.syslog; do
	"$imsreg" decode --json "$tmp/${f%.*}" >"$tmp/pk-cap.json" 2>/dev/null
	"$imsreg" decode --json "$tmp/$f" >"$tmp/pk-log.json" 2>/dev/null
	python3 -c 'import json,sys; f=lambda p: [sorted(g["id"] for g in m["findings"] if ".packet." in g["id"]) for m in json.load(open(p))["inputs"][0]["messages"]]; a=f(sys.argv[1]); b=f(sys.argv[2]); assert a == b and any(a), (a, b)' "$tmp/pk-log.json" "$tmp/pk-cap.json" && ok || bad "$f (a log's time stamps): the rules of time find what they find in the capture"
done
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["inputs"][0]["messages"]; assert m[0]["logged"] == "Nov 21 00:16:40 pcscf kamailio[812]:" and m[0]["packet"] is None, m[0]["logged"]' "$tmp/pk-log.json" && ok || bad "a log's prefix with its time stamp: the message's logged, not its packet"
"$imsreg" decode --json "$tmp/sa.pcap.rt.syslog" >"$tmp/pk-log.json" 2>/dev/null
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["inputs"][0]["messages"]; assert len(m) == 3 and not any(".packet." in g["id"] for x in m for g in x["findings"]), m' "$tmp/pk-log.json" && ok || bad "a log's time stamps to the second: no retransmission or delay counted in milliseconds"
"$imsreg" decode --no-color "$tmp/sa.pcap.rr.syslog" >"$tmp/pk-log.out" 2>&1
has "a log's prefix: shown as logged" "$tmp/pk-log.out" "logged: Nov 21 00:16:40 pcscf kamailio[812]:"
# a tshark export of a capture (a file's, whole) is judged at its end as
# the capture is, its end its last SIP message; tcpdump's text, which may
# be a part copied from a terminal, is not
cap=../shared/corpus/captures/pcap/sngrep-aaa.pcap
"$imsreg" decode --json "$cap" >"$tmp/end-cap.json" 2>/dev/null
for t in "-T json" "-T ek" "-T pdml" "-P -x"; do
	tshark -r "$cap" $t 2>/dev/null | "$imsreg" decode --json - >"$tmp/end-ts.json" 2>/dev/null
	python3 -c 'import json,sys; f=lambda p: [g["id"] for g in json.load(open(p))["inputs"][0]["end_findings"]]; a=f(sys.argv[1]); b=f(sys.argv[2]); assert a == b == ["ts24229.packet.registration"], (a, b)' "$tmp/end-ts.json" "$tmp/end-cap.json" && ok || bad "tshark $t of a capture: judged at its end as the capture is"
done
# tshark -V (Wireshark's packet details as text): each SIP tree's frame,
# Arrival Time, addresses and ports make its packet line; the trees of
# the other protocols are ignored, also a payload tshark did not dissect
# and prints in hex (sngrep-aaa's NetBIOS and Data), which is no -x
tshark -r "$cap" -V 2>/dev/null | "$imsreg" decode --json - >"$tmp/end-ts.json" 2>"$tmp/end-ts.err"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["inputs"][0]; c=json.load(open(sys.argv[2]))["inputs"][0]; m=d["messages"]; assert len(m) == 81 and all(x["packet"].startswith("frame ") for x in m), (len(m), [x["packet"] for x in m][:3]); f=lambda ms: [sorted(g["id"] for g in x["findings"] if ".packet." in g["id"]) for x in ms]; assert f(m) == f(c["messages"]); assert [g["id"] for g in d["end_findings"]] == [g["id"] for g in c["end_findings"]] == ["ts24229.packet.registration"]' "$tmp/end-ts.json" "$tmp/end-cap.json" && ok || bad "tshark -V of a capture: its 81 messages with their frames, the capture's packet and end findings"
[ ! -s "$tmp/end-ts.err" ] && ok || bad "tshark -V of a capture: no other protocol read as SIP ($(head -2 "$tmp/end-ts.err"))"
for f in sa.pcap sa.pcap.rt sa.pcap.pair sa.pcap.rr; do
	"$imsreg" decode --json "$tmp/$f" >"$tmp/pk-cap.json" 2>/dev/null
	tshark -r "$tmp/$f" -V 2>/dev/null | "$imsreg" decode --json - >"$tmp/pk-ts.json" 2>/dev/null
	python3 -c 'import json,sys; f=lambda p: [sorted(g["id"] for g in m["findings"] if ".packet." in g["id"]) for m in json.load(open(p))["inputs"][0]["messages"]]; a=f(sys.argv[1]); b=f(sys.argv[2]); assert a == b and any(a), (a, b)' "$tmp/pk-ts.json" "$tmp/pk-cap.json" && ok || bad "tshark -V of $f: the packet rules find what they find in the capture"
done
# tshark -V -x: the messages from the bytes, each with the line of its
# frame's details when they came just before them (its time, so the rules
# of time), never another frame's
tshark -r "$cap" -V -x 2>/dev/null | "$imsreg" decode --json - >"$tmp/end-ts.json" 2>/dev/null
python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["inputs"][0]; c=json.load(open(sys.argv[2]))["inputs"][0]; m=d["messages"]; assert len(m) == 81 and all(x["packet"].startswith("frame %d " % y["frame"]) for x, y in zip(m, c["messages"])), [x["packet"] for x in m][:3]; f=lambda ms: [sorted(g["id"] for g in x["findings"] if ".packet." in g["id"]) for x in ms]; assert f(m) == f(c["messages"]); assert [g["id"] for g in d["end_findings"]] == ["ts24229.packet.registration"]' "$tmp/end-ts.json" "$tmp/end-cap.json" && ok || bad "tshark -V -x of a capture: each message with its frame's line, the capture's packet and end findings"
for f in ../shared/corpus/captures/pcap/*.pcap; do
	"$imsreg" decode --json "$f" >"$tmp/vx-cap.json" 2>/dev/null
	tshark -r "$f" -V -x 2>/dev/null | "$imsreg" decode --json - >"$tmp/vx.json" 2>/dev/null
	python3 -c 'import json,sys; a=[x["frame"] for x in json.load(open(sys.argv[1]))["inputs"][0]["messages"]]; b=[x["packet"] for x in json.load(open(sys.argv[2]))["inputs"][0]["messages"]]; assert len(a) == len(b) and all(not q.startswith("frame ") or q.split()[1] == str(p) for p, q in zip(a, b)), list(zip(a, b))' "$tmp/vx-cap.json" "$tmp/vx.json" && ok || bad "tshark -V -x of $(basename "$f"): no message with another frame's line"
done
tshark -r "$cap" -T json 2>/dev/null | "$imsreg" decode --brief --no-color - >"$tmp/end-ts.out" 2>&1
has "a tshark export's end: its last SIP message's frame" "$tmp/end-ts.out" "<stdin>, end of the capture (frame 650): 0 error(s), 1 warning(s), 0 info"
tcpdump -nn -A -r "$cap" 2>/dev/null | "$imsreg" decode --json - >"$tmp/end-td.json" 2>/dev/null
python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["inputs"][0]; assert d["end_findings"] == [] and len(d["messages"]) == 81, d["end_findings"]' "$tmp/end-td.json" && ok || bad "tcpdump's text of a capture: not judged at its end"
# ngrep writes an IPv6 address bare, its port after the last ':': the same
# captures with IPv6 addresses (in the messages, bracketed) find the same
for f in sa.pcap.rt sa.pcap.pair; do
	"$imsreg" decode --json "$tmp/$f" >"$tmp/pk-cap.json" 2>/dev/null
	TZ=UTC ngrep -I "$tmp/$f" -t -q -W byline 2>/dev/null |
		sed -e '/^[UT] /s/10\.0\.0\.\([12]\)/2001:db8::\1/g' -e '/^[UT] /!s/10\.0\.0\.\([12]\)/[2001:db8::\1]/g' >"$tmp/ng6.txt"
	grep -q '^U .* 2001:db8::1:[0-9]* -> 2001:db8::2:[0-9]* #' "$tmp/ng6.txt" && ok || bad "ngrep's IPv6 header, as ngrep writes it"
	"$imsreg" decode --json "$tmp/ng6.txt" >"$tmp/pk-ng.json" 2>/dev/null
	python3 -c 'import json,sys; f=lambda p: [sorted(g["id"] for g in m["findings"] if ".packet." in g["id"]) for m in json.load(open(p))["inputs"][0]["messages"]]; a=f(sys.argv[1]); b=f(sys.argv[2]); assert a == b and any(a), (a, b)' "$tmp/pk-ng.json" "$tmp/pk-cap.json" && ok || bad "ngrep text of $f over IPv6: the packet rules find what they find over IPv4"
done
for o in -ttt -ttttt; do
	tcpdump -nn $o -A -r "$tmp/sa.pcap.rt" 2>/dev/null | "$imsreg" decode --json - >"$tmp/pk-delta.json" 2>/dev/null
	python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["inputs"][0]["messages"]; assert len(m) == 3 and m[0]["packet"].startswith(" 00:00:00.000000 IP ") and not any(".packet." in g["id"] for x in m for g in x["findings"]), [x["packet"] for x in m]' "$tmp/pk-delta.json" && ok || bad "tcpdump $o (times since another packet): every message read, no rule of time (the capture's retransmission and delay)"
done
tcpdump -A -r "$tmp/sa.pcap.rt" 2>/dev/null | "$imsreg" decode --json - >"$tmp/pk-names.json" 2>/dev/null
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["inputs"][0]["messages"]; assert len(m) == 3 and not any(".packet." in g["id"] for x in m for g in x["findings"]) and "10.0.0.2.sip: " in m[0]["packet"], m[0]["packet"]' "$tmp/pk-names.json" && ok || bad "tcpdump -A without -n (port names): no packet rule"
"$imsreg" decode --json "$tmp/sa.pcap" >"$tmp/sa.json" 2>/dev/null
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["inputs"][0]["messages"]; ids=[[f["id"] for f in x["findings"] if ".packet." in f["id"]] for x in m]; assert ids == [["ts33203.packet.sa-ports"], ["rfc3261.packet.via-source", "rfc3261.packet.retransmission"]], ids' "$tmp/sa.json" && ok || bad "packet rules: sa-ports in frame 1, via-source in frame 2"
"$imsreg" decode --json "$tmp/sa.txt" >"$tmp/sa-text.json" 2>/dev/null
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["inputs"][0]["messages"]; assert m and not [f for f in m[0]["findings"] if ".packet." in f["id"]]' "$tmp/sa-text.json" && ok || bad "packet rules: not for pasted text"
# a capture cut inside a packet: the packets before it are read, and it is said
head -c 60000 "$pcap" >"$tmp/cut.pcap"
"$imsreg" decode --summary --no-color "$tmp/cut.pcap" >"$tmp/cut.out" 2>&1
has "a cut pcap: said" "$tmp/cut.out" "the file ends early: "
grep -q "message(s), 0 not parseable" "$tmp/cut.out" && ok || bad "a cut pcap: the messages before the cut"

# --severity: the findings of the rules named take that severity (the last
# matching option wins) for the report, the counts and the exit status; the
# rule book's own severity is said beside it; --ignore wins over it
expect_rc 0 "--severity: every error rule of ex6 a warning" "$imsreg" decode --json --severity "$errs=warning" "$ex6"
python3 - "$tmp/ign0.json" "$tmp/out" "$errs" <<'PY' && ok || bad "--severity: what changes and what is counted"
import json, sys
a, b, ids = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), set(sys.argv[3].split(","))
fa = [f for i in a["inputs"] for m in i["messages"] for f in m["findings"]]
fb = [f for i in b["inputs"] for m in i["messages"] for f in m["findings"]]
assert [f["id"] for f in fa] == [f["id"] for f in fb]
for x, y in zip(fa, fb):
    if x["id"] in ids:
        assert y["severity"] == "warning" and y["rule_severity"] == "error", y
    else:
        assert x == y and "rule_severity" not in y, (x, y)
assert b["summary"]["errors"] == 0 and b["summary"]["warnings"] == a["summary"]["warnings"] + a["summary"]["errors"]
assert b["severity"] == [{"rules": r, "severity": "warning"} for r in sys.argv[3].split(",")], b["severity"]
assert a["severity"] == [] and b["exit_status"] == 0
PY
expect_rc 1 "--severity: the last match wins" "$imsreg" decode --brief --no-color --severity 'ir92.*=error' --severity=ir92.contact.smsip=info "$bench/a_register_basic.sip"
has "--severity: a warning made an error, said so" "$tmp/out" "error   ir92.contact.instance  line 9  Contact  (warning in the rule book)"
has "--severity: the later, narrower option wins" "$tmp/out" "info    ir92.contact.smsip  line 9  Contact"
hasnt "--severity: the later option restores the book's severity" "$tmp/out" "smsip  line 9  Contact  ("
expect_rc 0 "--severity: --ignore wins" "$imsreg" decode --brief --no-color --severity 'ir92.*=error' --ignore 'ir92.*' --severity ts24229.register.supported-path=info "$bench/a_register_basic.sip"
hasnt "--severity: --ignore wins" "$tmp/out" "ir92."
expect_rc 2 "--severity without a level" "$imsreg" decode --severity 'ir92.*' "$ex6"
expect_rc 2 "--severity with no such level" "$imsreg" decode --severity 'ir92.*=fatal' "$ex6"
has "--severity with no such level" "$tmp/err" "'fatal' is no level"
expect_rc 2 "--severity of no rule" "$imsreg" decode --severity 'ir93.*=info' "$ex6"

# --only: the findings of these rules only, and only the messages with one
kt=tests/data/paste/kubectl-timestamps.log
expect_rc 1 "--only" "$imsreg" decode --brief --no-color --only 'rfc3329.flow.*' "$kt"
[ "$(grep -c "^$kt:[0-9]*: " "$tmp/out")" = 1 ] && ok || bad "--only: one message shown"
has "--only: its finding" "$tmp/out" "error   rfc3329.flow.security-verify  line 45"
hasnt "--only: no other rule" "$tmp/out" "ts23003."
has "--only: the others counted as left out" "$tmp/out" "left out by --ignore/--only)"
expect_rc 0 "--only a rule that does not fire" "$imsreg" decode --brief --no-color --only rfc5627.contact.gruu "$kt"
grep -q "^$kt:[0-9]*: " "$tmp/out" && bad "--only: a message without its findings shown" || ok
expect_rc 0 "--only: --ignore wins" "$imsreg" decode --brief --no-color --only 'rfc3329.*' --ignore rfc3329.flow.security-verify "$kt"
"$imsreg" decode --json --only 'rfc3329.flow.*,ts23003.*' "$kt" >"$tmp/only.json" 2>/dev/null
python3 - "$tmp/only.json" <<'PY' && ok || bad "--only --json: the list, the messages with such findings"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["only"] == ["rfc3329.flow.*", "ts23003.*"], d["only"]
ms = d["inputs"][0]["messages"]
assert ms and all(m["findings"] for m in ms), "messages without a finding left out"
assert all(f["id"].startswith(("rfc3329.flow.", "ts23003.")) for m in ms for f in m["findings"])
assert d["summary"]["messages"] == 5 and len(ms) < 5
PY
expect_rc 2 "--only of no rule" "$imsreg" decode --only ir93.x "$kt"

# --profile: --ignore and --severity saved in a file
cat >"$tmp/lab.profile" <<'EOF2'
# our lab: no IR.92 device checks, sec-agree is not used
ignore ir92.*

   severity ts24229.register.supported-path=info   
severity rfc3261.*,ts24229.register.dereg-unprotected=warning
EOF2
expect_rc 0 "--profile" "$imsreg" decode --brief --no-color --profile "$tmp/lab.profile" "$bench/a_register_basic.sip"
hasnt "--profile: ignore" "$tmp/out" "ir92."
has "--profile: severity" "$tmp/out" "info    ts24229.register.supported-path  line 1  (error in the rule book)"
printf '# triage\nonly rfc3329.flow.*\n' >"$tmp/only.profile"
expect_rc 1 "--profile: only" "$imsreg" decode --brief --no-color --profile "$tmp/only.profile" "$kt"
[ "$(grep -c "^$kt:[0-9]*: " "$tmp/out")" = 1 ] && ok || bad "--profile: only, one message shown"
printf 'ignore ir92.*\nsevere ir92.*=info\n' >"$tmp/bad.profile"
expect_rc 2 "--profile with a bad directive" "$imsreg" decode --profile "$tmp/bad.profile" "$ex6"
has "--profile with a bad directive: file and line" "$tmp/err" "bad.profile:2: 'severe' is no directive"
printf 'severity ir92.contact.smsipp=info\n' >"$tmp/bad.profile"
expect_rc 2 "--profile naming no rule" "$imsreg" decode --profile="$tmp/bad.profile" "$ex6"
has "--profile naming no rule: file and line" "$tmp/err" "bad.profile:1: --severity: no rule is 'ir92.contact.smsipp'"
expect_rc 2 "--profile of no file" "$imsreg" decode --profile "$tmp/none.profile" "$ex6"

# Bytes a terminal would act on or cannot show: the text output writes the
# input's as \xHH (a Latin-1 display name, an escape sequence in a log, a
# lone CR) and characters that act or hide (a C1 control, the bidi
# controls of "Trojan Source") as \uXXXX, and only decode's own colour
# sequences raw, on a pipe and on a terminal (script(1) gives one);
# rfc3261.msg.utf8 reads the Latin-1 text; JSON keeps its escapes and
# escapes those characters too; the caret under an error on stderr stands
# under the byte named after UTF-8 and such bytes, one '?' a character.
printf 'REGISTER sip:ims.example.com SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKy\r\nMax-Forwards: 70\r\nFrom: "Jos\xe9 M\xfcller" <sip:a@ims.example.com>;tag=1\r\nTo: "\xe2\x80\xaemoc.knab\xe2\x80\xac \xe2\x81\xa7x\xe2\x81\xa9\xe2\x80\x8f" <sip:a@ims.example.com>\r\nCall-ID: abc\r\nCSeq: 2 REGISTER\r\nX-Note: \033]0;owned\007\033[2J \xc2\x9b1m a\rb\xff\r\nContact: <sip:a@10.0.0.1>\r\nContent-Length: 0\r\n\r\n' >"$tmp/bytes.sip"
expect_rc 1 "bytes: decoded" "$imsreg" decode --no-color "$tmp/bytes.sip"
has "bytes: a Latin-1 display name as \\xHH" "$tmp/out" 'display name: "Jos\xE9 M\xFCller"'
has "bytes: an escape sequence as \\xHH, a C1 control as \\u" "$tmp/out" 'X-Note: \x1B]0;owned\x07\x1B[2J \u009B1m a b\xFF'
has "bytes: bidi overrides and isolates as \\u" "$tmp/out" 'display name: "\u202Emoc.knab\u202C \u2067x\u2069\u200F"'
LC_ALL=C grep -q $'\xe2\x80[\x8e\x8f\xa8-\xae]\|\xe2\x81[\xa6-\xa9]' "$tmp/out" && bad "bytes: a bidi control in the text output" || ok
has "bytes: an extension header's bytes read by its name" "$tmp/out" 'X-Note: 1 byte that is not UTF-8, the first 0xFF'
has "bytes: the finding reads the text as Latin-1" "$tmp/out" 'From: 2 bytes that are not UTF-8, the first 0xE9: SIP'"'"'s text is UTF-8 (RFC 3261 §25.1). Read as ISO-8859-1 (Latin-1) it says "José Müller"'
LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$tmp/out" && bad "bytes: a control byte in the text output" || ok
iconv -f UTF-8 -t UTF-8 "$tmp/out" >/dev/null 2>&1 && ok || bad "bytes: the text output is not UTF-8"
script -qec "'$imsreg' decode '$tmp/bytes.sip'" /dev/null >"$tmp/tty.txt" 2>&1 </dev/null
has "bytes on a terminal: decode's colours" "$tmp/tty.txt" $'\033[1;31merror'
has "bytes on a terminal: the input's escapes as \\xHH" "$tmp/tty.txt" ': \x1B]0;owned\x07\x1B[2J'
LC_ALL=C grep -q $'\033\\]' "$tmp/tty.txt" && bad "bytes on a terminal: the input's OSC written raw" || ok
"$imsreg" decode --json "$tmp/bytes.sip" >"$tmp/bytes.json" 2>/dev/null
json "$tmp/bytes.json" 'h=[x for x in d["inputs"][0]["messages"][0]["headers"] if x["name"]=="From"][0]; assert "Jos\u00e9 M\u00fcller" in h["value"], h["value"]' && ok || bad "bytes: JSON's Latin-1 reading of a byte that is not UTF-8"
json "$tmp/bytes.json" 'h=[x for x in d["inputs"][0]["messages"][0]["headers"] if x["name"]=="To"][0]; assert h["value"].startswith("\"\u202emoc.knab\u202c \u2067x\u2069\u200f\""), h["value"]' && ok || bad "bytes: JSON keeps the bidi controls' code points"
has "bytes: JSON escapes bidi controls" "$tmp/bytes.json" '"\"\u202emoc.knab\u202c \u2067x\u2069\u200f\" <sip:a@ims.example.com>"'
has "bytes: JSON escapes a C1 control" "$tmp/bytes.json" '\u009b1m'
printf 'REGISTER sip:ims.example.com SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKy\r\nFr\xc3\xa9\x1b\xe9\xc2\x9b\xe2\x80\xaem: x\r\n\r\n' >"$tmp/caret.sip"
expect_rc 2 "bytes: a bad name after UTF-8 and such bytes" "$imsreg" decode --strict "$tmp/caret.sip"
has "bytes: the line shown, one ? a character" "$tmp/err" $'  Fr\xc3\xa9????m: x'
has "bytes: the caret under the byte named" "$tmp/err" $'\n    ^' 2>/dev/null
python3 - "$tmp/err" <<'PY' && ok || bad "bytes: the caret stands under the byte named"
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
i = [k for k, l in enumerate(lines) if l.startswith("  Fr")][0]
assert lines[0].endswith(":3:3: expected ':' after the header field name"), lines[0]
assert lines[i + 1] == "    ^", repr(lines[i + 1])
PY

# A third-party REGISTER (TS 24.229 §5.4.1.7): its multipart body is split
# (RFC 2046 §5.1.1), the service-info XML shown, and each message/sip part
# decoded as a message, with lines of the user's file; JSON has the parts
# and the carried messages; a cut body and a carried message that does not
# parse are said, not fatal.
tp=tests/data/third-party/register-multipart.sip
expect_rc 0 "third-party REGISTER: decoded" "$imsreg" decode --no-color "$tp"
has "third-party REGISTER: said as such" "$tmp/out" 'a third-party REGISTER: the S-CSCF (sip:scscf.ims.mnc001.mcc001.3gppnetwork.org) tells the application server (sip:mmtel-as.ims.mnc001.mcc001.3gppnetwork.org) that sip:+15551234567@ims.mnc001.mcc001.3gppnetwork.org is registered for 600000 s'
has "third-party REGISTER: the carried REGISTER judged" "$tmp/out" 'findings of the carried message (not counted in the summary)'
has "third-party REGISTER: a carried finding, line of the file" "$tmp/out" 'ts23003.imsi.test-plmn  line 29  To'
has "third-party REGISTER: the summary its own" "$tmp/out" 'summary: 0 error(s), 0 warning(s), 1 info, 0 part(s) not decodable'
for rule in ts24229.register.authorization ts24229.register.supported-path ts24229.register.pani-present \
	ir92.contact.instance ts24229.register.from-to ts24229.register.ruri-home-domain ts23003.identity.domain-format; do
	hasnt "third-party REGISTER: no UE rule $rule" "$tmp/out" "$rule"
done
has "third-party REGISTER: the parts" "$tmp/out" 'multipart/mixed: 3 part(s), boundary "boundary42"'
has "third-party REGISTER: the service info part" "$tmp/out" 'part 1 (line 15): application/3gpp-ims+xml, 120 bytes'
has "third-party REGISTER: the service info text" "$tmp/out" '| <ims-3gpp version="1"><service-info>mmtel-profile=gold</service-info></ims-3gpp>'
has "third-party REGISTER: the UE's REGISTER carried" "$tmp/out" 'carried message (line 22): REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0'
has "third-party REGISTER: the carried PANI's cell, line of the file" "$tmp/out" 'P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0010100010019B01  [line 35]'
has "third-party REGISTER: the carried ECI" "$tmp/out" 'ECI: 105217  (0x19b01)'
has "third-party REGISTER: the carried IMEI" "$tmp/out" 'TAC: 35209900'
has "third-party REGISTER: the carried 200 OK" "$tmp/out" 'carried message (line 45): SIP/2.0 200 OK'
has "third-party REGISTER: what message/sip is there" "$tmp/out" 'IncludeRegisterRequest, IncludeRegisterResponse'
"$imsreg" decode --json "$tp" >"$tmp/tp.json" 2>/dev/null
json "$tmp/tp.json" 'b=d["inputs"][0]["messages"][0]["body"]; p=b["parts"]; assert [x["content_type"] for x in p]==["application/3gpp-ims+xml","message/sip","message/sip"], p; assert b["parts_error"] is None and b["message"] is None; m=p[1]["message"]; assert m["line"]==22 and m["method"]=="REGISTER" and p[1]["message_error"] is None; h=[x for x in m["headers"] if x["name"]=="P-Access-Network-Info"][0]; assert h["line"]==35, h["line"]; assert p[2]["message"]["status"]==200 and p[0]["message"] is None and p[0]["line"]==15; f=m["findings"]; assert [x["id"] for x in f]==["ts23003.impu.temporary","ts23003.imsi.test-plmn","rfc7254.imei.check-digit"], f; assert f[0]["line"]==29 and f[2]["line"]==32 and f[2]["header"]=="Contact"; assert p[2]["message"]["findings"]==[]; s=d["inputs"][0]["messages"][0]["summary"]; assert s["infos"]==1 and s["warnings"]==0, s' && ok || bad "third-party REGISTER: JSON parts and carried messages"
expect_rc 0 "third-party REGISTER, message/sip body: decoded" "$imsreg" decode --no-color tests/data/third-party/register-message-sip.sip
has "message/sip body: the carried REGISTER" "$tmp/out" 'carried message (line 14): REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0'
python3 - "$tp" "$tmp" <<'PY'
import re, sys
src = open(sys.argv[1], "rb").read().decode()
def fix(text):
    head, body = text.split("\r\n\r\n", 1)
    return re.sub(r"Content-Length: \d+", "Content-Length: %d" % len(body), head, 1) + "\r\n\r\n" + body
open(sys.argv[2] + "/tp-cut.sip", "w").write(fix(src.replace("\r\n--boundary42--\r\n", "\r\n")))
open(sys.argv[2] + "/tp-bad.sip", "w").write(src.replace("SIP/2.0 200 OK\r\n", "SIP/2.0 2x0 OK\r\n"))
PY
sed '9s/^Expires: 600000/Expires: 3600/' "$tp" >"$tmp/tp-exp.sip"
expect_rc 0 "third-party REGISTER, another expiry: decoded" "$imsreg" decode --no-color "$tmp/tp-exp.sip"
has "third-party REGISTER, another expiry: said" "$tmp/out" 'expiry 3600 s, but the 200 OK carried granted 600000 s'
has "third-party REGISTER, another expiry: its line" "$tmp/out" 'ts24229.third-party.carried  line 9  Expires'
expect_rc 1 "third-party REGISTER cut: decoded, an error" "$imsreg" decode --no-color "$tmp/tp-cut.sip"
has "third-party REGISTER cut: the finding" "$tmp/out" 'error   rfc5621.body.multipart  line 59'
has "third-party REGISTER cut: the parts before the end" "$tmp/out" 'multipart/mixed: 3 part(s)'
has "third-party REGISTER cut: said" "$tmp/out" 'the multipart body does not split: no closing boundary line'
expect_rc 1 "carried message that does not parse: decoded, an error" "$imsreg" decode --no-color "$tmp/tp-bad.sip"
has "carried message that does not parse: the finding" "$tmp/out" 'error   rfc3261.body.message-sip  line 45'
has "carried message that does not parse: said with its place" "$tmp/out" 'the carried message does not parse: Status-Code must be three digits, 100 to 699  [line 45, column 9]'

# The carried messages' findings are counted apart, but not hidden: the
# message's summary, --brief, --only, the run's totals and JSON say them;
# an error in a carried message is not the carrying message's exit status.
expect_rc 0 "carried counts: decoded" "$imsreg" decode --no-color "$tp"
has "carried counts: the message's summary" "$tmp/out" 'carried in the body: 2 message(s): 0 error(s), 0 warning(s), 3 info, not counted above'
expect_rc 0 "carried, --brief: decoded" "$imsreg" decode --no-color --brief "$tp"
has "carried, --brief: the counts on the line" "$tmp/out" '| 0 error(s), 0 warning(s), 1 info | carried: 2 message(s), 0 error(s), 0 warning(s), 3 info'
has "carried, --brief: the carried REGISTER" "$tmp/out" '  carried message (line 22): REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0'
has "carried, --brief: its findings under it" "$tmp/out" '    info    ts23003.imsi.test-plmn  line 29  To'
hasnt "carried, --brief: the 200 without findings left out" "$tmp/out" 'carried message (line 45)'
expect_rc 0 "carried, --only a carried rule: decoded" "$imsreg" decode --no-color --brief --only 'ts23003.imsi.*' "$tp"
has "carried, --only a carried rule: the message shown" "$tmp/out" '| 0 error(s), 0 warning(s), 0 info (1 ignored) | carried: 2 message(s), 0 error(s), 0 warning(s), 1 info'
has "carried, --only a carried rule: its finding" "$tmp/out" 'ts23003.imsi.test-plmn  line 29  To'
hasnt "carried, --only a carried rule: the others left out" "$tmp/out" 'rfc7254.imei.check-digit'
expect_rc 0 "carried, --only another rule: decoded" "$imsreg" decode --no-color --brief --only 'rfc3261.msg.*' "$tp"
hasnt "carried, --only another rule: no message shown" "$tmp/out" 'REGISTER'
expect_rc 0 "carried, --summary of two: decoded" "$imsreg" decode --no-color --summary "$tp" tests/data/third-party/register-message-sip.sip
has "carried, --summary: the run's totals" "$tmp/out" '2 message(s), 0 not parseable: 0 error(s), 0 warning(s), 2 info'
has "carried, --summary: the carried totals" "$tmp/out" 'carried in bodies: 3 message(s): 0 error(s), 0 warning(s), 6 info, not counted above'
has "carried, --summary: by rule, apart" "$tmp/out" 'by rule in the carried messages:'
has "carried, --summary: a carried rule and where" "$tmp/out" "     2  info    ts23003.imsi.test-plmn  first at $tp:29, tests/data/third-party/register-message-sip.sip:21"
"$imsreg" decode --json --summary "$tp" tests/data/third-party/register-message-sip.sip >"$tmp/tps.json" 2>/dev/null
json "$tmp/tps.json" 's=d["summary"]; c=s["carried"]; assert (s["infos"], s["errors"]) == (2, 0), s; assert (c["messages"], c["infos"], c["errors"], c["ignored"]) == (3, 6, 0, 0), c; r={x["id"]: x for x in c["by_rule"]}; assert r["ts23003.imsi.test-plmn"]["count"] == 2 and r["ts23003.imsi.test-plmn"]["first"][0]["line"] == 29, r; assert all(x["id"] != "ts24229.register.third-party" for x in c["by_rule"]); assert d["inputs"][0]["messages"] == []' && ok || bad "carried, --json --summary: counted apart"
"$imsreg" decode --json --brief --only 'ts23003.imsi.*' "$tp" >"$tmp/tpb.json" 2>/dev/null
json "$tmp/tpb.json" 'm=d["inputs"][0]["messages"]; assert len(m) == 1, m; c=m[0]["carried"]; assert [(x["line"], x["start_line"].split()[0], [f["id"] for f in x["findings"]]) for x in c] == [(22, "REGISTER", ["ts23003.imsi.test-plmn"])], c; assert c[0]["findings"][0]["line"] == 29; s=m[0]["summary"]["carried"]; assert (s["messages"], s["infos"], s["ignored"]) == (2, 1, 2), s' && ok || bad "carried, --json --brief --only: the carried findings listed"
json "$tmp/tp.json" 'm=d["inputs"][0]["messages"][0]; assert m["carried"] is None; s=m["summary"]["carried"]; assert (s["messages"], s["errors"], s["warnings"], s["infos"]) == (2, 0, 0, 3), s' && ok || bad "carried, --json: the message's carried counts"
python3 - "$tp" "$tmp/tp-nomf.sip" <<'PY'
import re, sys
src = open(sys.argv[1], "rb").read().decode()
src = src.replace("Max-Forwards: 68\r\n", "", 1)
head, body = src.split("\r\n\r\n", 1)
open(sys.argv[2], "w", newline="").write(re.sub(r"Content-Length: \d+", "Content-Length: %d" % len(body), head, 1) + "\r\n\r\n" + body)
PY
expect_rc 0 "carried error: not the carrying message's exit status" "$imsreg" decode --no-color --brief "$tmp/tp-nomf.sip"
has "carried error: counted on the line" "$tmp/out" '| carried: 2 message(s), 1 error(s), 0 warning(s), 3 info'
has "carried error: listed" "$tmp/out" '    error   rfc3261.msg.mandatory-header  line 22'

# The 3GPP IM CN subsystem XML body (TS 24.229 §7.6) is read: a 504's
# alternative service (restoration: an initial registration is due), a
# third-party REGISTER's service information, each with its file line; a
# document that is not the schema's is a warning.
r504=tests/data/ims-3gpp/504-restoration.sip
expect_rc 0 "504 restoration: decoded" "$imsreg" decode --no-color "$r504"
has "504 restoration: the body read" "$tmp/out" '  3GPP IM CN subsystem XML (TS 24.229 §7.6): version 1'
has "504 restoration: the alternative service, its line" "$tmp/out" '    alternative service: restoration  [line 13]'
has "504 restoration: the action" "$tmp/out" '      action: initial-registration'
has "504 restoration: what it asks" "$tmp/out" 'the UE is to make a new initial registration'
has "504 restoration: the finding" "$tmp/out" 'info    ts24229.alternative-service  line 13'
"$imsreg" decode --json "$r504" >"$tmp/r504.json" 2>/dev/null
json "$tmp/r504.json" 'x=d["inputs"][0]["messages"][0]["body"]["ims_3gpp"]; a=x["alternative_service"]; assert (x["version"], x["error"], x["problem"], x["service_info"]) == ("1", None, None, None), x; assert (a["line"], a["type"], a["reason"], a["action"]) == (13, "restoration", "S-CSCF not reachable", "initial-registration"), a; assert "initial registration" in a["meaning"]' && ok || bad "504 restoration: JSON ims_3gpp"
expect_rc 0 "third-party service info: decoded" "$imsreg" decode --no-color "$tp"
has "third-party service info: the value, its line" "$tmp/out" '      service information: mmtel-profile=gold  [line 18]'
json "$tmp/tp.json" 'p=d["inputs"][0]["messages"][0]["body"]["parts"]; assert p[0]["ims_3gpp"]["service_info"] == {"line": 18, "text": "mmtel-profile=gold"}, p[0]["ims_3gpp"]; assert p[1]["ims_3gpp"] is None and d["inputs"][0]["messages"][0]["body"]["ims_3gpp"] is None' && ok || bad "third-party service info: JSON"
sed 's|<type>restoration</type>|<type>restoration</typo>|' "$r504" >"$tmp/r504-bad.sip"
expect_rc 0 "504 with broken XML: decoded, a warning" "$imsreg" decode --no-color "$tmp/r504-bad.sip"
has "504 with broken XML: said with its line" "$tmp/out" '3GPP IM CN subsystem XML (TS 24.229 §7.6): cannot read it: not well-formed XML: Opening and ending tag mismatch: type line 4 and typo  [line 14]'
has "504 with broken XML: the finding" "$tmp/out" 'warning ts24229.body.ims-3gpp-xml  line 14'

echo "$passed passed, $failed failed"
[ $failed = 0 ]
