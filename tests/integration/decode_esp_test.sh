#!/usr/bin/env bash
# decode_esp_test.sh IMSREG: a capture of an IMS registration whose
# protected REGISTER and 200 go in encrypted ESP (tests/integration/
# esp_capture.py): decode opens them with the keys of the AKA challenge,
# from the S-CSCF's 401 (ck/ik) when the capture holds it, else from --k
# and --opc (Milenage); with other keys it says so; verify checks the
# protected REGISTER's response out of the ESP; tshark, given the same
# SAs, reads the same messages at the same frames.
set -u
imsreg=${1:?usage: decode_esp_test.sh IMSREG}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. tests/support/cli_check.sh

crypto_python # the sealing needs Python's cryptography
$py tests/integration/esp_capture.py "$tmp/mw.pcap" mw "$tmp" || { echo "FAIL: esp_capture.py"; exit 1; }
$py tests/integration/esp_capture.py "$tmp/ue.pcap" ue || { echo "FAIL: esp_capture.py"; exit 1; }
K=465b5ce8b199b49faa5f0a2ee238a6bc
OPC=cd63cb71954a9f4e48a5994e37a02baf
OP=cdc202d5123e20f62b6d676ac72cb318


# the S-CSCF's 401 carries ck and ik: opened without the subscriber's keys
expect_rc 1 "ck/ik in the capture" "$imsreg" decode --json "$tmp/mw.pcap"
cp "$tmp/out" "$tmp/mw.json"
json "$tmp/mw.json" 'c=d["inputs"][0]["capture_read"]; assert c["decrypted"] == 2 and c["encrypted"] == 0 and c["esp_sas"] == 4 and c["esp_keys_wrong"] == 0, c' \
	&& ok || bad "ck/ik in the capture: 2 decrypted, 4 SAs"
json "$tmp/mw.json" 'm=d["inputs"][0]["messages"]; assert [x["frame"] for x in m] == [1, 2, 3, 4, 5]; assert "in ESP (SPI 0x0000115c = 4444, aes-cbc, decrypted)" in m[3]["packet"] and "in ESP (SPI 0x000008ae = 2222, aes-cbc, decrypted)" in m[4]["packet"], [x["packet"] for x in m]' \
	&& ok || bad "ck/ik in the capture: frames and packet lines"
json "$tmp/mw.json" 'm=d["inputs"][0]["messages"]; assert m[3]["wire"].encode("latin-1") == open(sys.argv[1].replace("mw.json", "reg2.sip"), "rb").read() and m[4]["wire"].encode("latin-1") == open(sys.argv[1].replace("mw.json", "ok.sip"), "rb").read()' \
	&& ok || bad "ck/ik in the capture: the messages byte for byte"
# the packet rules see the decrypted messages' ports: over the SA pairs
json "$tmp/mw.json" 'ids=[f["id"] for m in d["inputs"][0]["messages"] for f in m["findings"]]; assert "ts33203.packet.sa-ports" not in ids and "ts33203.packet.sa-pair" not in ids, ids' \
	&& ok || bad "ck/ik in the capture: the SA rules quiet"
"$imsreg" decode --summary --no-color "$tmp/mw.pcap" >"$tmp/mw.txt" 2>&1
has "ck/ik in the capture: said" "$tmp/mw.txt" "2 ESP packet(s) decrypted with the keys of 1 AKA challenge(s) (the ck/ik of the S-CSCF's 401)"

# the UE's leg alone: encrypted, and said how to open it
"$imsreg" decode --summary --no-color "$tmp/ue.pcap" >"$tmp/ue.txt" 2>&1
has "no keys: the hint" "$tmp/ue.txt" "give --k and --opc (or --op), or capture the S-CSCF's 401 too"
has "no keys: 2 messages" "$tmp/ue.txt" "2 SIP message(s)"
# with K and OPc (or OP): opened
expect_rc 1 "--k --opc" "$imsreg" decode --json --k "$K" --opc "$OPC" "$tmp/ue.pcap"
json "$tmp/out" 'c=d["inputs"][0]["capture_read"]; m=d["inputs"][0]["messages"]; assert c["decrypted"] == 2 and len(m) == 4 and m[2]["wire"].startswith("REGISTER ") and m[3]["wire"].startswith("SIP/2.0 200 OK"), c' \
	&& ok || bad "--k --opc: the REGISTER and the 200 read"
expect_rc 1 "--k --op" "$imsreg" decode --json --k "$K" --op "$OP" "$tmp/ue.pcap"
json "$tmp/out" 'assert d["inputs"][0]["capture_read"]["decrypted"] == 2' && ok || bad "--k --op: opened"
"$imsreg" decode --summary --no-color --k "$K" --opc "$OPC" "$tmp/ue.pcap" >"$tmp/k.txt" 2>&1
has "--k --opc: said" "$tmp/k.txt" "decrypted with the keys of 1 AKA challenge(s) (K and OPc)"
# a rule that fired three times in the 200 (frame 4): that frame named once
has "--k --opc: by rule, the 200" "$tmp/k.txt" "3  warning ts24229.response.200-contents  first at $tmp/ue.pcap, frame 4"
hasnt "--k --opc: a frame named once" "$tmp/k.txt" "frame 4, $tmp/ue.pcap, frame 4"
# another K: the ICVs do not check, said so
"$imsreg" decode --json --k 00000000000000000000000000000000 --opc "$OPC" "$tmp/ue.pcap" >"$tmp/wrong.json" 2>/dev/null
json "$tmp/wrong.json" 'c=d["inputs"][0]["capture_read"]; assert c["decrypted"] == 0 and c["esp_keys_wrong"] == 2, c' \
	&& ok || bad "another K: counted as wrong keys"
"$imsreg" decode --summary --no-color --k 00000000000000000000000000000000 --opc "$OPC" "$tmp/ue.pcap" >"$tmp/wrong.txt" 2>&1
has "another K: said" "$tmp/wrong.txt" "do not authenticate with the keys of K and OPc: a wrong K or OPc"
# the options: --k alone, a short key
expect_rc 2 "--k without --opc" "$imsreg" decode --k "$K" "$tmp/ue.pcap"
has "--k without --opc: said" "$tmp/err" "--k goes with --opc or --op"
expect_rc 2 "a short K" "$imsreg" decode --k 1234 --opc "$OPC" "$tmp/ue.pcap"

# verify reads the protected REGISTER out of the ESP with the same keys,
# and its response (RFC 3310, the RES of test set 1) verifies
expect_rc 0 "verify over ESP" "$imsreg" verify --k "$K" --opc "$OPC" "$tmp/ue.pcap"
has "verify over ESP: the verdict" "$tmp/out" "verdict: the response verifies"
has "verify over ESP: the AUTN" "$tmp/out" "AUTN's MAC verifies: yes"

# tshark, given the two SAs the messages use (IK and 32 zero bits for
# HMAC-SHA-1-96, CK for AES-CBC: TS 33.203 Annex I), reads the same SIP at
# the same frames
CK=b40ba9a3c58b2a05bbf0d987b21bf8cb
IK=f769bcd751044604127672711c6d3441
tshark -r "$tmp/mw.pcap" -o esp.enable_encryption_decode:TRUE \
	-o "uat:esp_sa:\"IPv4\",\"10.0.0.1\",\"10.0.0.2\",\"0x0000115c\",\"AES-CBC [RFC3602]\",\"0x$CK\",\"HMAC-SHA-1-96 [RFC2404]\",\"0x${IK}00000000\"" \
	-o "uat:esp_sa:\"IPv4\",\"10.0.0.2\",\"10.0.0.1\",\"0x000008ae\",\"AES-CBC [RFC3602]\",\"0x$CK\",\"HMAC-SHA-1-96 [RFC2404]\",\"0x${IK}00000000\"" \
	-Y sip -T fields -e frame.number -e sip.Request-Line -e sip.Status-Line -e sip.Call-ID -e sip.CSeq 2>/dev/null >"$tmp/tshark.tsv"
json "$tmp/mw.json" 'm=d["inputs"][0]["messages"]; t=[l.rstrip("\n").split("\t") for l in open(sys.argv[1].replace("mw.json", "tshark.tsv"))]; want=[(int(f), r or s) for f, r, s, c, q in t]; got=[(x["frame"], x["wire"].split("\r\n", 1)[0]) for x in m]; assert len(want) == 5 and got == want, (got, want)' \
	&& ok || bad "tshark with the same SAs: the same messages at the same frames"

cli_check_done
