#!/usr/bin/env bash
# tshark_json_test.sh IMSREG: tshark's JSON and PDML exports, read by
# `imsreg decode`. For each capture of ../shared/corpus/captures/pcap (and
# TCP segments holding two or three messages, made here with text2pcap),
# tshark writes -T json, -T json -x, -T ek, -T ek -x, -T json -e FIELD...,
# -T ek -e FIELD..., -T pdml and -T fields -e FIELD... (without and with
# -E header=y, with -E quote=d, and with tshark's stderr warning before the
# header line, as `> out 2>&1` writes it as root); decode must read
# from each the messages it reads from the capture file itself, in the same
# order and byte for byte (without -x: up to a NUL byte of a binary body,
# where tshark's string of it ends; PDML's body is such a string), each with its packet line naming
# tshark's frame and the packet's addresses and ports (-T fields without
# -E header=y: the line's other values, the frame number first); the
# packet rules find in each export what they find in the capture (not in
# fields without their names).
set -u
imsreg=${1:?usage: tshark_json_test.sh IMSREG}
for tool in tshark text2pcap python3; do
	command -v $tool >/dev/null || { echo "FAIL: $tool not installed (scripts/deps.sh installs it)"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# two messages in one TCP segment (tshark: two "sip" objects in one packet)
cat ../shared/corpus/bench/a_register_basic.sip ../shared/corpus/bench/g_200_register.sip > "$tmp/two.bin"
od -Ax -tx1 -v "$tmp/two.bin" > "$tmp/two.hex"
text2pcap -q -T 5060,5060 "$tmp/two.hex" "$tmp/two.pcap" >/dev/null 2>&1 || { echo "FAIL: text2pcap"; exit 1; }
# three: a response, then a NOTIFY whose body does not end with CR LF (the
# next start line follows its last byte), then a request
{ cat ../shared/corpus/bench/g_200_register.sip
  head -c -2 ../shared/corpus/bench/i_notify_reginfo.sip | sed 's/^Content-Length: 386/Content-Length: 384/'
  cat ../shared/corpus/bench/c_register_aka_auth.sip; } > "$tmp/three.bin"
od -Ax -tx1 -v "$tmp/three.bin" > "$tmp/three.hex"
text2pcap -q -T 5060,5060 "$tmp/three.hex" "$tmp/three.pcap" >/dev/null 2>&1 || { echo "FAIL: text2pcap"; exit 1; }

# -e: the fields a user exports to have the messages and their packets
fields=()
for f in frame.number frame.time ip.src ip.dst ipv6.src ipv6.dst udp.srcport udp.dstport \
	tcp.srcport tcp.dstport sctp.srcport sctp.dstport sip.Request-Line sip.Status-Line sip.msg_hdr; do
	fields+=(-e "$f")
done
# a REGISTER sent again after 500 ms and its 401 2.6 s after the first: the
# packet rules (retransmission, response-delay) find in an export (its
# packet lines say where and when) what they find in the capture
python3 - "$tmp/rt.pcap" <<'PY'
import struct, sys
reg = (b"REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5064;branch=z9hG4bK-rt1\r\n"
       b"Max-Forwards: 70\r\nFrom: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=1\r\n"
       b"To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>\r\nCall-ID: rt1\r\nCSeq: 1 REGISTER\r\n"
       b"Contact: <sip:10.0.0.1:5064>\r\nContent-Length: 0\r\n\r\n")
ch = (b"SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/UDP 10.0.0.1:5064;branch=z9hG4bK-rt1\r\n"
      b"From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=1\r\n"
      b"To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=2\r\nCall-ID: rt1\r\n"
      b"CSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n")
def packet(src, dst, sport, dport, m):
    u = struct.pack("!HHHH", sport, dport, 8 + len(m), 0) + m
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(u), 1, 0, 64, 17, 0, bytes(src), bytes(dst)) + u
    return b"\x02" * 12 + b"\x08\x00" + ip
ue, pcscf = [10, 0, 0, 1], [10, 0, 0, 2]
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for sec, usec, p in ((100, 0, packet(ue, pcscf, 5064, 5060, reg)), (100, 500000, packet(ue, pcscf, 5064, 5060, reg)),
                         (102, 600000, packet(pcscf, ue, 5060, 5064, ch))):
        f.write(struct.pack("<IIII", sec, usec, len(p), len(p)) + p)
PY

fail=0
for cap in ../shared/corpus/captures/pcap/*.pcap "$tmp/two.pcap" "$tmp/three.pcap" "$tmp/rt.pcap"; do
	name=$(basename "$cap" .pcap)
	"$imsreg" decode --json "$cap" > "$tmp/$name.pcap.json" 2>/dev/null
	[ $? -le 1 ] || { echo "FAIL: $name: decode of the capture"; fail=1; continue; }
	for t in json json-x ek ek-x json-e ek-e pdml fields fields-h fields-q fields-w; do
		out="$tmp/$name.$t"
		opt=(-T "${t%-[xehqw]}")
		[ "$t" != "${t%-x}" ] && opt+=(-x)
		[ "$t" != "${t%-h}" ] && opt+=(-E header=y)
		[ "$t" != "${t%-q}" ] && opt+=(-E header=y -E quote=d)
		[ "$t" != "${t%-w}" ] && opt+=(-E header=y)
		[ "$t" != "${t%-[ehqw]}" ] || [ "$t" = fields ] && opt+=("${fields[@]}")
		# -w: stderr into the file too, as `tshark ... > out 2>&1` has it
		# (as root tshark warns there before the header line)
		err=/dev/null
		[ "$t" != "${t%-w}" ] && err=$out
		tshark -n -r "$cap" -Y sip "${opt[@]}" > "$out" 2>>"$err" || { echo "FAIL: $name: tshark ${opt[*]}"; fail=1; continue; }
		"$imsreg" decode --json "$out" > "$out.decoded" 2>/dev/null
		[ $? -le 1 ] || { echo "FAIL: $name ${opt[*]}: decode exit status"; fail=1; continue; }
		python3 - "$tmp/$name.pcap.json" "$out.decoded" "$t" "$name ${opt[*]}" <<'PY' || fail=1
import json, re, sys
ref = json.load(open(sys.argv[1]))["inputs"][0]["messages"]
got_in = json.load(open(sys.argv[2]))["inputs"][0]
got, what = got_in["messages"], sys.argv[4]
raw = sys.argv[3].endswith("-x")  # PDML: the head's bytes, the body as text (to a NUL)
fmt = "PDML" if sys.argv[3] == "pdml" else "JSON of fields" if sys.argv[3].endswith("-e") \
    else "fields" if sys.argv[3].startswith("fields") else "JSON"
bad = []
if len(got) != len(ref):
    bad.append("%d messages, the capture has %d" % (len(got), len(ref)))
reps = [r["what"] for r in got_in["repairs"]]
if len(reps) != 1 or "tshark's " + fmt not in reps[0]:
    bad.append("repairs %r" % reps)
for i, (g, r) in enumerate(zip(got, ref), 1):
    # without -x, tshark's string of the message ends at a NUL byte of its body
    # (PDML has the head's bytes, not the body's)
    # (and the line end that puts the next message on a line of its own)
    want = [r["wire"]]
    if not raw and "\x00" in r["wire"]:
        cut = r["wire"][:r["wire"].index("\x00")]
        want = [cut, cut + "\r\n"]
    ok = g["wire"] in want
    if not ok and fmt == "PDML":
        # PDML's show text writes a binary byte as tshark prints it
        # ("\x1"): the body is equal up to the first such byte
        b = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", r["wire"])
        ok = b is not None and g["wire"].startswith(r["wire"][:b.start()]) and \
            len(g["wire"]) - b.start() <= 8
    if not ok:
        bad.append("message %d differs:\n%r\n%r" % (i, g["wire"], want))
    p = g["packet"] or ""
    if sys.argv[3] == "fields":  # no names: the values as written, frame.number first
        m = re.match(r"(\d+) \| \S.* \| \S+ \| \S+", p)
    else:
        m = re.match(r"frame (\d+)  \S.* (UDP|TCP|SCTP) (\S+) -> (\S+)$", p)
    if not m:
        bad.append("message %d: packet line %r" % (i, p))
    elif r.get("frame") is not None and int(m.group(1)) < int(r["frame"]):
        bad.append("message %d: frame %s before the capture's %s" % (i, m.group(1), r["frame"]))
# the packet rules: as in the capture where the packet line says where and
# when (not the fields without their names: no packet rule there)
pk = lambda ms: [sorted(f["id"] for f in m["findings"] if ".packet." in f["id"]) for m in ms]
want_pk = [[] for m in ref] if sys.argv[3] == "fields" else pk(ref)
if pk(got) != want_pk:
    bad.append("packet findings %r, the capture's %r" % (pk(got), want_pk))
if what.startswith("rt ") and not any(want_pk) and sys.argv[3] != "fields":
    bad.append("no packet finding in the capture")
if bad:
    print("FAIL: %s: %s" % (what, "; ".join(bad[:5])))
    sys.exit(1)
print("ok: %s: %d messages" % (what, len(got)))
PY
	done
done
[ $fail -eq 0 ] && echo "PASS" || echo "FAIL"
exit $fail
