# esp_capture.py OUT mw|ue [WIRE_DIR]: a pcap of an IMS registration whose
# protected REGISTER and its 200 go in ESP (AES-CBC, HMAC-SHA-1-96), sealed
# with CK and IK of the TS 35.207 test set 1 (its RAND in the 401's nonce,
# ../shared/corpus/milenage/vectors.tsv): the UE's REGISTER (Security-Client
# spi-c 1111, spi-s 2222), with "mw" the S-CSCF's 401 to the P-CSCF (its
# ck= and ik=), the P-CSCF's 401 to the UE (Security-Server spi-c 3333,
# spi-s 4444), the REGISTER in ESP of SPI 4444 (UE port-c 5062 to P-CSCF
# port-s 5068), the 200 in ESP of SPI 2222 (P-CSCF port-c 5066 to UE port-s
# 5064). WIRE_DIR: where the two sealed messages' bytes are written
# (reg2.sip, ok.sip), for the test to compare.
import os, struct, sys, hmac, hashlib, base64
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
out, with_mw = sys.argv[1], sys.argv[2] == "mw"
CK = bytes.fromhex("b40ba9a3c58b2a05bbf0d987b21bf8cb"); IK = bytes.fromhex("f769bcd751044604127672711c6d3441")
RAND = bytes.fromhex("23553cbe9637a89d218ae64dae47bf35"); AUTN = bytes.fromhex("55f328b43577b9b94a9ffac354dfafb3")
nonce = base64.b64encode(RAND + AUTN).decode()
ue, pc, sc = [10, 0, 0, 1], [10, 0, 0, 2], [10, 0, 0, 3]
dom = "ims.mnc001.mcc001.3gppnetwork.org"; impu = "sip:001010000000001@" + dom
sc_hdr = "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=1111;spi-s=2222;port-c=5062;port-s=5064"
ss = "ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=3333;spi-s=4444;port-c=5066;port-s=5068"
def msg(lines, body=""):
    return ("\r\n".join(lines) + "\r\nContent-Length: %d\r\n\r\n" % len(body) + body).encode()
common = lambda cseq: ["From: <%s>;tag=u1" % impu, "To: <%s>" % impu, "Call-ID: esp-call", "CSeq: %d REGISTER" % cseq]
via_ue = lambda p, b: "Via: SIP/2.0/UDP 10.0.0.1:%d;branch=%s" % (p, b)
reg1 = msg(["REGISTER sip:%s SIP/2.0" % dom, via_ue(5060, "z9hG4bKr1"), "Max-Forwards: 70"] + common(1) +
           ["Contact: <sip:10.0.0.1:5060>", "Expires: 600000", sc_hdr, "Require: sec-agree", "Proxy-Require: sec-agree"])
www = 'WWW-Authenticate: Digest realm="%s",nonce="%s",algorithm=AKAv1-MD5,qop="auth"' % (dom, nonce)
r401_mw = msg(["SIP/2.0 401 Unauthorized", "Via: SIP/2.0/UDP 10.0.0.2:5070;branch=z9hG4bKp1", via_ue(5060, "z9hG4bKr1")] +
              common(1)[:1] + ["To: <%s>;tag=s1" % impu] + common(1)[2:] +
              [www + ',ck="%s",ik="%s"' % (CK.hex(), IK.hex())])
r401 = msg(["SIP/2.0 401 Unauthorized", via_ue(5060, "z9hG4bKr1")] + common(1)[:1] + ["To: <%s>;tag=s1" % impu] +
           common(1)[2:] + [www, "Security-Server: " + ss])
# the UE's answer: RFC 3310 AKAv1-MD5, the password RES (f2 of test set 1)
RES = bytes.fromhex("a54211d5e3ba50bf")
user = "001010000000001@" + dom
md5 = lambda b: hashlib.md5(b).hexdigest()
ha1 = md5(("%s:%s:" % (user, dom)).encode() + RES)
ha2 = md5(("REGISTER:sip:%s" % dom).encode())
resp = md5(("%s:%s:00000001:c1:auth:%s" % (ha1, nonce, ha2)).encode())
reg2 = msg(["REGISTER sip:%s SIP/2.0" % dom, via_ue(5064, "z9hG4bKr2"), "Max-Forwards: 70"] + common(2) +
           ["Contact: <sip:10.0.0.1:5064>", "Expires: 600000",
            'Authorization: Digest username="%s",realm="%s",nonce="%s",uri="sip:%s",response="%s",algorithm=AKAv1-MD5,qop=auth,nc=00000001,cnonce="c1"' % (user, dom, nonce, dom, resp),
            sc_hdr, "Security-Verify: " + ss, "Require: sec-agree", "Proxy-Require: sec-agree"])
ok = msg(["SIP/2.0 200 OK", via_ue(5064, "z9hG4bKr2")] + common(2)[:1] + ["To: <%s>;tag=s2" % impu] + common(2)[2:] +
         ["Contact: <sip:10.0.0.1:5064>;expires=600000"])
def udp(sp, dp, m):
    return struct.pack("!HHHH", sp, dp, 8 + len(m), 0) + m
def ip4(src, dst, proto, p):
    return struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(p), 1, 0, 64, proto, 0, bytes(src), bytes(dst)) + p
def esp(spi, seq, inner, iv):
    pad = (16 - (len(inner) + 2) % 16) % 16
    pt = inner + bytes(range(1, pad + 1)) + bytes([pad, 17])
    e = Cipher(algorithms.AES(CK), modes.CBC(iv)).encryptor()
    body = struct.pack("!II", spi, seq) + iv + e.update(pt) + e.finalize()
    return body + hmac.new(IK + bytes(4), body, hashlib.sha1).digest()[:12]
pkts = [ip4(ue, pc, 17, udp(5060, 5060, reg1))]
if with_mw:
    pkts.append(ip4(sc, pc, 17, udp(6060, 5070, r401_mw)))
pkts += [ip4(pc, ue, 17, udp(5060, 5060, r401)),
         ip4(ue, pc, 50, esp(4444, 1, udp(5062, 5068, reg2), bytes(range(16)))),
         ip4(pc, ue, 50, esp(2222, 1, udp(5066, 5064, ok), bytes(range(16, 32))))]
if len(sys.argv) > 3:
    open(os.path.join(sys.argv[3], "reg2.sip"), "wb").write(reg2)
    open(os.path.join(sys.argv[3], "ok.sip"), "wb").write(ok)
with open(out, "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 101))
    for i, p in enumerate(pkts):
        f.write(struct.pack("<IIII", 1700000000 + i, 0, len(p), len(p)) + p)
