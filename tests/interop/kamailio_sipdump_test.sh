#!/usr/bin/env bash
# kamailio_sipdump_test.sh IMSREG: the text files Kamailio's sipdump module
# writes (Debian kamailio 5.6), read by `imsreg decode`. Kamailio runs on
# 127.0.0.1 at a port chosen at run time, as a registrar (usrloc in
# memory, registrar's save) with sipdump writing its text file into a
# temporary folder; a UE of this test sends it a REGISTER, the same
# REGISTER again 600 ms later (same CSeq and branch: a retransmission) and
# an OPTIONS. decode must read from the file every message Kamailio
# received and sent, each with its record's packet line (when, between
# which addresses and ports, rcv or snd), and the packet rules must find
# the retransmission and nothing about addresses (Kamailio answered to the
# source, as rport asked). Kamailio is stopped by the PID it was started
# with.
set -u
imsreg=${1:?usage: kamailio_sipdump_test.sh IMSREG}
for tool in kamailio python3; do
	command -v $tool >/dev/null || { echo "FAIL: $tool not installed (scripts/deps.sh installs it)"; exit 1; }
done
mods=$(dirname "$(find /usr/lib -name sipdump.so -path '*kamailio*' 2>/dev/null | head -1)")
[ -f "$mods/sipdump.so" ] || { echo "FAIL: Kamailio's sipdump module not found"; exit 1; }
tmp=$(mktemp -d)
kam_pid=
trap '[ -n "$kam_pid" ] && kill $kam_pid 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

port=$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$tmp/dump"
cat > "$tmp/kamailio.cfg" <<EOF
#!KAMAILIO
debug=1
log_stderror=yes
children=1
listen=udp:127.0.0.1:$port
mpath="$mods/"
loadmodule "sl.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
loadmodule "sipdump.so"
modparam("usrloc", "db_mode", 0)
modparam("sipdump", "enable", 1)
modparam("sipdump", "mode", 1)
modparam("sipdump", "folder", "$tmp/dump")
modparam("sipdump", "wait", 10000)
request_route {
	if (method == "REGISTER") {
		if (!save("location")) sl_reply_error();
		exit;
	}
	sl_send_reply("404", "Not Here");
}
EOF
kamailio -f "$tmp/kamailio.cfg" -DD -E -m 64 -M 8 -P "$tmp/kam.pid" >"$tmp/kam.log" 2>&1 &
kam_pid=$!

# the UE: from a port of its own, the REGISTER twice (the second 600 ms
# later, as a UE whose answer was lost) and an OPTIONS, each answer awaited
python3 - "$port" >"$tmp/ue.out" 2>&1 <<'PY'
import socket, sys, time
port = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
me = s.getsockname()[1]
s.settimeout(0.5)
aor = "sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org"
def req(method, ruri, branch, cseq, extra=""):
    return ("%s %s SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:%d;branch=%s;rport\r\nMax-Forwards: 70\r\n"
            "From: <%s>;tag=ue1\r\nTo: <%s>\r\nCall-ID: kam-sipdump-1\r\nCSeq: %d %s\r\n%s"
            "Content-Length: 0\r\n\r\n" % (method, ruri, me, branch, aor, aor, cseq, method, extra)).encode()
reg = req("REGISTER", "sip:ims.mnc001.mcc001.3gppnetwork.org", "z9hG4bK-kam1", 1,
          "Contact: <sip:001010000000001@127.0.0.1:%d>;expires=600\r\nExpires: 600\r\n" % me)
# Kamailio may still be starting: send until it answers (at most 10 s)
got = None
for _ in range(20):
    s.sendto(reg, ("127.0.0.1", port))
    try:
        got = s.recv(65535)
        break
    except socket.timeout:
        pass
if not got:
    sys.exit("no answer from Kamailio")
print(got.split(b"\r\n", 1)[0].decode())
time.sleep(0.6)
s.sendto(reg, ("127.0.0.1", port))
print(s.recv(65535).split(b"\r\n", 1)[0].decode())
s.sendto(req("OPTIONS", "sip:127.0.0.1:%d" % port, "z9hG4bK-kam2", 2), ("127.0.0.1", port))
print(s.recv(65535).split(b"\r\n", 1)[0].decode())
print("ue port", me)
PY
ue_rc=$?
if [ $ue_rc -ne 0 ]; then
	echo "FAIL: the UE got no answers"; cat "$tmp/ue.out"; tail -20 "$tmp/kam.log"; exit 1
fi
grep -q '^SIP/2.0 200 OK' "$tmp/ue.out" && ok || bad "Kamailio registered the UE: $(head -1 "$tmp/ue.out")"
# sipdump writes from a timer of its own: wait for the last answer
data=
for _ in $(seq 1 50); do
	data=$(ls "$tmp"/dump/*.data 2>/dev/null | head -1)
	[ -n "$data" ] && grep -q '404 Not Here' "$data" && break
	sleep 0.1
done
[ -n "$data" ] && grep -q '404 Not Here' "$data" && ok || { bad "sipdump wrote its text file"; cat "$tmp/kam.log" | tail -20; exit 1; }
kill $kam_pid 2>/dev/null
wait $kam_pid 2>/dev/null
kam_pid=

"$imsreg" decode --json "$data" >"$tmp/dump.json" 2>"$tmp/dump.err"
rc=$?
[ $rc -le 1 ] && ok || bad "decode of sipdump's file: exit $rc ($(head -3 "$tmp/dump.err"))"
ue=$(sed -n 's/^ue port //p' "$tmp/ue.out")
python3 - "$tmp/dump.json" "$port" "$ue" <<'PY' && ok || bad "sipdump's file: its six messages with their packet lines, the retransmission found"
import json, sys
d = json.load(open(sys.argv[1]))["inputs"][0]
port, ue = sys.argv[2], sys.argv[3]
m = d["messages"]
starts = [x.get("start_line") or "" for x in m]
assert len(m) == 6, starts
want = [("REGISTER", "rcv", ue, port), ("SIP/2.0 200", "snd", port, ue), ("REGISTER", "rcv", ue, port),
        ("SIP/2.0 200", "snd", port, ue), ("OPTIONS", "rcv", ue, port), ("SIP/2.0 404", "snd", port, ue)]
for x, (start, tag, sp, dp) in zip(m, want):
    p = x["packet"] or ""
    assert x["start_line"].startswith(start), (x["start_line"], start)
    assert (" IP 127.0.0.1.%s > 127.0.0.1.%s: UDP, Kamailio sipdump %s" % (sp, dp, tag)) in p, (p, sp, dp, tag)
ids = [[g["id"] for g in x["findings"] if ".packet." in g["id"]] for x in m]
assert ids[2] == ["rfc3261.packet.retransmission"], ids
assert all(not i for k, i in enumerate(ids) if k != 2), ids
assert d["end_findings"] == [], d["end_findings"]
PY
echo "kamailio_sipdump_test: $pass passed, $fail failed"
[ $fail -eq 0 ]
