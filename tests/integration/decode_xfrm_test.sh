#!/usr/bin/env bash
# decode_xfrm_test.sh IMSREG: decode --xfrm FILE opens a capture's ESP
# with the SAs of `ip xfrm state` (tests/integration/xfrm_capture.py: a
# P-CSCF's pair in AES-GCM and in AES-CBC-256 with HMAC-SHA-256-128, an
# ePDG's tunnel-mode SA over IPv6): every message read byte for byte, the
# state it cannot use said on stderr, other keys counted as wrong; text
# that is no xfrm state output refused with its line and column; tshark,
# given the same SAs, reads the same messages at the same frames.
set -u
imsreg=${1:?usage: decode_xfrm_test.sh IMSREG}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. tests/support/cli_check.sh

crypto_python # the sealing needs Python's cryptography
$py tests/integration/xfrm_capture.py "$tmp/x.pcap" "$tmp/xfrm.txt" "$tmp" || { echo "FAIL: xfrm_capture.py"; exit 1; }


# without the states: three encrypted packets, no message
expect_rc 2 "no --xfrm" "$imsreg" decode "$tmp/x.pcap"
has "no --xfrm: said" "$tmp/out" "3 ESP packet(s) encrypted"

# with them: the three messages, byte for byte, each said decrypted
expect_rc 1 "--xfrm" "$imsreg" decode --json --xfrm "$tmp/xfrm.txt" "$tmp/x.pcap"
cp "$tmp/out" "$tmp/x.json"
has "--xfrm: the state not used, on stderr" "$tmp/err" \
	"1 ESP state(s) not used (the state at line 20 (SPI 0x00000077): its integrity algorithm is not one imsreg checks: hmac(sha512))"
json "$tmp/x.json" 'c=d["inputs"][0]["capture_read"]; assert c["decrypted"] == 3 and c["encrypted"] == 0 and c["esp_sas_xfrm"] == 3 and c["esp_sas"] == 3 and c["esp_keys_wrong"] == 0, c' \
	&& ok || bad "--xfrm: 3 decrypted with 3 SAs"
json "$tmp/x.json" 'm=d["inputs"][0]["messages"]; w=[open(sys.argv[1].replace("x.json", n), "rb").read() for n in ("m1.sip", "m2.sip", "m3.sip")]; assert [x["wire"].encode("latin-1") for x in m] == w' \
	&& ok || bad "--xfrm: the messages byte for byte"
json "$tmp/x.json" 'p=[x["packet"] for x in d["inputs"][0]["messages"]]; assert "IP 10.45.0.2.5062 > 10.0.0.10.5064: UDP, length 359, in ESP (SPI 0x00001001 = 4097, aes-gcm, decrypted)" in p[0] and "in ESP (SPI 0xc0002002 = 3221233666, aes-cbc, decrypted)" in p[1] and "IP 192.168.100.7.5060 > 10.0.0.10.5060: UDP" in p[2], p' \
	&& ok || bad "--xfrm: the packet lines (the tunnel's inner packet)"
"$imsreg" decode --summary --no-color --xfrm "$tmp/xfrm.txt" "$tmp/x.pcap" >"$tmp/x.txt" 2>&1
has "--xfrm: said" "$tmp/x.txt" "3 ESP packet(s) decrypted with the SAs of --xfrm (3)"

# SAs with extended sequence numbers (flag esn): the high half in the
# ICV and GCM's AAD; the same SAs without the flag do not authenticate
expect_rc 1 "--xfrm, esn" "$imsreg" decode --json --xfrm "$tmp/xfrm-esn.txt" "$tmp/esn.pcap"
json "$tmp/out" 'c=d["inputs"][0]["capture_read"]; assert c["decrypted"] == 2 and c["esp_keys_wrong"] == 0, c' \
	&& ok || bad "--xfrm, esn: both decrypted"
json "$tmp/out" 'm=d["inputs"][0]["messages"]; w=[open(sys.argv[1].replace("out", n), "rb").read() for n in ("m1.sip", "m2.sip")]; assert [x["wire"].encode("latin-1") for x in m] == w' \
	&& ok || bad "--xfrm, esn: the messages byte for byte"
sed 's/ flag af-unspec esn/ flag af-unspec/; s/ flag esn//' "$tmp/xfrm-esn.txt" >"$tmp/xfrm-noesn.txt"
"$imsreg" decode --json --xfrm "$tmp/xfrm-noesn.txt" "$tmp/esn.pcap" >"$tmp/noesn.json" 2>/dev/null
json "$tmp/noesn.json" 'c=d["inputs"][0]["capture_read"]; assert c["decrypted"] == 0 and c["esp_keys_wrong"] == 2, c' \
	&& ok || bad "--xfrm without esn: neither authenticates"

# other keys (the GCM key's salt changed): not opened, counted as wrong
sed 's/0badf00d 128/0badf00e 128/' "$tmp/xfrm.txt" >"$tmp/wrong.txt"
"$imsreg" decode --json --xfrm "$tmp/wrong.txt" "$tmp/x.pcap" >"$tmp/wrong.json" 2>/dev/null
json "$tmp/wrong.json" 'c=d["inputs"][0]["capture_read"]; assert c["decrypted"] == 2 and c["esp_keys_wrong"] == 1, c' \
	&& ok || bad "another salt: that packet counted as wrong keys"
"$imsreg" decode --summary --no-color --xfrm "$tmp/wrong.txt" "$tmp/x.pcap" >"$tmp/wrong.out" 2>&1
has "another salt: said" "$tmp/wrong.out" "do not authenticate with the keys of --xfrm"

# the option's errors: no file, a file that is none, a text with no state,
# a bad key (its line and column), twice
expect_rc 2 "--xfrm without a file" "$imsreg" decode --xfrm
expect_rc 2 "--xfrm of a missing file" "$imsreg" decode --xfrm "$tmp/none.txt" "$tmp/x.pcap"
has "--xfrm of a missing file: said" "$tmp/err" "cannot open"
printf 'REGISTER sip:x SIP/2.0\r\n' >"$tmp/notxfrm.txt"
expect_rc 2 "--xfrm of no state text" "$imsreg" decode --xfrm "$tmp/notxfrm.txt" "$tmp/x.pcap"
has "--xfrm of no state text: where and why" "$tmp/err" "notxfrm.txt:1:1: no state"
sed '4s/0x1011/0x10g1/' "$tmp/xfrm.txt" >"$tmp/badkey.txt"
expect_rc 2 "--xfrm with a bad key" "$imsreg" decode --xfrm "$tmp/badkey.txt" "$tmp/x.pcap"
has "--xfrm with a bad key: where" "$tmp/err" "badkey.txt:4:25: a key is 0x and an even number of hex digits"
expect_rc 2 "--xfrm twice" "$imsreg" decode --xfrm "$tmp/xfrm.txt" --xfrm "$tmp/xfrm.txt" "$tmp/x.pcap"

# tshark with the same SAs (its esp_sa table) reads the same SIP at the
# same frames
K1=$(python3 -c 'print(bytes(range(0x10, 0x20)).hex() + "0badf00d")')
CK=$(python3 -c 'print(bytes(range(0x40, 0x60)).hex())')
SK=$(python3 -c 'print(bytes(range(0x80, 0xa0)).hex())')
TK=$(python3 -c 'print(bytes(range(0xc0, 0xd0)).hex())')
TA=$(python3 -c 'print(bytes(range(0x20, 0x34)).hex())')
tshark -r "$tmp/x.pcap" -o esp.enable_encryption_decode:TRUE \
	-o "uat:esp_sa:\"IPv4\",\"10.45.0.2\",\"10.0.0.10\",\"0x00001001\",\"AES-GCM with 16 octet ICV [RFC4106]\",\"0x$K1\",\"NULL\",\"\"" \
	-o "uat:esp_sa:\"IPv4\",\"10.0.0.10\",\"10.45.0.2\",\"0xc0002002\",\"AES-CBC [RFC3602]\",\"0x$CK\",\"HMAC-SHA-256-128 [RFC4868]\",\"0x$SK\"" \
	-o "uat:esp_sa:\"IPv6\",\"2001:db8::1\",\"2001:db8::e9d\",\"0x0000abcd\",\"AES-CBC [RFC3602]\",\"0x$TK\",\"HMAC-SHA-1-96 [RFC2404]\",\"0x$TA\"" \
	-Y sip -T fields -e frame.number -e sip.Request-Line -e sip.Status-Line 2>/dev/null >"$tmp/tshark.tsv"
json "$tmp/x.json" 'm=d["inputs"][0]["messages"]; t=[l.rstrip("\n").split("\t") for l in open(sys.argv[1].replace("x.json", "tshark.tsv"))]; want=[(int(f), r or s) for f, r, s in t]; got=[(x["frame"], x["wire"].split("\r\n", 1)[0]) for x in m]; assert len(want) == 3 and got == want, (got, want)' \
	&& ok || bad "tshark with the same SAs: the same messages at the same frames"

cli_check_done
