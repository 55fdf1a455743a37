#!/usr/bin/env python3
# make_samples.py: writes the log-format samples of this folder from the
# clean wire messages register.sip (bench c_register_aka_auth) and
# notify.sip (bench i_notify_reginfo, a body with quotes), as each tool
# prints them. The samples are committed; run this again only to change
# them. The format sources are cited beside each writer.
import json

reg = open("register.sip", "rb").read().decode()
notify = open("notify.sip", "rb").read().decode()
msgs = [reg, notify]


def write(name, text):
    with open(name, "w", newline="") as f:
        f.write(text)


# 1. Kamailio xlog("received: $mb") to a plain log file: the message's CR
# and LF written as the two-character escapes \r and \n (one log line per
# message), with log lines of other kinds around.
def c_escape(m):
    return m.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


out = "2026-11-20T10:00:00Z sip-proxy INFO listening on udp:10.0.0.2:5060\n"
out += "2026-11-20T10:00:01Z sip-proxy INFO received: " + c_escape(reg) + "\n"
out += "2026-11-20T10:00:01Z sip-proxy DEBUG route[REGISTRAR]: forwarding\n"
out += "2026-11-20T10:00:02Z sip-proxy INFO received: " + c_escape(notify) + "\n"
write("escaped-crlf.log", out)

# 2. A JSON log shipper (one JSON object per line, RFC 8259 string
# escapes: \" \\ \r \n), the message in "msg".
out = ""
for i, m in enumerate(msgs):
    out += json.dumps({"ts": "2026-11-20T10:00:0%d.123Z" % (i + 1), "level": "info",
                       "logger": "sip.transport", "msg": m, "peer": "10.0.0.1:5062"}) + "\n"
write("json.log", out)

# 3. That JSON line as a container runtime stores it (Docker json-file:
# {"log": "<line>\n", "stream": ..., "time": ...}): escaped twice, \\r\\n
# and \\\" inside the message, \" around it.
out = ""
for line in open("json.log").read().splitlines(True):
    out += json.dumps({"log": line, "stream": "stdout", "time": "2026-11-20T10:00:01.123456789Z"}) + "\n"
write("json-in-json.log", out)


# 4. rsyslog with $EscapeControlCharactersOnReceive on and
# $ControlCharacterEscapePrefix # (syslog-protocol style): every control
# character as '#' and its three octal digits, so CR LF is #015#012.
def rsyslog_escape(m):
    return "".join("#%03o" % ord(c) if ord(c) < 0x20 or ord(c) == 0x7f else c for c in m)


out = "Nov 20 10:00:00 pcscf kamailio[1234]: INFO: <core> [main.c:3100]: main(): kamailio started\n"
out += "Nov 20 10:00:01 pcscf kamailio[1234]: INFO: <script>: RX: " + rsyslog_escape(reg) + "\n"
out += "Nov 20 10:00:02 pcscf kamailio[1234]: INFO: <script>: RX: " + rsyslog_escape(notify) + "\n"
write("rsyslog.log", out)


# 5. Android logcat (liblog logprint.cpp): every line of the message a
# log line with the prefix of its format; lines of other tags between.
def logcat(fmt, tag, pid, tid, text, ms):
    time = "11-20 10:00:%06.3f" % (1 + ms / 1000.0)
    if fmt == "threadtime":
        pre = "%s %5d %5d %c %-8s: " % (time, pid, tid, "D", tag)
    elif fmt == "time":
        pre = "%s %c/%-8s(%5d): " % (time, "D", tag, pid)
    else:
        pre = "%c/%-8s(%5d): " % ("D", tag, pid)
    return pre + text + "\n"


for fmt in ("threadtime", "time", "brief"):
    out = "--------- beginning of main\n"
    ms = 0
    for m in msgs:
        lines = m.split("\r\n")[:-1]  # the message's lines, the empty one included
        if m.endswith("\r\n") is False:
            lines = m.split("\r\n")
        for k, line in enumerate(lines):
            out += logcat(fmt, "ImsSip", 1234, 1300, line, ms)
            ms += 1
            if k == 3:  # another process logs in between
                out += logcat(fmt, "ActivityManager", 987, 990, "Start proc 4321:com.android.phone/1001 for service", ms)
                out += logcat(fmt, "ImsSipRx", 1234, 1301, "Via: SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bK-other", ms)
    out += logcat(fmt, "ImsSip", 1234, 1300, "sent 1355 bytes", ms)
    write("logcat-%s.txt" % fmt, out)


# 6. ngrep -W byline port 5060 (ngrep.c process/dump_packet/dump_byline):
# '#' per packet, "\nU src -> dst #N\n", the payload with '\n' kept and
# every other byte isprint() rejects as '.', then "\n".
def ngrep_print(m, byline):
    return "".join(c if (c == "\n" and byline) or (0x20 <= ord(c) < 0x7f) else "." for c in m)


out = "interface: eth0 (10.0.0.0/255.255.255.0)\nfilter: ( port 5060 ) and ((ip || ip6) || (vlan && (ip || ip6)))\n"
for i, m in enumerate(msgs):
    out += "#\nU 10.0.0.%d:5062 -> 10.0.0.2:5060 #%d\n" % (i + 1, i + 1) + ngrep_print(m, True) + "\n"
out += "####\nexit\n"
write("ngrep-byline.txt", out)

# 7. ngrep -W none: the payload on one line, CR LF as "..".
out = "interface: eth0 (10.0.0.0/255.255.255.0)\n#\nU 10.0.0.1:5062 -> 10.0.0.2:5060 #1\n" + ngrep_print(reg, False) + "\n"
write("ngrep-none.txt", out)


# 8. Wireshark's packet details as text (Copy > All Visible Items, or
# Export Packet Dissections > As Plain Text): the SIP tree with each header
# field on a line one level under "Message Header" (newer versions end it
# with a literal \r\n), the fields the dissector took out of it deeper
# still, generated fields in brackets. The REGISTER only: a body shows as
# the dissector's tree, not as text.
def wireshark(m, crlf):
    head = m.split("\r\n\r\n")[0].split("\r\n")
    eol = "\\r\\n" if crlf else ""
    out = "Frame 7: %d bytes on wire (%d bits), %d bytes captured (%d bits) on interface eth0, id 0\n" % (
        len(m) + 62, (len(m) + 62) * 8, len(m) + 62, (len(m) + 62) * 8)
    out += "Internet Protocol Version 6, Src: 2001:db8:1:0:a1b2:c3d4:e5f6:1, Dst: 2001:db8:0:100::10\n"
    out += "User Datagram Protocol, Src Port: 5062, Dst Port: 5064\n"
    out += "Session Initiation Protocol (REGISTER)\n"
    out += "    Request-Line: " + head[0] + eol + "\n"
    out += "        Method: REGISTER\n        Request-URI: sip:ims.mnc001.mcc001.3gppnetwork.org\n"
    out += "            Request-URI Host Part: ims.mnc001.mcc001.3gppnetwork.org\n        [Resent Packet: False]\n"
    out += "    Message Header\n"
    for h in head[1:]:
        name, value = h.split(":", 1)
        out += "        " + h + eol + "\n"
        if name == "Via":
            out += "            Transport: UDP\n            Sent-by Address: 2001:db8:1:0:a1b2:c3d4:e5f6:1\n"
            out += "            Branch: z9hG4bK2830127746\n            RPort: rport\n"
        elif name in ("From", "To"):
            out += "            SIP %s Address: %s\n" % (name.lower(), value.strip().split(">")[0].lstrip("<"))
            out += "                SIP %s address User Part: 001010000000001\n" % name.lower()
        elif name == "Call-ID":
            out += "        [Generated Call-ID: %s]\n" % value.strip()
        elif name == "Authorization":
            out += "            Authentication Scheme: Digest\n            Username: \"001010000000001@ims.mnc001.mcc001.3gppnetwork.org\"\n"
    return out + "\n"


write("wireshark.txt", wireshark(reg, False))
write("wireshark-crlf.txt", wireshark(reg, True))


# 9. ngrep without -W (its "normal" mode, ngrep.c dump_formatted): the
# payload in rows of the terminal's width less five (80 - 5 when it knows
# no terminal), each after two SP, the last one padded with SP.
def ngrep_normal(m, width=75):
    p = ngrep_print(m, False)
    rows = [p[i:i + width] for i in range(0, len(p), width)]
    return "".join("  " + r.ljust(width) + "\n" for r in rows)


out = "interface: eth0 (10.0.0.0/255.255.255.0)\n#\nU 10.0.0.1:5062 -> 10.0.0.2:5060 #1\n" + ngrep_normal(reg) + "\n#\n"
write("ngrep-normal.txt", out)


# 10. A log prefix before the start line only, the other lines of the
# message as they are: Kamailio or OpenSIPS logging the received buffer
# to a file or stderr ("%.*s" of the message: its CR LF kept), a P-CSCF's
# trace, and Qualcomm QXDM's text export of an "IMS SIP Message" log
# packet ("SIP Message = " before the start line, LF line ends). The flow
# REGISTER, 401, REGISTER, 200 (bench b, f, c, g) and the NOTIFY with its
# body, log lines between them. flow.sip is the same messages on the wire.
flow = [open(f, "rb").read().decode() for f in ("register-initial.sip", "401.sip", "register.sip", "200.sip")]
flow.append(notify)
write("flow.sip", "".join(flow))

out = "2026-11-20 10:00:00.001 [INFO] core: listening on udp:[2001:db8:0:100::10]:5064\n"
for i, m in enumerate(flow):
    rx = m.startswith("REGISTER")
    out += "2026-11-20 10:00:%02d.123 [INFO] sip.transport %s [2001:db8:1:0:a1b2:c3d4:e5f6:1]:5062 %s " \
           "[2001:db8:0:100::10]:5064: " % (i + 1, "RX" if rx else "TX", "->" if rx else "<-") + m
    if not m.endswith("\n"):
        out += "\n"  # the next log line on a line of its own
    out += "2026-11-20 10:00:%02d.124 [DEBUG] tm: transaction %d: state changed, Call-ID: %d\n" % (i + 1, i, i)
write("prefixed-kamailio.log", out)

out = ""
for i, m in enumerate(flow):
    up = m.startswith("REGISTER")
    out += "2026 Nov 20  10:00:%02d.123  [B0]  0x156E  IMS SIP Message\n" % (i + 1)
    out += "Version = 1\nDirection = %s\nSIP Message Logged Bytes = %d\n" % ("UE_TO_NW" if up else "NW_TO_UE", len(m))
    out += "SIP Message = " + m.replace("\r\n", "\n")
    out += "\n"
write("prefixed-qxdm.txt", out)

# 11. A plain log: each message on lines of its own after a timestamp line,
# a blank line after it, LF line ends (a log viewer's copy). The NOTIFY's
# body ends where its Content-Length (counted with CR LF) says: the log
# line after the blank line that follows it is no body.
out = ""
for i, m in enumerate(flow):
    out += "2026-11-20 10:00:%02d.123 INFO sip.transport: message %d:\n" % (i + 1, i + 1)
    out += m.replace("\r\n", "\n") + "\n"
out += "2026-11-20 10:00:09.000 INFO sip.transport: idle\n"
write("timestamped.txt", out)


# 12. A log prefix on every line of the message: each line its own log
# record (the program logged the message line by line, or a log collector
# split it), the body's lines too, the prefix alone for the empty line
# (its SP trimmed by syslog). The flow, with lines of another shape (another
# process, thread or container) between the message's lines and log lines
# of the same shape after each message.
def every(name, prefix, foreign, crlf, after=None):
    out = ""
    for i, m in enumerate(flow):
        lines = m.split("\r\n")
        if lines[-1] == "":
            lines = lines[:-1]
        for k, line in enumerate(lines):
            p = prefix(i, k)
            out += (p + line if line else p.rstrip()) + ("\r\n" if crlf else "\n")
            if k == 2:
                out += foreign(i) + "\n"
        if after:
            out += prefix(i, len(lines)) + after(i) + "\n"
    write(name, out)


# syslog per line (rsyslog's traditional file format, RFC 3164 time):
# another kamailio process and another program log between the lines.
every("syslog-every.log", lambda i, k: "Nov 20 10:00:%02d pcscf kamailio[1234]: " % (i + 1),
      lambda i: "Nov 20 10:00:%02d pcscf kamailio[1240]: INFO: <core> [tcp_main.c:4000]: connection closed" % (i + 1)
      if i % 2 else "Nov 20 10:00:%02d pcscf systemd[1]: Started Session %d of User root." % (i + 1, i + 3), False,
      lambda i: "INFO: <script>: transaction %d done, Call-ID: %d" % (i, i))

# kubectl logs --timestamps / docker logs -t: Go's RFC3339Nano, trailing
# zeros of the nanoseconds trimmed (the '.' too when all are zero), one SP;
# the container wrote CR LF, the CR stays before each LF. Another goroutine
# logs between the lines in the same shape (logrus's text format: no SIP
# header, left out rather than joined to the header before it).
ns = ["123456789", "1234567", "12", "", "5"]
every("kubectl-timestamps.log",
      lambda i, k: "2026-11-20T10:00:%02d%sZ " % (i + 1, "." + ns[(i + k) % 5] if ns[(i + k) % 5] else ""),
      lambda i: "2026-11-20T10:00:%02d.2Z time=\"2026-11-20T10:00:%02dZ\" level=info msg=\"lookup done, 1 binding\""
      % (i + 1, i + 1), True,
      lambda i: "transaction %d done" % i)

# kubectl logs --prefix --all-containers: "[pod/NAME/CONTAINER] ", the
# sidecar's lines between.
every("kubectl-prefix.log", lambda i, k: "[pod/pcscf-0/kamailio] ",
      lambda i: "[pod/pcscf-0/istio-proxy] [2026-11-20T10:00:%02d.000Z] \"- - -\" 0 - - - 1 2 3" % (i + 1), False)

# An application log (logback/log4j pattern "%d %-5level [%thread] %logger: "):
# another thread's line between.
every("applog-every.log", lambda i, k: "2026-11-20 10:00:%02d.%03d DEBUG [worker-3] sip.transport: " % (i + 1, k),
      lambda i: "2026-11-20 10:00:%02d.500 DEBUG [worker-4] sip.transport: Via: SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bK-other"
      % (i + 1), False)


# 13. journalctl -u kamailio (systemd logs-show.c output_short and
# print_multiline): one entry per message, its first line after
# "Mmm dd HH:MM:SS host ident[pid]: ", each further line indented with as
# many SP as that prefix is long (the empty line: those SP alone); entries
# of other units between. journalctl shows a message holding a CR as
# "[blob data]" unless -a: short with LF line ends, and -o short-iso -a
# with the CR before each LF.
def journal(name, stamp, crlf):
    out = ""
    for i, m in enumerate(flow):
        pre = stamp(i) + " pcscf kamailio[1234]: "
        text = m if crlf else m.replace("\r\n", "\n")
        lines = text.split("\n")
        if lines[-1] == "":
            lines = lines[:-1]
        out += pre + lines[0] + "\n"
        for line in lines[1:]:
            out += " " * len(pre) + line + "\n"
        out += stamp(i) + " pcscf systemd[1]: Started Session %d of User root.\n" % (i + 3)
    write(name, out)


journal("journalctl.log", lambda i: "Nov 20 10:00:%02d" % (i + 1), False)
journal("journalctl-iso.log", lambda i: "2026-11-20T10:00:%02d+01:00" % (i + 1), True)


# 14. An Android IMS stack's messages in logcat (threadtime) with the
# app's own text before them: an app that logs "Sending SIP message: " and
# the message in one call has logcat split it at its line ends, so only
# the first line has that text; one that logs each line after a direction
# mark ("[-->] ", "[<--] ") has the mark on every line, the mark alone
# (its SP trimmed or not) for the empty line. Another process logs
# between the lines, the app's other lines after each message.
def logcat_marked(name, mark, every_line):
    out = "--------- beginning of main\n"
    for i, m in enumerate(flow):
        lines = m.split("\r\n")
        if lines[-1] == "":
            lines = lines[:-1]
        up = m.startswith("REGISTER")
        for k, line in enumerate(lines):
            pre = "11-20 10:00:%02d.%03d  2345  2401 D SIPMSG[0]: " % (i + 1, k)
            text = mark(up) + line if k == 0 or every_line else line
            if not line and every_line and i % 2:
                text = text.rstrip()
            out += pre + text + "\n"
            if k == 2:
                out += "11-20 10:00:%02d.500  1001  1050 I RILJ    : [0123]> SIGNAL_STRENGTH\n" % (i + 1)
        out += "11-20 10:00:%02d.900  2345  2401 D SIPMSG[0]: %s done\n" % (i + 1, "sent" if up else "received")
    write(name, out)


logcat_marked("logcat-text-first.txt", lambda up: "Sending SIP message: " if up else "Received SIP message: ", False)
logcat_marked("logcat-text-every.txt", lambda up: "[-->] " if up else "[<--] ", True)


# 15. logcat -v long (liblog logprint.cpp: "[ %s %5d:%5d %c/%-8s ]\n", the
# record's text, then "\n\n"): an IMS stack that logs the REGISTER a line
# a record (the empty line a record of its own), another process's record
# between them, its own line after the message; then the NOTIFY logged
# whole in one record, its CR LF line ends kept.
def long_header(tag, pid, tid, ms):
    return "[ 11-20 10:00:%06.3f %5d:%5d D/%-8s ]\n" % (1 + ms / 1000.0, pid, tid, tag)


out = "--------- beginning of main\n"
ms = 0
for k, line in enumerate(reg.split("\r\n")[:-1]):
    out += long_header("ImsSip", 1234, 1300, ms) + line + "\n\n"
    ms += 1
    if k == 3:
        out += long_header("ActivityManager", 987, 990, ms) + "Start proc 4321:com.android.phone/1001 for service\n\n"
out += long_header("ImsSip", 1234, 1300, ms) + "sent 1355 bytes\n\n"
out += long_header("ImsSip", 1234, 1301, ms + 1) + notify + "\n\n"
write("logcat-long.txt", out)
