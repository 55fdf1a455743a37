#!/usr/bin/env bash
# decode_paste_test.sh IMSREG: `imsreg decode` over pasted text of the kinds
# QA found read wrong: bodies pasted with LF, a Content-Length that does not
# fit the pasted body next to a following message, CR-only and CR CR LF line
# ends, white space after SIP/2.0, a byte order mark, the log formats it
# reads (logcat, escaped line ends, rsyslog #015#012, ngrep, a log prefix
# before the start line or on every line, journalctl's indented entries; a
# start line in prose is pointed at), and the --strict
# framing errors (a missing empty line, bytes after the body). Exit statuses
# and file:line:col as the user's editor counts them.
set -u
imsreg=${1:?usage: decode_paste_test.sh IMSREG}
[ -d ../shared/corpus ] || { echo "FAIL: ../shared/corpus not found (run from the repo root, beside ../shared)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. tests/support/cli_check.sh
expect_decoded() { # WHAT CMD...: exit 0 or 1 (decoded; findings depend on the rule book)
	local what=$1
	shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	local rc=$?
	if [ "$rc" = 0 ] || [ "$rc" = 1 ]; then ok; else bad "$what: exit $rc, want 0 or 1"; sed 's/^/    /' "$tmp/err" | head -5; fi
}

head_lf='REGISTER sip:ims.example.net SIP/2.0
Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-1
From: <sip:alice@ims.example.net>;tag=t1
To: <sip:alice@ims.example.net>
Call-ID: c1@10.0.0.1
CSeq: 1 REGISTER
Contact: <sip:alice@10.0.0.1:5060>
Expires: 600000'
resp_lf='SIP/2.0 401 Unauthorized
Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-1
From: <sip:alice@ims.example.net>;tag=t1
To: <sip:alice@ims.example.net>;tag=s1
Call-ID: c1@10.0.0.1
CSeq: 1 REGISTER
WWW-Authenticate: Digest realm="ims.example.net",nonce="abc"
Content-Length: 0'
body_lf='<?xml version="1.0"?>
<ims-3gpp version="1"><alternative-service><type>restoration</type></alternative-service></ims-3gpp>
'
nbody=$(printf '%s' "$body_lf" | wc -c)
nlines=$(printf '%s' "$body_lf" | grep -c '')

# --- 1. a body pasted with LF whose Content-Length counts CRLF ---
printf '%s\nContent-Type: application/3gpp-ims+xml\nContent-Length: %d\n\n%s' "$head_lf" $((nbody + nlines)) "$body_lf" >"$tmp/lf-body.txt"
expect_decoded "LF body, Content-Length counting CRLF" "$imsreg" decode "$tmp/lf-body.txt"
hasnt "LF body: no false length error" "$tmp/out" "Content-Length says"
has "LF body: the repair is listed" "$tmp/out" "LF line ends in the body changed to CRLF"
# the same body with a Content-Length that fits neither way is reported
printf '%s\nContent-Type: application/3gpp-ims+xml\nContent-Length: %d\n\n%s' "$head_lf" $((nbody + 5)) "$body_lf" >"$tmp/lf-body-bad.txt"
expect_rc 1 "LF body, wrong Content-Length" "$imsreg" decode --brief "$tmp/lf-body-bad.txt"
has "wrong Content-Length reported" "$tmp/out" "rfc3261.msg.content-length"

# --- 2. Content-Length larger than the pasted body: the next message stays one ---
printf '%s\nContent-Length: 120\n\n%s\n' "$head_lf" "$resp_lf" >"$tmp/nobody-next.txt"
expect_rc 1 "no body, then the 401" "$imsreg" decode --brief "$tmp/nobody-next.txt"
has "the 401 is a message of its own" "$tmp/out" "nobody-next.txt:11: SIP/2.0 401 Unauthorized"
has "the short body is reported" "$tmp/out" "Content-Length says 120 but the body has 0 bytes"
# a separator line ends the body and is not part of it
printf '%s\nContent-Type: application/3gpp-ims+xml\nContent-Length: 200\n\n%s----\n%s\n' "$head_lf" "$body_lf" "$resp_lf" >"$tmp/body-sep.txt"
expect_rc 1 "body, separator, 401" "$imsreg" decode --brief "$tmp/body-sep.txt"
has "the 401 after the separator" "$tmp/out" "body-sep.txt:15: SIP/2.0 401 Unauthorized"
has "the body without the separator" "$tmp/out" "Content-Length says 200 but the body has $nbody bytes"
# a body longer than Content-Length is kept as pasted and reported, not cut mid-line
expect_rc 1 "body longer than Content-Length" "$imsreg" decode --brief ../shared/corpus/captures/text/sipandlove/e5.txt
has "the longer body is reported" "$tmp/out" "Content-Length says 691 but the body has 711 bytes"
# --strict keeps RFC 3261 §18.3 framing: Content-Length decides
printf 'MESSAGE sip:b@x SIP/2.0\r\nCall-ID: 1\r\nCSeq: 1 MESSAGE\r\nContent-Length: 3\r\n\r\nabcSIP/2.0 200 OK\r\nCall-ID: 1\r\nCSeq: 1 MESSAGE\r\nContent-Length: 0\r\n\r\n' >"$tmp/wire2.sip"
expect_decoded "--strict back to back" "$imsreg" decode --strict --brief "$tmp/wire2.sip"
has "--strict: two messages" "$tmp/out" "2 message(s)"

# --- 3. CR-only input: the error position counts CR-ended lines ---
printf 'REGISTER sip:a SIP/2.0\rCall-ID: 1\rCSeq 1 REGISTER\rContent-Length: 0\r\r' >"$tmp/cr.txt"
expect_rc 2 "CR-only, header without colon" "$imsreg" decode "$tmp/cr.txt"
has "CR-only: line 3, column 6" "$tmp/err" "cr.txt:3:6: expected ':' after the header field name"
has "CR-only: the line is shown" "$tmp/err" "  CSeq 1 REGISTER"

# --- 4. CR CR LF line ends ---
printf '%s\nContent-Length: 0\n\n' "$head_lf" | sed 's/$/\r\r/' >"$tmp/crcrlf.txt"
expect_decoded "CR CR LF" "$imsreg" decode "$tmp/crcrlf.txt"
has "CR CR LF: the repair is listed" "$tmp/out" "CR CR LF line ends changed to CRLF"

# --- 5. white space after SIP/2.0: a repair when pasted, an error on the wire ---
printf '%s\nContent-Length: 0\n\n' "$head_lf" | sed '1s/$/ /' >"$tmp/trail1.txt"
expect_decoded "trailing SP on the request line" "$imsreg" decode "$tmp/trail1.txt"
has "trailing SP: the repair is listed" "$tmp/out" "removed white space at the end of the start line"
sed 's/$/\r/' "$tmp/trail1.txt" >"$tmp/trail1.sip"
expect_rc 2 "trailing SP, --strict" "$imsreg" decode --strict "$tmp/trail1.sip"

# --- 6. log formats: read as the messages they hold ---
printf '%s\nContent-Length: 0\n' "$head_lf" | sed 's/^/11-22 04:12:24.001  1234  1256 D SIPMSG  : /' >"$tmp/logcat.txt"
expect_decoded "logcat" "$imsreg" decode "$tmp/logcat.txt"
has "logcat: the repair is listed" "$tmp/out" "removed Android logcat prefixes: line 1"
printf '%s\nContent-Length: 0\n\n' "$head_lf" | sed 's/$/\\r\\n/' | tr -d '\n' >"$tmp/escaped.txt"
expect_decoded "escaped line ends" "$imsreg" decode "$tmp/escaped.txt"
has "escaped: the repair is listed" "$tmp/out" 'read a message written on one line with \r\n escapes'
# an error inside a message written on one line: its column in that line, the line shown around it
printf 'x: REGISTER sip:a.example SIP/2.0\\r\\nCall-ID: 1\\r\\nCSeq 1 REGISTER\\r\\nl: 0\\r\\n\\r\\n\n' >"$tmp/esc-bad.log"
expect_rc 2 "escaped, header without colon" "$imsreg" decode "$tmp/esc-bad.log"
has "escaped: line 1, the column of the fault" "$tmp/err" "esc-bad.log:1:57: expected ':' after the header field name"
printf 'Nov 20 10:00:01 pcscf kamailio[1234]: INFO: <script>: RX: REGISTER sip:a.example SIP/2.0#015#012Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-1#015#012Call-ID: 1#015#012CSeq 1 REGISTER#015#012l: 0#015#012#015#012\n' >"$tmp/hash-bad.log"
expect_rc 2 "rsyslog, header without colon" "$imsreg" decode "$tmp/hash-bad.log"
has "rsyslog: line 1, the column of the fault" "$tmp/err" "hash-bad.log:1:175: expected ':' after the header field name"
has "rsyslog: a long line is shown around the fault" "$tmp/err" "...0.0.0.1:5060;branch=z9hG4bK-1#015#012Call-ID: 1#015#012CSeq 1 REGISTER#015#012l: 0#015#012#015#012"
# a start line after a log prefix, the headers on lines of their own: the
# prefix is log text; a fault is at its line and column of the file
printf '%s\nContent-Length: 0\n' "$head_lf" | sed '1s/^/SIP Message = /' >"$tmp/qxdm.txt"
expect_decoded "log prefix before the start line" "$imsreg" decode "$tmp/qxdm.txt"
has "log prefix: the repair is listed" "$tmp/out" "ignored the log text before a start line (header lines follow it): line 1"
printf '%s\nCSeq 1 REGISTER\nContent-Length: 0\n' "$head_lf" | sed '1s/^/10:00:01.123 RX 10.0.0.1:5060: /' >"$tmp/prefix-bad.txt"
expect_rc 2 "log prefix, header without colon" "$imsreg" decode "$tmp/prefix-bad.txt"
has "log prefix: the fault's line and column" "$tmp/err" "prefix-bad.txt:9:6: expected ':' after the header field name"
# a prefix on every line, and journalctl's indented entry: a fault is at its
# line and column of the file, after the prefix or the indentation
printf '%s\nCSeq 1 REGISTER\nContent-Length: 0\n\n' "$head_lf" | sed 's/^/2026-11-21T10:00:01.5Z /' >"$tmp/every-bad.txt"
expect_rc 2 "prefix on every line, header without colon" "$imsreg" decode "$tmp/every-bad.txt"
has "prefix on every line: the fault's line and column" "$tmp/err" "every-bad.txt:9:29: expected ':' after the header field name"
printf '%s\nCSeq 1 REGISTER\nContent-Length: 0\n' "$head_lf" | sed '1s/^/Nov 21 10:00:01 pcscf kamailio[1234]: /; 2,$s/^/                                      /' >"$tmp/jctl-bad.txt"
expect_rc 2 "journalctl, header without colon" "$imsreg" decode "$tmp/jctl-bad.txt"
has "journalctl: the fault's line and column" "$tmp/err" "jctl-bad.txt:9:44: expected ':' after the header field name"
# a start line quoted in prose, no header lines after it: pointed at
printf 'In the trace the UE sends REGISTER sip:ims.example.net SIP/2.0\nand the P-CSCF answers: 401.\n' >"$tmp/prose.txt"
expect_rc 2 "start line in prose" "$imsreg" decode "$tmp/prose.txt"
has "prose: at the request line, after the text" "$tmp/err" 'prose.txt:1:27: a SIP start line stands here after "In the trace the UE sends "'
printf 'hello\nworld\n' >"$tmp/none.txt"
expect_rc 2 "no start line at all" "$imsreg" decode "$tmp/none.txt"
has "no start line" "$tmp/err" "none.txt:1:1: no SIP request line, status line or known header field found"
# uniform indentation and "> " quoting are repaired
printf '%s\nContent-Length: 0\n' "$head_lf" | sed 's/^/    /' >"$tmp/indented.txt"
expect_decoded "indented message" "$imsreg" decode "$tmp/indented.txt"
has "indented: the repair is listed" "$tmp/out" "removed the indentation common to the lines of the message"
printf '%s\nContent-Length: 0\n' "$head_lf" | sed 's/^/> /' >"$tmp/quoted.txt"
expect_decoded "quoted message" "$imsreg" decode "$tmp/quoted.txt"
has "quoted: the repair is listed" "$tmp/out" "removed \"> \" quoting"

# --- 7. --strict framing errors ---
printf 'REGISTER sip:a SIP/2.0\r\nCall-ID: 1\r\nContent-Length: 0\r\n' >"$tmp/noempty.sip"
expect_rc 2 "--strict, no empty line" "$imsreg" decode --strict "$tmp/noempty.sip"
has "no empty line: at the end of the input" "$tmp/err" "noempty.sip:3:18: the message ends before the empty line"
expect_rc 2 "--strict, bytes after the body" "$imsreg" decode --strict ../shared/corpus/captures/text/sipandlove/e5.txt
has "bytes after the body" "$tmp/err" "e5.txt:50:23: 20 bytes after the end of the body as Content-Length sets it"

# --- 8. a byte order mark: named as such, columns as the editor shows them ---
printf '\xef\xbb\xbfREGISTER  sip:a SIP/2.0\nContent-Length: 0\n' >"$tmp/bom.txt"
expect_rc 2 "BOM, two SP" "$imsreg" decode "$tmp/bom.txt"
has "BOM: column after the mark" "$tmp/err" "bom.txt:1:10: more than one SP between Request-Line elements"
printf '\xef\xbb\xbf%s\nContent-Length: 0\n' "$head_lf" >"$tmp/bom-ok.txt"
expect_decoded "BOM" "$imsreg" decode "$tmp/bom-ok.txt"
has "BOM: the repair is named" "$tmp/out" "removed the UTF-8 byte order mark"
hasnt "BOM: not a log prefix" "$tmp/out" "Line N"

# --- 9. log formats against the wire messages they were made from ---
# tests/data/paste/make_samples.py wrote each sample from clean.sip (bench
# messages c and i: a REGISTER with AKA credentials, a NOTIFY with a body;
# register.sip is c alone; flow.sip is b, f, c, g, i: REGISTER, 401,
# REGISTER, 200, NOTIFY) as its tool prints it (a prefix on every line:
# syslog, kubectl --timestamps / docker -t, kubectl --prefix, an application
# log, each with lines of another shape between; journalctl short and
# short-iso -a; logcat -v long, a line a record and a message a record). Each decodes to the same messages, headers and
# findings as the clean wire text; every header's line and column are where
# its name stands in the sample; the repair that read the format is listed.
data=tests/data/paste
"$imsreg" decode --json "$data/clean.sip" >"$tmp/clean.json"
"$imsreg" decode --json "$data/register.sip" >"$tmp/register.json"
"$imsreg" decode --json "$data/flow.sip" >"$tmp/flow.json"
while IFS='|' read -r sample clean repair; do
	expect_decoded "$sample" "$imsreg" decode "$data/$sample"
	has "$sample: the repair is listed" "$tmp/out" "$repair"
	"$imsreg" decode --json "$data/$sample" >"$tmp/sample.json"
	python3 - "$tmp/sample.json" "$tmp/$clean.json" "$data/$sample" <<'PY' && ok || bad "$sample: decodes like $clean"
import json, sys
# where a message was (its lines, its packet in a capture's text, and what
# the packet rules find of that packet, so the counts of findings) is not
# what it holds
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k not in ("line", "column", "index", "packet", "logged", "summary")}
    if isinstance(v, list):
        return [strip(x) for x in v if not (isinstance(x, dict) and ".packet." in str(x.get("id", "")))]
    return v
def messages(path):
    return json.load(open(path))["inputs"][0]["messages"]
got, want = messages(sys.argv[1]), messages(sys.argv[2])
if not got or strip(got) != strip(want):
    print("    the messages differ from the clean ones")
    sys.exit(1)
lines = open(sys.argv[3], encoding="utf-8").read().split("\n")
bad = 0
for m in got:
    for h in m["headers"]:
        # from there on (ngrep's wrapped rows joined: a name may be cut)
        text = "\n".join([lines[h["line"] - 1][h["column"] - 1:]] + lines[h["line"]:h["line"] + 1])
        if not text.replace("\n  ", "").startswith(h["name"]):
            print("    %s at %d:%d is not there" % (h["name"], h["line"], h["column"]))
            bad += 1
sys.exit(1 if bad else 0)
PY
done <<'LIST'
escaped-crlf.log|clean|read a message written on one line with \r\n escapes, the log text before it ignored: line 2, 4
json.log|clean|read a message from a JSON string (\r\n and \" escapes), the log text around it ignored: line 1, 2
json-in-json.log|clean|read a message escaped twice (\\r\\n: JSON in a JSON string), the log text around it ignored: line 1, 2
rsyslog.log|clean|read a message written on one line with rsyslog's #015#012 escapes, the log text before it ignored: line 2, 3
logcat-threadtime.txt|clean|ignored logcat lines of other tags: line 6, 27
logcat-time.txt|clean|removed Android logcat prefixes: line 2, 23
logcat-brief.txt|clean|ignored logcat lines after the message: line 46
logcat-long.txt|clean|removed the record headers of Android logcat -v long and the empty line after each record: line 3, 66
logcat-text-first.txt|flow|ignored the log text before a start line (header lines follow it): line 2, 21, 34, 55, 73
logcat-text-every.txt|flow|removed the log text before each line of the message (after logcat's prefix): line 2, 21, 34, 55, 73
ngrep-byline.txt|clean|removed ngrep's '.' (the CR it cannot print) before each line end: line 5, 27
ngrep-none.txt|register|read a message ngrep printed on one line ('..' for CR LF in the head, the body as printed): line 4
ngrep-normal.txt|register|read a message ngrep printed wrapped (-W normal: '..' for CR LF in the head, the body as printed): line 4
wireshark.txt|register|read a message from Wireshark's packet details (its header lines; the fields under them and generated [...] lines ignored): line 5
wireshark-crlf.txt|register|read a message from Wireshark's packet details (its header lines; the fields under them and generated [...] lines ignored): line 5
prefixed-kamailio.log|flow|ignored the log text before a start line (header lines follow it): line 2, 20, 32, 52, 69
prefixed-qxdm.txt|flow|ignored the log lines after the message (its end as Content-Length sets it): line 23, 39, 63, 84
timestamped.txt|flow|ignored text that is not part of a SIP message (after the body as Content-Length sets it): line 95
syslog-every.log|flow|ignored log lines of another shape between the message's lines: line 4, 23, 36, 57, 75
kubectl-timestamps.log|flow|ignored log lines of the same prefix in the message's head that are no header lines: line 4, 23, 36, 57, 75
kubectl-prefix.log|flow|ignored log lines of another shape between the message's lines: line 4, 22, 34, 54, 71
applog-every.log|flow|ignored log lines of another shape between the message's lines: line 4, 22, 34, 54, 71
journalctl.log|flow|removed journalctl's prefix before the message and the indentation of its lines after the first: line 1, 19, 31, 51, 68
journalctl-iso.log|flow|ignored the log lines after the message (its end as Content-Length sets it): line 18, 30, 50, 67, 89
LIST

echo "decode_paste_test: $passed passed, $failed failed"
[ "$failed" = 0 ]
