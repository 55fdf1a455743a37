# xfrm_capture.py PCAP XFRM DIR: a capture whose SIP goes in ESP of SAs
# that no message of it sets up, and the text `ip xfrm state` prints for
# those SAs (iproute2's layout), for decode --xfrm:
#  - a P-CSCF's pair: the UE's REGISTER in AES-GCM (RFC 4106, a 128-bit
#    key, its salt, a 16-byte ICV), the 200 in AES-CBC-256 with
#    HMAC-SHA-256-128 (RFC 4868), UDP over IPv4 in transport mode;
#  - an ePDG's tunnel (Wi-Fi calling's SWu): a REGISTER in an inner IPv4
#    packet in tunnel-mode ESP over IPv6, AES-CBC-128 with HMAC-SHA-1-96;
#  - a state of an algorithm decode does not open (hmac(sha512)).
# Sealed by Python's cryptography; DIR gets each message's bytes
# (m1.sip, m2.sip, m3.sip) to compare with what decode reads. And in DIR a
# capture of SAs with extended sequence numbers (RFC 4303 §2.2.1: the
# number's high half, 0 here, after the packet in the ICV, between SPI
# and the low half in GCM's AAD, RFC 4106 §5), esn.pcap, with their states
# (flag esn), xfrm-esn.txt: m1 in AES-GCM, m2 in AES-CBC-256 with
# HMAC-SHA-256-128.
import os, struct, sys, hmac, hashlib
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
pcap, xfrm, wdir = sys.argv[1:4]
dom = "ims.mnc001.mcc001.3gppnetwork.org"; impu = "sip:001010000000001@" + dom
def msg(start, cseq, via, extra=()):
    lines = [start, "Via: SIP/2.0/UDP %s;branch=z9hG4bKx%d" % (via, cseq), "Max-Forwards: 70",
             "From: <%s>;tag=u1" % impu, "To: <%s>" % impu, "Call-ID: xfrm-%d" % cseq, "CSeq: %d REGISTER" % cseq]
    return ("\r\n".join(lines + list(extra)) + "\r\nContent-Length: 0\r\n\r\n").encode()
m1 = msg("REGISTER sip:%s SIP/2.0" % dom, 2, "10.45.0.2:5062", ["Contact: <sip:10.45.0.2:5062>", "Expires: 600000"])
m2 = msg("SIP/2.0 200 OK", 2, "10.45.0.2:5062", ["Contact: <sip:10.45.0.2:5062>;expires=600000"])
m3 = msg("REGISTER sip:%s SIP/2.0" % dom, 3, "192.168.100.7:5060", ["Contact: <sip:192.168.100.7:5060>"])
def udp(sp, dp, m):
    return struct.pack("!HHHH", sp, dp, 8 + len(m), 0) + m
def ip4(src, dst, proto, p):
    return struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(p), 1, 0, 64, proto, 0, bytes(src), bytes(dst)) + p
def ip6(src, dst, nh, p):
    return struct.pack("!IHBB16s16s", 0x60000000, len(p), nh, 64, src, dst) + p
def trailer(inner, nh, blk):
    pad = (blk - (len(inner) + 2) % blk) % blk
    return inner + bytes(range(1, pad + 1)) + bytes([pad, nh])
def esp_gcm(spi, seq, inner, nh, key, salt, iv, esn=False):
    hdr = struct.pack("!II", spi, seq)
    aad = struct.pack("!III", spi, 0, seq) if esn else hdr
    return hdr + iv + AESGCM(key).encrypt(salt + iv, trailer(inner, nh, 4), aad)
def esp_cbc(spi, seq, inner, nh, ekey, akey, md, icv, iv, esn=False):
    e = Cipher(algorithms.AES(ekey), modes.CBC(iv)).encryptor()
    body = struct.pack("!II", spi, seq) + iv + e.update(trailer(inner, nh, 16)) + e.finalize()
    return body + hmac.new(akey, body + (bytes(4) if esn else b""), md).digest()[:icv]
g_key, g_salt = bytes(range(0x10, 0x20)), bytes.fromhex("0badf00d")
c_key, s_key = bytes(range(0x40, 0x60)), bytes(range(0x80, 0xa0))
t_key, t_auth = bytes(range(0xc0, 0xd0)), bytes(range(0x20, 0x34))
ue, pc = [10, 45, 0, 2], [10, 0, 0, 10]
epdg, ue6 = bytes.fromhex("20010db8000000000000000000000e9d"), bytes.fromhex("20010db8000000000000000000000001")
pkts = [ip4(ue, pc, 50, esp_gcm(0x1001, 1, udp(5062, 5064, m1), 17, g_key, g_salt, bytes(range(8)))),
        ip4(pc, ue, 50, esp_cbc(0xc0002002, 1, udp(5066, 5063, m2), 17, c_key, s_key, hashlib.sha256, 16,
                                bytes(range(16)))),
        ip6(ue6, epdg, 50, esp_cbc(0xabcd, 1, ip4([192, 168, 100, 7], [10, 0, 0, 10], 17, udp(5060, 5060, m3)), 4,
                                   t_key, t_auth, hashlib.sha1, 12, bytes(range(32, 48))))]
def write_pcap(path, pkts):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 101))
        for i, p in enumerate(pkts):
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(p), len(p)) + p)
write_pcap(pcap, pkts)
write_pcap(os.path.join(wdir, "esn.pcap"), [
    ip4(ue, pc, 50, esp_gcm(0x2001, 7, udp(5062, 5064, m1), 17, g_key, g_salt, bytes(range(8, 16)), True)),
    ip4(pc, ue, 50, esp_cbc(0x2002, 9, udp(5066, 5063, m2), 17, c_key, s_key, hashlib.sha256, 16,
                            bytes(range(16, 32)), True))])
open(os.path.join(wdir, "xfrm-esn.txt"), "w").write(
    "src 10.45.0.2 dst 10.0.0.10\n"
    "\tproto esp spi 0x00002001 reqid 1 mode transport\n"
    "\treplay-window 0 flag af-unspec esn\n"
    "\taead rfc4106(gcm(aes)) 0x%s%s 128\n"
    "\tanti-replay esn context:\n"
    "\t seq-hi 0x0, seq 0x0, oseq-hi 0x0, oseq 0x0\n"
    "src 10.0.0.10 dst 10.45.0.2\n"
    "\tproto esp spi 0x00002002 reqid 2 mode transport\n"
    "\treplay-window 0 flag esn\n"
    "\tauth-trunc hmac(sha256) 0x%s 128\n"
    "\tenc cbc(aes) 0x%s\n"
    % (g_key.hex(), g_salt.hex(), s_key.hex(), c_key.hex()))
for n, m in (("m1.sip", m1), ("m2.sip", m2), ("m3.sip", m3)):
    open(os.path.join(wdir, n), "wb").write(m)
open(xfrm, "w").write(
    "src 10.45.0.2 dst 10.0.0.10\n"
    "\tproto esp spi 0x00001001 reqid 0 mode transport\n"
    "\treplay-window 0 \n"
    "\taead rfc4106(gcm(aes)) 0x%s%s 128\n"
    "\tanti-replay context: seq 0x0, oseq 0x0, bitmap 0x00000000\n"
    "\tsel src 10.45.0.2/32 dst 10.0.0.10/32 sport 5062 dport 5064 \n"
    "src 10.0.0.10 dst 10.45.0.2\n"
    "\tproto esp spi 0xc0002002 reqid 0 mode transport\n"
    "\treplay-window 0 \n"
    "\tauth-trunc hmac(sha256) 0x%s 128\n"
    "\tenc cbc(aes) 0x%s\n"
    "\tanti-replay context: seq 0x0, oseq 0x0, bitmap 0x00000000\n"
    "\tsel src 10.0.0.10/32 dst 10.45.0.2/32 sport 5066 dport 5063 \n"
    "src 2001:db8::1 dst 2001:db8::e9d\n"
    "\tproto esp spi 0x0000abcd reqid 7 mode tunnel\n"
    "\treplay-window 32 flag af-unspec\n"
    "\tauth-trunc hmac(sha1) 0x%s 96\n"
    "\tenc cbc(aes) 0x%s\n"
    "\tanti-replay context: seq 0x0, oseq 0x0, bitmap 0x00000000\n"
    "src 10.0.0.10 dst 10.45.0.9\n"
    "\tproto esp spi 0x00000077 reqid 0 mode transport\n"
    "\tauth-trunc hmac(sha512) 0x%s 256\n"
    "\tenc cbc(aes) 0x%s\n"
    % (g_key.hex(), g_salt.hex(), s_key.hex(), c_key.hex(), t_auth.hex(), t_key.hex(), bytes(64).hex(),
       bytes(16).hex()))
