#!/usr/bin/env bash
# decode_paste_test.sh IMSREG: `imsreg decode` over pasted text of the kinds
# QA found read wrong: bodies pasted with LF, a Content-Length that does not
# fit the pasted body next to a following message, CR-only and CR CR LF line
# ends, white space after SIP/2.0, a byte order mark, log formats imsreg does
# not read (the error points at the start line it saw), and the --strict
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

# --- 6. log formats imsreg does not read: point at the start line seen ---
printf '%s\nContent-Length: 0\n' "$head_lf" | sed 's/^/11-22 04:12:24.001  1234  1256 D SIPMSG  : /' >"$tmp/logcat.txt"
expect_rc 2 "logcat" "$imsreg" decode "$tmp/logcat.txt"
has "logcat: at the request line, after the prefix" "$tmp/err" "logcat.txt:1:44: a SIP start line stands here after \"11-22 04:12:24.001"
printf '%s\nContent-Length: 0\n\n' "$head_lf" | sed 's/$/\\r\\n/' | tr -d '\n' >"$tmp/escaped.txt"
expect_rc 2 "escaped line ends" "$imsreg" decode "$tmp/escaped.txt"
has "escaped: at 1:1, saying the line goes on" "$tmp/err" "escaped.txt:1:1: a SIP start line stands here, but its line goes on"
printf 'hello\nworld\n' >"$tmp/none.txt"
expect_rc 2 "no start line at all" "$imsreg" decode "$tmp/none.txt"
has "no start line" "$tmp/err" "none.txt:1:1: no SIP request line or status line found"
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

echo "decode_paste_test: $passed passed, $failed failed"
[ "$failed" = 0 ]
