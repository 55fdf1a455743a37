#!/usr/bin/env bash
# hep_sngrep_test.sh IMSREG: the HEP that another tool writes, read by
# `imsreg decode`. sngrep (Debian 1.6.0) reads every corpus capture and
# sends each SIP message it finds as a HEP packet (-H, its "EEP", version 2
# and version 3 by its eep.send.version) to a UDP port on 127.0.0.1 chosen
# at run time, where this test receives them and writes them into a pcap.
# decode must read from that pcap the messages it reads from the capture
# itself (docs/cli.md), byte for byte, with the endpoints, time and
# transport sngrep put into HEP, the packet line naming the version and
# sngrep's capture id (2002).
#
# Known and expected, sngrep's and not ours: it sends no SCTP (its capture
# layer does not read it); a TCP segment sent again is sent again (decode
# drops a retransmission, as tshark does), so a message may come twice; SIP
# over WebSocket goes as TCP (HEP has no WebSocket); a message in several
# packets (IP fragments, TCP segments) carries the time of its first one
# (decode's, like Wireshark's, is the last one's), so its time may be
# earlier; a message in IPv6 fragments gets 16 NUL bytes after its end.
# sngrep writes its 16-bit capture id into the first two bytes of HEP3's
# 32-bit chunk, as other agents do: decode reads it as 2002.
set -u
imsreg=${1:?usage: hep_sngrep_test.sh IMSREG}
for tool in sngrep python3; do
	command -v $tool >/dev/null || { echo "FAIL: $tool not installed (scripts/deps.sh installs it)"; exit 1; }
done
pcaps=../shared/corpus/captures/pcap
[ -d $pcaps ] || { echo "FAIL: $pcaps not found (run from the repo root, beside ../shared)"; exit 1; }
tmp=$(mktemp -d)
rx_pid=
trap '[ -n "$rx_pid" ] && kill $rx_pid 2>/dev/null; rm -rf "$tmp"' EXIT

# the receiver: datagrams on 127.0.0.1 (its port on stdout) into a raw-IP
# pcap, each in a UDP/IPv4 packet to 9060, until a datagram "END"
cat > "$tmp/rx.py" <<'PY'
import socket, struct, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1], flush=True)
s.settimeout(60)
got = []
while True:
    d = s.recv(70000)
    if d == b"END":
        break
    got.append(d)
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 101))
    for i, d in enumerate(got):
        u = struct.pack("!HHHH", 40000, 9060, 8 + len(d), 0) + d
        ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(u), 0, 0, 64, 17, 0,
                         bytes([127, 0, 0, 1]), bytes([127, 0, 0, 1])) + u
        f.write(struct.pack("<IIII", 1 + i, 0, len(ip), len(ip)) + ip)
PY

fails=0
checks=0
for v in 2 3; do
	printf 'set eep.send.version %s\n' $v > "$tmp/sngrep.conf"
	for cap in $pcaps/*.pcap; do
		name=$(basename "$cap")
		# the receiver's first line, its port, once it is bound
		coproc RX { python3 "$tmp/rx.py" "$tmp/hep.pcap"; }
		rx_pid=$RX_PID
		port=
		read -r -t 10 -u "${RX[0]}" port
		if [ -z "$port" ]; then
			echo "FAIL: $name: the receiver did not start"; fails=$((fails + 1))
			kill $rx_pid 2>/dev/null; wait $rx_pid; rx_pid=; continue
		fi
		timeout 60 sngrep -N -q -F -f "$tmp/sngrep.conf" -I "$cap" -H "udp:127.0.0.1:$port" \
			> "$tmp/sngrep.out" 2>&1
		rc=$?
		python3 -c 'import socket,sys; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"END", ("127.0.0.1", int(sys.argv[1])))' "$port"
		wait $rx_pid
		rx_pid=
		if [ $rc -ne 0 ]; then
			echo "FAIL: sngrep exited $rc on $name: $(head -c 300 "$tmp/sngrep.out")"; fails=$((fails + 1)); continue
		fi
		checks=$((checks + 1))
		python3 - "$imsreg" "$cap" "$tmp/hep.pcap" "$v" <<'PY' || fails=$((fails + 1))
import json, re, subprocess, sys
imsreg, cap, hep, v = sys.argv[1:5]
name = cap.rsplit("/", 1)[-1]
def read(path):
    if open(path, "rb").read()[24:] == b"":
        return []  # nothing sent
    r = subprocess.run([imsreg, "decode", "--json", path], capture_output=True)
    if r.returncode not in (0, 1):
        print(f"FAIL: decode {path} exited {r.returncode}: {r.stderr.decode()[:300]}")
        sys.exit(1)
    out = []
    for m in json.loads(r.stdout)["inputs"][0].get("messages", []):
        pk = m["packet"] or ""
        pm = re.match(r"^frame \d+ (\S+ \S+) (IP6? \S+ > \S+): (UDP|TCP|SCTP|WebSocket over TCP), length \d+(.*)$", pk)
        if not pm:
            print(f"FAIL: {name}: packet line {pk!r} not understood")
            sys.exit(1)
        out.append({"wire": m["wire"], "time": pm.group(1), "ends": pm.group(2), "t": pm.group(3),
                    "tail": pm.group(4)})
    return out
direct, via = read(cap), read(hep)
bad = 0
def fail(msg):
    global bad
    bad += 1
    if bad <= 5:
        print(f"FAIL: {name} in HEP version {v}: {msg}")
tag = ", in HEP3 (agent 2002)" if v == "3" else ", in HEPv2 (agent 2002)"
for h in via:
    if not h["tail"].endswith(tag):
        fail(f"packet line ends {h['tail']!r}, not {tag!r}")
    if "in IP fragments" not in h["tail"] and h["wire"].endswith("\0" * 16):
        h["wire"] = h["wire"][:-16]  # sngrep's reassembled IPv6 datagram
    if not any(h["wire"] == d["wire"] and h["ends"] == d["ends"] for d in direct):
        fail(f"{h['wire'].split(chr(13), 1)[0]!r} ({h['ends']}) is no message of the capture")
for d in direct:
    if d["t"] == "SCTP":
        continue
    want_t = "TCP" if d["t"] == "WebSocket over TCP" else d["t"]
    same = [h for h in via if h["wire"] == d["wire"] and h["ends"] == d["ends"] and h["t"] == want_t]
    several = " from frame " in d["tail"]
    if not any(h["time"] == d["time"] or (several and h["time"] <= d["time"]) for h in same):
        fail(f"{d['wire'].split(chr(13), 1)[0]!r} at {d['time']} ({d['ends']}, {want_t}) not read from HEP"
             f" (times there: {[h['time'] for h in same]})")
sctp = sum(d["t"] == "SCTP" for d in direct)
print(f"{name}, HEP version {v}: {len(via)} messages from HEP, {len(direct)} in the capture"
      f"{f' ({sctp} over SCTP, which sngrep does not send)' if sctp else ''}")
sys.exit(1 if bad else 0)
PY
	done
done
echo "hep sngrep: $checks capture(s) sent in HEP by sngrep and read back, $fails failure(s)"
[ $checks -gt 0 ] && [ $fails -eq 0 ]
