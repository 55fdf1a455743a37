#!/usr/bin/env bash
# sipp_trace_test.sh IMSREG: the message log SIPp writes with -trace_msg,
# read by `imsreg decode`. A SIPp UAC registers (REGISTER, 200 OK) with a
# SIPp UAS, both on 127.0.0.1 at ports chosen at run time, three times;
# each writes <scenario file>_<pid>_messages.log. decode must read every message
# of both logs, in order, each with its packet line: the separator's time
# and SIPp's "UDP message sent (N bytes)" / "UDP message received [N]
# bytes" line, N the length of the message decode read; the separator and
# message lines are listed as one repair, no text is left over.
set -u
imsreg=${1:?usage: sipp_trace_test.sh IMSREG}
for tool in sipp python3; do
	command -v $tool >/dev/null || { echo "FAIL: $tool not installed (scripts/deps.sh installs it)"; exit 1; }
done
tmp=$(mktemp -d)
uas_pid=
trap '[ -n "$uas_pid" ] && kill $uas_pid 2>/dev/null; rm -rf "$tmp"' EXIT

cat > "$tmp/uac.xml" <<'XML'
<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="reg_uac">
  <send retrans="500">
    <![CDATA[
      REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      Max-Forwards: 70
      From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=[pid]SIPpTag0[call_number]
      To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>
      Call-ID: [call_id]
      CSeq: 1 REGISTER
      Contact: <sip:001010000000001@[local_ip]:[local_port]>;+g.3gpp.smsip
      Expires: 600000
      Content-Length: 0

    ]]>
  </send>
  <recv response="200"/>
</scenario>
XML
cat > "$tmp/uas.xml" <<'XML'
<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="reg_uas">
  <recv request="REGISTER"/>
  <send>
    <![CDATA[
      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:];tag=[pid]SIPpTag1[call_number]
      [last_Call-ID:]
      [last_CSeq:]
      [last_Contact:];expires=600000
      Content-Length: 0

    ]]>
  </send>
</scenario>
XML

# two free UDP ports on 127.0.0.1
read -r p_uas p_uac < <(python3 -c '
import socket
s = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
cd "$tmp"
timeout 60 sipp -sf uas.xml -i 127.0.0.1 -p "$p_uas" -m 3 -trace_msg -nostdin >/dev/null 2>&1 &
uas_pid=$!
# the UAS listens once its UDP socket on the port shows in /proc/net/udp
# (looked at, not bound to: a probe's bind could take the port from it),
# or it has exited (the UAC then fails and says so)
python3 - "$p_uas" $uas_pid <<'PY'
import os, sys, time
port, pid = int(sys.argv[1]), int(sys.argv[2])
want = "0100007F:%04X" % port
end = time.monotonic() + 10
while time.monotonic() < end:
    with open("/proc/net/udp") as f:
        if any(line.split()[1] == want for line in list(f)[1:]):
            sys.exit(0)
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit(0)
    time.sleep(0.01)
PY
timeout 60 sipp -sf uac.xml 127.0.0.1:"$p_uas" -i 127.0.0.1 -p "$p_uac" -m 3 -r 10 -trace_msg \
	-nostdin >/dev/null 2>&1
rc=$?
# the UAS ends after its third call (-m 3), its log written
wait $uas_pid
uas_rc=$?
uas_pid=
cd - >/dev/null
[ $rc -eq 0 ] || { echo "FAIL: the SIPp UAC exited $rc"; exit 1; }
[ $uas_rc -eq 0 ] || { echo "FAIL: the SIPp UAS exited $uas_rc"; exit 1; }

fails=0
for side in uac uas; do
	log=$(ls "$tmp"/${side}_*_messages.log 2>/dev/null | head -1)
	[ -n "$log" ] || { echo "FAIL: SIPp wrote no $side messages log"; fails=$((fails + 1)); continue; }
	"$imsreg" decode --json "$log" >"$tmp/$side.json" 2>"$tmp/$side.err"
	rc=$?
	[ $rc -le 1 ] || { echo "FAIL: decode of the $side log exited $rc: $(head -3 "$tmp/$side.err")"; fails=$((fails + 1)); continue; }
	python3 - "$log" "$tmp/$side.json" "$side" <<'PY' || fails=$((fails + 1))
import json, re, sys
log, js, side = sys.argv[1:4]
text = open(log, encoding="latin-1").read()
# what SIPp logged: its separator's time, the line, the byte count, the message's first line
want = re.findall(r"^-{20,} (.+)\n(\w+ message (?:sent \((\d+) bytes\)|received \[(\d+)\] bytes)) ?:\n\n(.*)\n",
                  text, re.M)
doc = json.load(open(js))
inp = doc["inputs"][0]
msgs = inp["messages"]
errs = []
if len(want) != 6 or len(msgs) != len(want):
    errs.append(f"{len(want)} messages in the log, {len(msgs)} read")
for w, m in zip(want, msgs):
    time, line, n_sent, n_recv, first = w
    exp = f"{time} {line}"
    if m.get("packet") != exp:
        errs.append(f"packet {m.get('packet')!r}, want {exp!r}")
    n = int(n_sent or n_recv)
    if len(m.get("wire", "").encode("utf-8")) != n:
        errs.append(f"{len(m.get('wire', '').encode('utf-8'))} bytes read, SIPp counted {n}")
    start = m.get("start_line") or ""
    if start != first.rstrip("\r"):
        errs.append(f"start line {start!r}, want {first!r}")
sent = [("sent" in w[1]) for w in want]
exp_sent = [True, False] * 3 if side == "uac" else [False, True] * 3
if sent != exp_sent:
    errs.append(f"directions {sent}")
rep = [r["what"] for r in inp.get("repairs", [])]
if not any("SIPp's -trace_msg" in r for r in rep):
    errs.append(f"no SIPp repair listed: {rep}")
if any("ignored text" in r for r in rep):
    errs.append(f"text left over: {rep}")
if errs:
    print(f"FAIL: {side}: " + "; ".join(errs))
    sys.exit(1)
print(f"ok: {side}: {len(msgs)} messages, each with SIPp's packet line")
PY
done
[ $fails -eq 0 ] || exit 1
echo "sipp_trace_test: both logs read"
