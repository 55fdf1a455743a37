#!/usr/bin/env bash
# demo.sh IMSREG SEED_DIR: the main job for now. imsreg reads the seed REGISTERs
# exactly as people paste them from logs, and says what is in them and what is
# wrong; then it explains one in full, compares two REGISTERs of one
# registration, and checks a real UE's AKA response from its keys.
set -uo pipefail
imsreg=$1
seeds=$2
corpus=$seeds/../../corpus
title() { printf '\n\033[1m===== %s =====\033[0m\n' "$*"; }
ok() { # decode exits 0 (no error finding) or 1 (error findings); 2 is a failure
	local rc=$1
	[ "$rc" -le 1 ] || { echo "demo: imsreg could not read its input (exit $rc)" >&2; exit 1; }
}

title "1. every seed REGISTER, briefly: summary and findings"
for f in "$seeds"/*.txt; do
	"$imsreg" decode --brief "$f"
	ok $?
	echo
done

title "2. one REGISTER in full: ex3 (AKA credentials, IMEI, feature tags)"
"$imsreg" decode "$seeds/ex3-sms-volte-capability.pasted.txt"
ok $?

title "3. two REGISTERs of one registration: ex2 then ex4 (after the 401)"
"$imsreg" decode --diff "$seeds/ex2-sms-capability.pasted.txt" "$seeds/ex4-aka-authorization.pasted.txt"
ok $?

title "4. a real UE's AKA response (OpenIMSCore 401 + REGISTER), checked from K and OP"
# K = "alice" padded with NULs, OP = 0 (corpus/digest/PROVENANCE.md, snl-openimscore rows)
oic=$corpus/captures/text/openimscore-aka
cat "$oic/02-401-akav1-security-server.sip" "$oic/03-authorization-header.txt" |
	"$imsreg" verify --k 616c6963650000000000000000000000 --op 00000000000000000000000000000000
[ $? -eq 0 ] || { echo "demo: the OpenIMSCore response did not verify" >&2; exit 1; }

title "5. a whole registration from a container log (kubectl logs --timestamps): read through the prefix on every line, each message checked against the ones before it"
"$imsreg" decode --brief tests/data/paste/kubectl-timestamps.log
ok $?

title "6. after the 200: the S-CSCF's reg-event NOTIFY, the registration state in its body (RFC 3680)"
"$imsreg" decode "$corpus/bench/i_notify_reginfo.sip"
ok $?

title "7. a packet capture as it is (pcap, libpcap): every SIP message with its frame, the registrations' flow checked, and at its end the registration that never completed"
"$imsreg" decode --brief --only 'ims.flow.*,rfc3261.flow.*,ts24229.packet.*' "$corpus/captures/pcap/sngrep-aaa.pcap"
ok $?

title "8. the protected registration in IPsec ESP (aes-cbc): opened with the subscriber's K and OPc (TS 35.207 test set 1), the REGISTER's response verified"
demo_tmp=$(mktemp -d)
py=python3
$py -c 'import cryptography' 2>/dev/null || py=/usr/bin/python3
$py tests/integration/esp_capture.py "$demo_tmp/esp.pcap" ue
# each message's line and its packet's (the findings left out here)
"$imsreg" decode --brief --no-color --k 465b5ce8b199b49faa5f0a2ee238a6bc --opc cd63cb71954a9f4e48a5994e37a02baf \
	"$demo_tmp/esp.pcap" >"$demo_tmp/out"
rc=$?
grep -E '^[^ ].*(, frame [0-9]+: |capture \()|^  packet: ' "$demo_tmp/out"
ok $rc
"$imsreg" verify --k 465b5ce8b199b49faa5f0a2ee238a6bc --opc cd63cb71954a9f4e48a5994e37a02baf "$demo_tmp/esp.pcap" | tail -3
rm -rf "$demo_tmp"
