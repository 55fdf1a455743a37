#!/usr/bin/env bash
# decode_flow_test.sh IMSREG: the *.flow.* rules over a P-CSCF log of many
# interleaved registrations (generated here): every Call-ID is kept, so a
# wrong nonce or a CSeq that went down is caught however many other
# Call-IDs came in between; a flow table bound (IMSREG_FLOW_MAX_CALLS)
# that drops records is counted in the summary (text and JSON).
set -u
imsreg=${1:?usage: decode_flow_test.sh IMSREG}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. tests/support/cli_check.sh

# log N FILE: the initial REGISTERs of N Call-IDs, then their 401s, then
# their protected REGISTERs; Call-ID 0 answers a nonce its 401 did not
# give, Call-ID 1 with CSeq 0 (below its initial REGISTER's 1).
log() {
	python3 - "$1" >"$2" <<'PY'
import sys
n = int(sys.argv[1])
dom = "ims.mnc001.mcc262.3gppnetwork.org"
impu, impi = "sip:+491701234567@" + dom, "262011234567890@" + dom
na, nb = "AQIDBAUGBwgJCgsMDQ4PEAAAAAAAoQAAESIzRFVmd4g=", "AQIDBAUGBwgJCgsMDQ4PEAAAAAAAoYAAESIzRFVmd4g="
sc = "ipsec-3gpp;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=1111;spi-s=2222;port-c=5062;port-s=5064"
ss = "ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=3333;spi-s=4444;port-c=5066;port-s=5068"
def msg(lines):
    sys.stdout.write("\r\n".join(lines + ["Content-Length: 0", "", ""]))
def register(i, cseq, nonce):
    creds = ('algorithm=AKAv1-MD5,qop=auth,nc=00000001,cnonce="c0ffee",'
             'response="0123456789abcdef0123456789abcdef"') if nonce else 'response=""'
    msg([f"REGISTER sip:{dom} SIP/2.0", f"Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK{i}x{cseq}",
         "Max-Forwards: 70", f"From: <{impu}>;tag=a{i}", f"To: <{impu}>", f"Call-ID: reg{i}@2001:db8::1",
         f"CSeq: {cseq} REGISTER", "Contact: <sip:[2001:db8::1]:5060>;expires=600000",
         f'Authorization: Digest username="{impi}",realm="{dom}",uri="sip:{dom}",nonce="{nonce}",{creds}',
         f"Security-Client: {sc}"] + ([f"Security-Verify: {ss}"] if nonce else []))
for i in range(n):
    register(i, 1, "")
for i in range(n):
    msg(["SIP/2.0 401 Unauthorized", f"Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK{i}x1",
         f"From: <{impu}>;tag=a{i}", f"To: <{impu}>;tag=s{i}", f"Call-ID: reg{i}@2001:db8::1", "CSeq: 1 REGISTER",
         f'WWW-Authenticate: Digest realm="{dom}",nonce="{na}",algorithm=AKAv1-MD5,qop="auth"',
         f"Security-Server: {ss}"])
for i in range(n):
    register(i, 0 if i == 1 else 2, nb if i == 0 else na)
PY
}

# --- 200 interleaved registrations: both mistakes caught, on their messages ---
log 200 "$tmp/log.sip"
expect_rc 1 "200 registrations" "$imsreg" decode --strict --brief --no-color "$tmp/log.sip"
[ "$(grep -c 'rfc3261\.flow\.challenge  line' "$tmp/out")" = 1 ] && ok || bad "one rfc3261.flow.challenge"
[ "$(grep -c 'rfc3261\.flow\.cseq  line' "$tmp/out")" = 1 ] && ok || bad "one rfc3261.flow.cseq"
hasnt "200 registrations: nothing dropped" "$tmp/out" "registration(s) dropped"
expect_rc 1 "200 registrations --json" "$imsreg" decode --strict --json "$tmp/log.sip"
python3 - "$tmp/out" <<'PY' && ok || bad "200 registrations --json: the findings on Call-IDs 0 and 1, nothing dropped"
import json, sys
d = json.load(open(sys.argv[1]))
msgs = d["inputs"][0]["messages"]
assert len(msgs) == 600, len(msgs)
flow = [(m["index"], f["id"]) for m in msgs for f in m["findings"] if ".flow." in f["id"]]
assert flow == [(401, "rfc3261.flow.challenge"), (402, "rfc3261.flow.cseq")], flow
assert d["summary"]["flow_dropped"] == {"table_full": 0, "out_of_memory": 0}, d["summary"]
PY

# --- a bound of 8 Call-IDs (the table of old): the records go, and it says so ---
IMSREG_FLOW_MAX_CALLS=8 expect_rc 1 "a bound of 8" "$imsreg" decode --strict --brief --no-color "$tmp/log.sip"
hasnt "a bound of 8: the mistakes are not compared" "$tmp/out" "rfc3261.flow."
# 192 initial REGISTERs pushed out by later ones, then each 401 and each
# protected REGISTER of Call-IDs 0..191 pushes out another: 592
has "a bound of 8" "$tmp/out" "flow: 592 registration(s) dropped (table full); their later messages were not compared"
IMSREG_FLOW_MAX_CALLS=8 expect_rc 1 "a bound of 8 --json" "$imsreg" decode --strict --json "$tmp/log.sip"
python3 - "$tmp/out" <<'PY' && ok || bad "a bound of 8 --json: summary.flow_dropped"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["summary"]["flow_dropped"] == {"table_full": 592, "out_of_memory": 0}, d["summary"]
PY
# as many Call-IDs as the bound: nothing goes, both mistakes are caught
log 8 "$tmp/eight.sip"
IMSREG_FLOW_MAX_CALLS=8 expect_rc 1 "8 registrations, a bound of 8" "$imsreg" decode --strict --brief --no-color "$tmp/eight.sip"
[ "$(grep -c 'rfc3261\.flow\.\(challenge\|cseq\)  line' "$tmp/out")" = 2 ] && ok || bad "8 registrations, a bound of 8: both caught"
hasnt "8 registrations, a bound of 8: nothing dropped" "$tmp/out" "registration(s) dropped"
# a value that is not a number: the default bound
IMSREG_FLOW_MAX_CALLS=many expect_rc 1 "IMSREG_FLOW_MAX_CALLS=many" "$imsreg" decode --strict --brief --no-color "$tmp/log.sip"
[ "$(grep -c 'rfc3261\.flow\.challenge  line' "$tmp/out")" = 1 ] && ok || bad "IMSREG_FLOW_MAX_CALLS=many: the default bound"

# --- each input its own flow: the drops of two files add up ---
IMSREG_FLOW_MAX_CALLS=8 expect_rc 1 "two files" "$imsreg" decode --strict --json "$tmp/log.sip" "$tmp/log.sip"
python3 - "$tmp/out" <<'PY' && ok || bad "two files: summary.flow_dropped adds up"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["summary"]["flow_dropped"]["table_full"] == 2 * 592, d["summary"]
PY

# --- a reg-event NOTIFY against the 200 of the registration, in another
# dialog: the bench corpus's 200 and NOTIFY agree; with the NOTIFY's
# contact on another port, the granted binding is missing and another
# one is active ---
bench=../shared/corpus/bench
cat "$bench/g_200_register.sip" "$bench/i_notify_reginfo.sip" >"$tmp/reg-notify.sip"
expect_rc 0 "200 then its NOTIFY" "$imsreg" decode --brief --no-color "$tmp/reg-notify.sip"
hasnt "200 then its NOTIFY: they agree" "$tmp/out" "rfc3680.flow.bindings"
sed 's|e5f6:1\]:5062</uri>|e5f6:1]:5064</uri>|' "$tmp/reg-notify.sip" >"$tmp/reg-notify2.sip"
expect_rc 0 "200 then a NOTIFY of another binding" "$imsreg" decode --brief --no-color "$tmp/reg-notify2.sip"
has "the granted binding missing" "$tmp/out" "does not list sip:001010000000001@[2001:db8:1:0:a1b2:c3d4:e5f6:1]:5062"
has "another binding active" "$tmp/out" "lists sip:001010000000001@[2001:db8:1:0:a1b2:c3d4:e5f6:1]:5064 active"
# the NOTIFY first: nothing to compare with
cat "$bench/i_notify_reginfo.sip" "$bench/g_200_register.sip" | sed 's|e5f6:1\]:5062</uri>|e5f6:1]:5064</uri>|' >"$tmp/notify-first.sip"
expect_rc 0 "the NOTIFY before the 200" "$imsreg" decode --brief --no-color "$tmp/notify-first.sip"
hasnt "the NOTIFY before the 200: not compared" "$tmp/out" "rfc3680.flow.bindings"

# --- the UE's SUBSCRIBE after the 200: routed by the P-CSCF, then the
# 200's Service-Route; the tel URI of P-Associated-URI shares it ---
sub() { # ROUTE-LINES IMPU
	printf 'SUBSCRIBE %s SIP/2.0\r\nVia: SIP/2.0/UDP [2001:db8:1:0:a1b2:c3d4:e5f6:1]:5062;branch=z9hG4bKs1\r\nMax-Forwards: 70\r\n%bFrom: <%s>;tag=f1\r\nTo: <%s>\r\nCall-ID: sub1@2001:db8:1:0:a1b2:c3d4:e5f6:1\r\nCSeq: 1 SUBSCRIBE\r\nContact: <sip:001010000000001@[2001:db8:1:0:a1b2:c3d4:e5f6:1]:5062>\r\nEvent: reg\r\nExpires: 600000\r\nContent-Length: 0\r\n\r\n' "$2" "$1" "$2" "$2"
}
impu=sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org
{ cat "$bench/g_200_register.sip"; sub 'Route: <sip:[2001:db8:0:100::10]:5064;lr>, <sip:orig@scscf.ims.mnc001.mcc001.3gppnetwork.org:6060;lr>\r\n' "$impu"; } >"$tmp/sr-ok.sip"
expect_rc 0 "SUBSCRIBE routed by the Service-Route" "$imsreg" decode --brief --no-color "$tmp/sr-ok.sip"
hasnt "SUBSCRIBE routed by the Service-Route: quiet" "$tmp/out" "ims.flow.service-route"
{ cat "$bench/g_200_register.sip"; sub 'Route: <sip:[2001:db8:0:100::10]:5064;lr>\r\n' "tel:+15551234567"; } >"$tmp/sr-bad.sip"
expect_rc 0 "SUBSCRIBE of the tel URI, Service-Route left out" "$imsreg" decode --brief --no-color "$tmp/sr-bad.sip"
has "Service-Route left out: said" "$tmp/out" "warning ims.flow.service-route  line 20  Route"
# the same SUBSCRIBE preferring an identity the 200 did not list
{ cat "$bench/g_200_register.sip"; sub 'Route: <sip:[2001:db8:0:100::10]:5064;lr>, <sip:orig@scscf.ims.mnc001.mcc001.3gppnetwork.org:6060;lr>\r\nP-Preferred-Identity: <sip:+15559999999@ims.mnc001.mcc001.3gppnetwork.org>\r\n' "$impu"; } >"$tmp/ppi.sip"
expect_rc 0 "SUBSCRIBE preferring an unlisted identity" "$imsreg" decode --brief --no-color "$tmp/ppi.sip"
has "unlisted P-Preferred-Identity: said" "$tmp/out" "the default sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org, or refuses"
hasnt "unlisted P-Preferred-Identity: the Route is right" "$tmp/out" "ims.flow.service-route"

# --- the network deactivates the binding (a NOTIFY: terminated,
# deactivated), then the UE subscribes from it without registering again ---
sed -e 's/state="active"/state="terminated"/g' -e 's/event="registered"/event="deactivated"/' \
    -e 's/^Content-Length: 386/Content-Length: 395/' "$bench/i_notify_reginfo.sip" >"$tmp/deact.sip"
route='Route: <sip:[2001:db8:0:100::10]:5064;lr>, <sip:orig@scscf.ims.mnc001.mcc001.3gppnetwork.org:6060;lr>\r\n'
{ cat "$bench/g_200_register.sip" "$tmp/deact.sip"; sub "$route" "$impu"; } >"$tmp/deact-sub.sip"
expect_rc 0 "SUBSCRIBE from a deactivated contact" "$imsreg" decode --brief --no-color "$tmp/deact-sub.sip"
has "deactivated contact: the NOTIFY is read" "$tmp/out" "event deactivated"
has "deactivated contact: said" "$tmp/out" "warning rfc3680.flow.removed-contact"
has "deactivated contact: what to do, the message whole" "$tmp/out" "before it uses the contact (TS 24.229 §5.1.1.7)."
hasnt "deactivated contact: the NOTIFY's body is consistent" "$tmp/out" "rfc3680.reginfo.syntax"
# the same without the NOTIFY: quiet
{ cat "$bench/g_200_register.sip"; sub "$route" "$impu"; } >"$tmp/nodeact-sub.sip"
expect_rc 0 "SUBSCRIBE with no NOTIFY before it" "$imsreg" decode --brief --no-color "$tmp/nodeact-sub.sip"
hasnt "no NOTIFY: quiet" "$tmp/out" "rfc3680.flow.removed-contact"

# --- the REGISTER answering the AKA challenge refused with 403: the
# credentials (RES), and the imsreg verify command that tells ---
{ printf 'SIP/2.0 403 Forbidden\r\n'; grep -E '^(Via|From|To|Call-ID|CSeq|Content-Length):' "$bench/g_200_register.sip"; printf '\r\n'; } >"$tmp/403.sip"
cat "$bench/b_register_ims_ipv6.sip" "$bench/f_401_aka_challenge.sip" "$bench/c_register_aka_auth.sip" "$tmp/403.sip" >"$tmp/aka-403.sip"
expect_rc 1 "REGISTER, 401, REGISTER, 403 (the bench REGISTER's Security-Verify is not the 401's: errors)" "$imsreg" decode --brief --no-color "$tmp/aka-403.sip"
has "403 after the challenge: said" "$tmp/out" "warning ims.flow.register-refused"
has "403 after the challenge: RES" "$tmp/out" "RES did not match XRES"
has "403 after the challenge: what to run" "$tmp/out" "imsreg verify --k K --opc OPC"
# the REGISTER answering with an empty response and no auts: a MAC failure,
# not a broken digest, and the 403 after it read as such
sed 's/response="[0-9a-f]*"/response=""/' "$bench/c_register_aka_auth.sip" >"$tmp/macfail.sip"
cat "$bench/b_register_ims_ipv6.sip" "$bench/f_401_aka_challenge.sip" "$tmp/macfail.sip" "$tmp/403.sip" >"$tmp/mac-403.sip"
expect_rc 1 "REGISTER, 401, REGISTER with a MAC failure, 403" "$imsreg" decode --brief --no-color "$tmp/mac-403.sip"
has "MAC failure: said" "$tmp/out" "warning ts24229.aka.mac-failure"
hasnt "MAC failure: no broken digest" "$tmp/out" "rfc7616.digest.response"
has "MAC failure: the 403 after it" "$tmp/out" "said the SIM found AUTN's MAC wrong"
# two 200s of one AOR, the second with another Service-Route: another S-CSCF
sed 's/scscf.ims.mnc001/scscf2.ims.mnc001/' "$bench/g_200_register.sip" >"$tmp/g2.sip"
cat "$bench/g_200_register.sip" "$tmp/g2.sip" >"$tmp/sr-changed.sip"
expect_rc 0 "two 200s, the Service-Route changed" "$imsreg" decode --brief --no-color "$tmp/sr-changed.sip"
has "Service-Route changed: said" "$tmp/out" "info    ims.flow.service-route-changed"
cat "$bench/g_200_register.sip" "$bench/g_200_register.sip" >"$tmp/sr-same.sip"
expect_rc 0 "two 200s, the same Service-Route" "$imsreg" decode --brief --no-color "$tmp/sr-same.sip"
hasnt "Service-Route the same: quiet" "$tmp/out" "ims.flow.service-route-changed"
# the same 403 alone: only the status line's meaning
expect_rc 0 "a 403 alone" "$imsreg" decode --brief --no-color "$tmp/403.sip"
hasnt "a 403 alone: not tied" "$tmp/out" "ims.flow.register-refused"

cli_check_done
