#!/usr/bin/env bash
# tcpdump_crosscheck_test.sh IMSREG: `imsreg decode` reads the text of
# tcpdump -A and its hex dumps (Debian tcpdump 4.99), the way people capture SIP on a server,
# in the shapes its options give (-n/-nn names or numbers, -tttt and -tt
# times, -e link-layer addresses, -v/-vv with the message printed once more
# after tabs, -S absolute sequence numbers), over every capture of
# ../shared/corpus/captures/pcap: UDP over IPv4 and IPv6, TCP with a
# retransmission, IPv6 fragments, IP in IP, SCTP, SIP over WebSocket (and
# two captures the test writes: IPv4 fragments, and ESP without encryption
# as IMS sec-agree with ealg=null sends it).
# tshark (Debian 4.0) dissects the same capture: the messages we read must
# be its SIP messages, in order (start line, Call-ID, CSeq), and a message
# that came in one UDP datagram must equal its payload byte for byte (the
# bytes tcpdump prints as '.' as '.' on both sides).
#
# The hex dumps of -x, -X, -xx and -XX (the bytes exact, link-layer header
# or not) are read the same way, through the IP, UDP, TCP, SCTP and
# WebSocket headers as the bytes give them, and so are tshark -x's (the
# shape of Wireshark's Copy as Hex Dump; with -P, and beside -V's packet
# details, whose messages are then read from the details).
#
# The capture files themselves, read by decode (libpcap, the trace layer),
# as pcap, pcapng and nanosecond pcap: every SIP message tshark finds, in
# order, at tshark's frame number, with its time and endpoints.
#
# Known and expected: WebSocket frames from a client are masked (RFC 6455
# §5.3), so tcpdump -A's text of them holds no readable message: of that
# capture's 39 messages, the 5 the client sent are not read from -A
# (EXPECT_MISSING); from the hex dumps they are unmasked and read.
set -u
imsreg=${1:?usage: tcpdump_crosscheck_test.sh IMSREG}
for tool in tcpdump tshark editcap mergecap python3; do
	command -v $tool >/dev/null || { echo "FAIL: $tool not installed (scripts/deps.sh installs it)"; exit 1; }
done
pcaps=../shared/corpus/captures/pcap
[ -d $pcaps ] || { echo "FAIL: $pcaps not found (run from the repo root, beside ../shared)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$imsreg" "$pcaps" "$tmp" <<'PY'
import json, os, re, subprocess, sys
imsreg, pcaps, tmp = sys.argv[1:4]
EXPECT_MISSING = {"heplify-sip_tcp_websocket.pcap": 5}
RUNS = [["tcpdump", "-A", "-nn"], ["tcpdump", "-A"], ["tcpdump", "-A", "-n", "-tttt", "-e"],
        ["tcpdump", "-A", "-vv", "-n"], ["tcpdump", "-A", "-v", "-e", "-tt", "-S"],
        ["tcpdump", "-x", "-nn"], ["tcpdump", "-X"], ["tcpdump", "-xx", "-n", "-e"], ["tcpdump", "-XX", "-vv"],
        # tshark's own hex dumps (Wireshark's Copy as Hex Dump has their shape)
        ["tshark", "-x"], ["tshark", "-P", "-x"], ["tshark", "-V", "-x"]]
fails = checks = 0

def fail(msg):
    global fails
    fails += 1
    print("FAIL: " + msg)

def tshark(pcap, filt, fields, occurrence="f"):
    out = subprocess.run(["tshark", "-r", pcap] + TSHARK_OPTS.get(os.path.basename(pcap), []) +
                         ["-Y", filt, "-T", "fields", "-E", "separator=\t",
                          "-E", "occurrence=" + occurrence] + sum([["-e", f] for f in fields], []),
                         capture_output=True, text=True, check=True).stdout
    return [(l.split("\t") + [""] * len(fields))[:len(fields)] for l in out.splitlines()]

def printable(b):
    return "".join(chr(c) if 32 <= c < 127 or c in (9, 10, 13) else "." for c in b)

# and one made here: a SIP datagram of 1563 bytes in two IPv4 fragments
# (raw IP link type), which tshark reassembles; the hex dumps join them by
# the IP identification, -A's text by the hosts of the fragment that
# follows (it names no ports), -v's by its IP header
import struct
msg = b"MESSAGE sip:b@example.net SIP/2.0\r\nCall-ID: frag4\r\nCSeq: 1 MESSAGE\r\nContent-Length: 1500\r\n\r\n" + b"A" * 1500
udp = struct.pack("!HHHH", 5060, 5060, 8 + len(msg), 0) + msg
def ipv4(payload, off, more):
    return struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 0x4242, (0x2000 if more else 0) | off // 8,
                       64, 17, 0, bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])) + payload
def read_pcap(path):
    d = open(path, "rb").read()
    out, o = [], 24
    while o + 16 <= len(d):
        n = struct.unpack("<I", d[o + 8:o + 12])[0]
        out.append(d[o + 16:o + 16 + n])
        o += 16 + n
    return out
def write_pcap(path, packets, link=101):  # raw IP
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, link))
        for i, pkt in enumerate(packets):
            f.write(struct.pack("<IIII", 1000 + i, 0, len(pkt), len(pkt)) + pkt)
made = {}
made["ipv4frag.pcap"] = os.path.join(tmp, "ipv4frag.pcap")
write_pcap(made["ipv4frag.pcap"], [ipv4(udp[:1480], 0, True), ipv4(udp[1480:], 1480, False)])
# and IMS sec-agree's IPsec with ealg=null (TS 33.203): UDP in ESP without
# encryption over IPv6, its trailer padded and a 12-byte ICV
# (hmac-sha-1-96); tshark reads it with its NULL-encryption heuristic on
def esp_null(sport, dport, m, spi, seq):
    u = struct.pack("!HHHH", sport, dport, 8 + len(m), 0) + m
    pad = (4 - (len(u) + 2) % 4) % 4
    return struct.pack("!II", spi, seq) + u + bytes(range(1, pad + 1)) + bytes([pad, 17]) + bytes(12)
def ipv6(src, dst, nh, payload):
    return struct.pack("!IHBB16s16s", 0x60000000, len(payload), nh, 64, src, dst) + payload
ue, pcscf = bytes.fromhex("20010db8000000000000000000000001"), bytes.fromhex("20010db8000000000000000000000002")
reg = (b"REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0\r\nVia: SIP/2.0/UDP [2001:db8::1]:5064;branch=z9hG4bK1\r\n"
       b"Call-ID: esp1\r\nCSeq: 2 REGISTER\r\nContent-Length: 0\r\n\r\n")
ok = b"SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP [2001:db8::1]:5064;branch=z9hG4bK1\r\nCall-ID: esp1\r\nCSeq: 2 REGISTER\r\nContent-Length: 0\r\n\r\n"
made["esp-null.pcap"] = os.path.join(tmp, "esp-null.pcap")
write_pcap(made["esp-null.pcap"], [ipv6(ue, pcscf, 50, esp_null(5064, 5066, reg, 0x1234, 1)),
                                   ipv6(pcscf, ue, 50, esp_null(5066, 5064, ok, 0x5678, 1))])
TSHARK_OPTS = {"esp-null.pcap": ["-o", "esp.enable_null_encryption_decode_heuristic:TRUE"]}
# and the tunnels of virtual networks and port mirrors, an OPTIONS in each:
# GRE (a key, IPv4 inside), GRE bridging Ethernet, ERSPAN types II and
# III, VXLAN (VNI 42) and Geneve (VNI 7); and GTP-U as S1-U or N3 carries
# a UE's packets (TS 29.281: a plain G-PDU, and one from an ephemeral port
# with a PDU Session Container, QFI 5), and a probe's copy of it: GTP-U
# in ERSPAN type II, and in GRE in VXLAN
def sip_opt(i):
    return (b"OPTIONS sip:b@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 10.1.0.1:5060;branch=z9hG4bKt%d\r\n"
            b"Call-ID: tun%d\r\nCSeq: %d OPTIONS\r\nContent-Length: 0\r\n\r\n") % (i, i, i)
def ip4_pkt(src, dst, proto, payload):
    return struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 0, 0, 64, proto, 0, bytes(src), bytes(dst)) + payload
def udp_dgram(sp, dp, m):
    return struct.pack("!HHHH", sp, dp, 8 + len(m), 0) + m
def tun_inner(i):
    return ip4_pkt([10, 1, 0, 1], [10, 1, 0, 2], 17, udp_dgram(5060, 5060, sip_opt(i)))
eth = b"\x02" * 12 + b"\x08\x00"
def tun_outer(proto, p):
    return ip4_pkt([192, 0, 2, 1], [192, 0, 2, 2], proto, p)
def gtpu(teid, flags, opt, p):
    return struct.pack("!BBHI", flags, 0xff, len(opt) + len(p), teid) + opt + p
made["tunnels.pcap"] = os.path.join(tmp, "tunnels.pcap")
write_pcap(made["tunnels.pcap"], [
    tun_outer(47, b"\x20\x00\x08\x00" + struct.pack("!I", 42) + tun_inner(1)),
    tun_outer(47, b"\x00\x00\x65\x58" + eth + tun_inner(2)),
    tun_outer(47, b"\x10\x00\x88\xbe" + struct.pack("!I", 1) + b"\x10\x01\x00\x05" + bytes(4) + eth + tun_inner(3)),
    tun_outer(47, b"\x10\x00\x22\xeb" + struct.pack("!I", 2) + b"\x20" + bytes(11) + eth + tun_inner(4)),
    tun_outer(17, udp_dgram(49152, 4789, b"\x08\x00\x00\x00\x00\x00\x2a\x00" + eth + tun_inner(5))),
    tun_outer(17, udp_dgram(49152, 6081, b"\x00\x00\x65\x58\x00\x00\x07\x00" + eth + tun_inner(6))),
    tun_outer(17, udp_dgram(2152, 2152, gtpu(0x1234abcd, 0x30, b"", tun_inner(7)))),
    tun_outer(17, udp_dgram(49152, 2152, gtpu(0x20, 0x34, b"\x00\x00\x00\x85\x01\x10\x05\x00", tun_inner(8)))),
    tun_outer(47, b"\x10\x00\x88\xbe" + struct.pack("!I", 3) + b"\x10\x01\x00\x05" + bytes(4) + eth +
              tun_outer(17, udp_dgram(2152, 2152, gtpu(0x21, 0x30, b"", tun_inner(9))))),
    tun_outer(17, udp_dgram(49152, 4789, b"\x08\x00\x00\x00\x00\x00\x2a\x00" + eth +
              tun_outer(47, b"\x00\x00\x08\x00" + tun_outer(17, udp_dgram(2152, 2152, gtpu(0x22, 0x30, b"", tun_inner(10)))))))])
# and SIP over SCTP as tshark reassembles it (sctp.reassembly): a DATA
# chunk sent again (a whole message's, and the last of a message in two
# chunks) is no second message; and, read from the capture file only
# (tcpdump's text is read in the order of its packets), the last chunk of
# a message before its first (TSN order), and the UE's datagram in two IP
# fragments, each in a G-PDU of its own
def sctp_pkt(chunks):
    body = struct.pack("!HHII", 5060, 5060, 0x11223344, 0) + b"".join(chunks)
    crc = 0xffffffff
    for b in body:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return tun_outer(132, body[:8] + struct.pack("<I", crc ^ 0xffffffff) + body[12:])
def sctp_data(tsn, payload, flags=3):
    ch = struct.pack("!BBHIHHI", 0, flags, 16 + len(payload), tsn, 0, 0, 0) + payload
    return ch + bytes((4 - len(ch) % 4) % 4)
def sctp_reg(i):
    return (b"REGISTER sip:ims.example.net SIP/2.0\r\nVia: SIP/2.0/SCTP 10.1.0.1:5060;branch=z9hG4bKs%d\r\n"
            b"Call-ID: sctp%d\r\nCSeq: %d REGISTER\r\nContent-Length: 0\r\n\r\n") % (i, i, i)
made["sctp-resent.pcap"] = os.path.join(tmp, "sctp-resent.pcap")
write_pcap(made["sctp-resent.pcap"], [
    sctp_pkt([sctp_data(100, sctp_reg(1))]), sctp_pkt([sctp_data(100, sctp_reg(1))]),
    sctp_pkt([sctp_data(101, sctp_reg(2)[:60], 2)]), sctp_pkt([sctp_data(102, sctp_reg(2)[60:], 1)]),
    sctp_pkt([sctp_data(102, sctp_reg(2)[60:], 1)]), sctp_pkt([sctp_data(103, sctp_reg(3))])])
made["sctp-reordered.pcap"] = os.path.join(tmp, "sctp-reordered.pcap")
write_pcap(made["sctp-reordered.pcap"], [
    sctp_pkt([sctp_data(100, sctp_reg(1))]), sctp_pkt([sctp_data(102, sctp_reg(2)[60:], 1)]),
    sctp_pkt([sctp_data(101, sctp_reg(2)[:60], 2)]), sctp_pkt([sctp_data(103, sctp_reg(3))])])
big = udp_dgram(5060, 5060, sip_opt(11)[:-4] + b"\r\nX-Pad: " + b"p" * 1600 + b"\r\n\r\n")
def ip4_frag(payload, off, more):
    return struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 0x77, (0x2000 if more else 0) | off // 8,
                       64, 17, 0, bytes([10, 1, 0, 1]), bytes([10, 1, 0, 2])) + payload
made["gtpu-fragments.pcap"] = os.path.join(tmp, "gtpu-fragments.pcap")
write_pcap(made["gtpu-fragments.pcap"], [
    tun_outer(17, udp_dgram(2152, 2152, gtpu(0x1234abcd, 0x30, b"", ip4_frag(big[:1400], 0, True)))),
    tun_outer(17, udp_dgram(2152, 2152, gtpu(0x1234abcd, 0x30, b"", ip4_frag(big[1400:], 1400, False))))])
TSHARK_OPTS["sctp-resent.pcap"] = TSHARK_OPTS["sctp-reordered.pcap"] = ["-o", "sctp.reassembly:TRUE"]
# and what a router's or an operator's mirror port captures between
# Ethernet and IP (Ethernet link type): MPLS labels over IPv4, two under a
# VLAN tag over IPv6, an Ethernet pseudowire with its control word (tshark
# told so: it takes the word for the start of a frame), a PPPoE session
def label(l, s):
    return struct.pack("!I", l << 12 | s << 8 | 64)
macs = bytes.fromhex("020000000002020000000001")
made["mpls-pppoe.pcap"] = os.path.join(tmp, "mpls-pppoe.pcap")
write_pcap(made["mpls-pppoe.pcap"], [
    macs + b"\x88\x47" + label(100, 1) + tun_inner(21),
    macs + b"\x81\x00\x00\x05\x88\x47" + label(16, 0) + label(17, 1) + ipv6(ue, pcscf, 17, udp_dgram(5060, 5060, sip_opt(22))),
    macs + b"\x88\x47" + label(200, 1) + bytes(4) + macs + b"\x08\x00" + tun_inner(23),
    macs + b"\x88\x64\x11\x00\x00\x01" + struct.pack("!H", len(tun_inner(24)) + 2) + b"\x00\x21" + tun_inner(24)], link=1)
TSHARK_OPTS["mpls-pppoe.pcap"] = ["-d", "mpls.label==200,pwethcw"]
# the same without the pseudowire (whose packet tcpdump's line says
# nothing of) for tcpdump's text and hex dumps; -v puts MPLS's labels
# and the IP header on lines of their own, which are not read
made["mpls-text.pcap"] = os.path.join(tmp, "mpls-text.pcap")
write_pcap(made["mpls-text.pcap"], [p for i, p in enumerate(read_pcap(made["mpls-pppoe.pcap"])) if i != 2], link=1)
FILE_ONLY = {"sctp-reordered.pcap", "gtpu-fragments.pcap", "mpls-pppoe.pcap"}
NOT_V = {"mpls-text.pcap"}
# and every corpus capture in one pcapng, one after the other (mergecap -a),
# with two made here of raw IP: interfaces of three link types (Linux
# cooked, Ethernet, raw IP), which libpcap (and so tcpdump) does not read;
# decode reads it block by block
made["merged.pcapng"] = os.path.join(tmp, "merged.pcapng")
subprocess.run(["mergecap", "-a", "-F", "pcapng", "-w", made["merged.pcapng"]] +
               [os.path.join(pcaps, n) for n in sorted(os.listdir(pcaps)) if n.endswith(".pcap")] +
               [made["ipv4frag.pcap"], made["tunnels.pcap"]], check=True)

for name in sorted(os.listdir(pcaps)) + sorted(made):
    if not name.endswith((".pcap", ".pcapng")):
        continue
    pcap = made.get(name) or os.path.join(pcaps, name)
    want = [((rl or sl), cid, cseq) for rl, sl, cid, cseq in
            tshark(pcap, "sip", ["sip.Request-Line", "sip.Status-Line", "sip.Call-ID", "sip.CSeq"])]
    datagrams = [printable(bytes.fromhex(p.split(",")[-1])) for (p,) in tshark(pcap, "sip && udp", ["udp.payload"], occurrence="l")]
    # the endpoints of every packet that carries SIP, or a part of it (the
    # innermost IP header: IP in IP)
    endpoints = set()
    for row in tshark(pcap, "sip || tcp.len > 0 || sctp.data_payload_proto_id || sctp.data_tsn",
                      ["ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "udp.srcport", "udp.dstport",
                       "tcp.srcport", "tcp.dstport", "sctp.srcport", "sctp.dstport"], occurrence="l"):
        src, dst = (row[0], row[1]) if row[0] else (row[2], row[3])
        sp, dp = next(((row[i], row[i + 1]) for i in (4, 6, 8) if row[i]), ("", ""))
        endpoints.add((src, sp, dst, dp))
    # the capture file itself (libpcap, decode's trace layer), as pcap, as
    # pcapng and as nanosecond pcap (editcap): tshark's SIP messages, all,
    # in order, each at tshark's frame, a datagram byte for byte, its packet
    # line the frame, the time (UTC) and endpoints of tshark's
    frames = [int(f) for (f,) in tshark(pcap, "sip", ["frame.number"])]
    times = dict((int(f), t) for f, t in tshark(pcap, "sip", ["frame.number", "frame.time_epoch"]))
    direct = []
    for fmt in ("pcapng",) if name.endswith(".pcapng") else ("pcap", "pcapng", "nsecpcap"):
        path = pcap
        if fmt != "pcap" and not name.endswith(".pcapng"):
            path = os.path.join(tmp, "conv." + fmt)
            subprocess.run(["editcap", "-F", fmt, pcap, path], check=True)
        r = subprocess.run([imsreg, "decode", "--json", path], capture_output=True)
        what = f"{name} read as {fmt}"
        checks += 1
        if r.returncode not in (0, 1) or r.stderr:
            fail(f"{what}: exit {r.returncode}: {r.stderr.decode()[:300]}")
            continue
        msgs = json.loads(r.stdout)["inputs"][0]["messages"]
        got = [(m["wire"].split("\r\n", 1)[0],) for m in msgs]
        if [g[0] for g in got] != [w[0] for w in want]:
            fail(f"{what}: start lines {[g[0] for g in got][:3]}... are not tshark's {[w[0] for w in want][:3]}...")
        if [m["frame"] for m in msgs] != frames:
            fail(f"{what}: frames {[m['frame'] for m in msgs]} are not tshark's {frames}")
        for d in datagrams:
            if not any(printable(m["wire"].encode("latin-1", "replace")) == d for m in msgs):
                fail(f"{what}: the datagram starting {d.split(chr(13), 1)[0]!r} is not read byte for byte")
                break
        for m in msgs:
            pm = re.match(r"^frame (\d+) (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}) IP6? (\S+)\.(\d+) > (\S+)\.(\d+): "
                          r"(UDP|TCP|SCTP|WebSocket over TCP), length \d+", m["packet"] or "")
            import datetime
            t = times.get(m["frame"])
            want_t = t and datetime.datetime.fromtimestamp(float(t), datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
            if not pm or int(pm.group(1)) != m["frame"] or pm.group(2) != want_t or pm.groups()[2:6] not in endpoints:
                fail(f"{what}: packet {m['packet']!r}: not tshark's frame, time ({want_t}) and endpoints")
                break
            if any(f.get("id") == "rfc3261.msg.content-length" for f in m.get("findings", [])):
                fail(f"{what}: {m['wire'].split(chr(13), 1)[0]!r}: its body is not its Content-Length")
                break
        direct.append([(m["wire"], m["packet"]) for m in msgs])
    if len(direct) == 3 and not direct[0] == direct[1] == direct[2]:
        fail(f"{name}: pcap, pcapng and nanosecond pcap read differently")
    for run in [] if name in FILE_ONLY else RUNS:
        tool, flags = run[0], run[1:]
        if name in NOT_V and tool == "tcpdump" and ("-v" in flags or "-vv" in flags):
            continue
        if tool == "tcpdump" and name.endswith(".pcapng"):
            continue  # libpcap's: it stops at the second link type
        what = f"{name} {' '.join(run)}"
        opts = TSHARK_OPTS.get(name, []) if tool == "tshark" else []
        text = subprocess.run([tool, "-r", pcap] + opts + flags, capture_output=True).stdout
        path = os.path.join(tmp, "in.txt")
        open(path, "wb").write(text)
        r = subprocess.run([imsreg, "decode", "--json", path], capture_output=True)
        if r.returncode not in (0, 1):
            fail(f"{what}: exit {r.returncode}: {r.stderr.decode()[:300]}")
            continue
        msgs = json.loads(r.stdout)["inputs"][0].get("messages", [])
        got = []
        for m in msgs:
            w = m.get("wire", "")
            cid = cseq = ""
            for l in w.split("\r\n")[1:]:
                k = l.split(":", 1)[0].strip().lower()
                if k in ("call-id", "i") and not cid:
                    cid = l.split(":", 1)[1].strip()
                if k == "cseq" and not cseq:
                    cseq = l.split(":", 1)[1].strip()
            got.append((w.split("\r\n", 1)[0], cid, cseq, w))
        checks += 1
        # ours in order within tshark's, with only the expected ones missing
        j = 0
        for g in got:
            while j < len(want) and want[j] != g[:3]:
                j += 1
            if j == len(want):
                fail(f"{what}: message {g[:3]} is not one of tshark's (in order)")
                break
            j += 1
        missing = len(want) - len(got)
        expect = EXPECT_MISSING.get(name, 0) if "-A" in flags and tool == "tcpdump" else 0
        if missing != expect:
            fail(f"{what}: {len(got)} messages read, tshark has {len(want)} (expected to miss {expect})")
        # a message of one datagram is its payload, byte for byte (tshark
        # -V: read from the packet details, which hold no body)
        for d in (datagrams if "-V" not in flags else []):
            if not any(g[3] == d for g in got):
                first = d.split("\r\n", 1)[0]
                fail(f"{what}: the datagram starting {first!r} is not read byte for byte")
                break
        # from a hex dump's exact bytes every message is whole: a message
        # in several SCTP DATA chunks or TCP segments is joined, so its
        # body is what its Content-Length says
        if tool == "tshark" or any(x in flags for x in ("-x", "-X", "-xx", "-XX", "-vv")):
            for m in msgs:
                if any(f.get("id") == "rfc3261.msg.content-length" for f in m.get("findings", [])):
                    fail(f"{what}: {m.get('wire', '').split(chr(13), 1)[0]!r}: its body is not its Content-Length")
                    break
        # each message's packet: with tshark -P its summary line (frame
        # number, time, an arrow); from a hex dump alone a line written from
        # the bytes, whose endpoints must be those tshark gives a SIP packet
        if tool == "tshark" and "-V" not in flags:
            for m in msgs:
                pk = m.get("packet") or ""
                if "-P" in flags:
                    if not re.match(r"^\d+ +-?[\d.]+ .* (\u2192|->) ", pk):
                        fail(f"{what}: packet {pk!r} is not tshark's summary line")
                        break
                    continue
                pm = re.match(r"^IP6? (\S+)\.(\d+) > (\S+)\.(\d+): (UDP|TCP|SCTP), length \d+", pk)
                if not pm or pm.groups()[:4] not in endpoints:
                    fail(f"{what}: packet {pk!r} names no endpoints of tshark's SIP packets")
                    break
print(f"tcpdump cross-check: {checks} tcpdump and tshark outputs and capture files of {len(os.listdir(pcaps)) + len(made)} captures, {fails} failure(s)")
sys.exit(1 if fails else 0)
PY
