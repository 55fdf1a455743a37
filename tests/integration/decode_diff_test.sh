#!/usr/bin/env bash
# decode_diff_test.sh IMSREG: `imsreg decode --diff A B` on REGISTERs of one
# registration (seed ex2 -> ex4: same Call-ID, CSeq advanced, the challenge
# answered) and on variants made here: unregistration, nonce reuse with nc
# counting up, a retransmission, a new Call-ID. Text and --json.
set -u
imsreg=${1:?usage: decode_diff_test.sh IMSREG}
seed=../shared/fixtures/seed
[ -d ../shared/fixtures/seed ] || { echo "FAIL: ../shared/fixtures/seed not found (run from the repo root, beside ../shared)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

ex2=$seed/ex2-sms-capability.pasted.txt
ex4=$seed/ex4-aka-authorization.pasted.txt
# variants of ex4 (python3, so the test does not depend on our parser)
python3 - "$ex4" "$tmp" <<'PY'
import sys
src, tmp = sys.argv[1:3]
t = open(src).read()
def put(name, text):
    open(f"{tmp}/{name}", "w").write(text)
nxt = (t.replace("450510775 REGISTER", "450510776 REGISTER")
        .replace("branch=z9hG4bK788602866", "branch=z9hG4bK788602867"))
# the next REGISTER reuses the challenge: nc counts up, so the response differs
nc2 = (nxt.replace("nc=00000001", "nc=00000002")
          .replace("013e2a5d762d4d86e56112c0d41379f5", "5b1d6f0a3e2c4b7d8e9f0a1b2c3d4e5f"))
put("in-nc2.txt", nc2)
put("in-unreg.txt", nc2.replace("Expires: 7200", "Expires: 0"))
put("in-newcallid.txt", nc2.replace("3671736255_186872264@", "9999_1@"))
# B registers a second contact beside the first
put("in-twocontacts.txt", nc2.replace("[ Line  9 ] Route:",
    "[ Line  9 ] Contact: <sip:+11234567890@192.0.2.99:5060>\n\n[ Line  9 ] Route:"))
# B removes a binding registered before A (expires=0), keeping A's
put("in-removeold.txt", nc2.replace("[ Line  9 ] Route:",
    "[ Line  9 ] Contact: <sip:+11234567890@192.0.2.99:5060>;expires=0\n\n[ Line  9 ] Route:"))
# B writes the same AOR and contact differently: equal as URIs (RFC 3261
# §19.1.4, RFC 5954 §4), so the same binding, not a new one
put("in-respelt.txt", nc2.replace("To: <sip:+11234567890@test.3gpp.com>", "To: <sip:+11234567890@TEST.3gpp.COM>")
    .replace("Contact: <sip:+11234567890@[2001:0:0:1::3]:5060>", "Contact: <sip:+11234567890@[2001:0000:0:1:0:0:0:3]:5060>"))
# B registers the same address for emergency (sos): another binding
put("in-sos.txt", nc2.replace("Contact: <sip:+11234567890@[2001:0:0:1::3]:5060>",
    "Contact: <sip:+11234567890@[2001:0:0:1::3]:5060;sos>"))
put("in-backwards.txt", t.replace("450510775 REGISTER", "450510770 REGISTER")
                      .replace("branch=z9hG4bK788602866", "branch=z9hG4bK788602899"))
PY

run() { # NAME WANT_RC A B: text and json
	local name=$1 want=$2 a=$3 b=$4
	"$imsreg" decode --diff "$a" "$b" --no-color >"$tmp/$name.txt" 2>"$tmp/$name.err"
	local rc=$?
	[ "$rc" = "$want" ] || { echo "FAIL $name: text exit $rc, want $want"; cat "$tmp/$name.err"; fail=1; }
	"$imsreg" decode --json --diff "$a" "$b" >"$tmp/$name.json" 2>/dev/null
	rc=$?
	[ "$rc" = "$want" ] || { echo "FAIL $name: json exit $rc, want $want"; fail=1; }
	python3 -m json.tool <"$tmp/$name.json" >/dev/null || { echo "FAIL $name: json does not parse"; fail=1; }
}
run seed 0 "$ex2" "$ex4"
run nc2 0 "$ex4" "$tmp/in-nc2.txt"
run unreg 0 "$ex4" "$tmp/in-unreg.txt"
run newcallid 0 "$ex4" "$tmp/in-newcallid.txt"
run retrans 1 "$ex4" "$ex4"
run tags 0 "$ex4" "$seed/ex3-sms-volte-capability.pasted.txt"
run twocontacts 0 "$ex4" "$tmp/in-twocontacts.txt"
run backwards 1 "$ex4" "$tmp/in-backwards.txt"
run removeold 0 "$ex4" "$tmp/in-removeold.txt"
run respelt 0 "$ex4" "$tmp/in-respelt.txt"
run sos 0 "$ex4" "$tmp/in-sos.txt"

# the text says what each difference means
grep -q 'CSeq: 450510774 -> 450510775: the same registration continues' "$tmp/seed.txt" ||
	{ echo "FAIL seed: CSeq line"; fail=1; }
grep -q 'Call-ID: kept' "$tmp/seed.txt" || { echo "FAIL seed: Call-ID kept"; fail=1; }
grep -q 'nc 00000001 -> 00000002 with the same nonce: the UE reuses the challenge' "$tmp/nc2.txt" ||
	{ echo "FAIL nc2: nc line"; fail=1; }
grep -q 'Expires: 7200 -> 0: unregistration' "$tmp/unreg.txt" || { echo "FAIL unreg: Expires line"; fail=1; }
grep -q 'Call-ID: changed: the UE started a new registration' "$tmp/newcallid.txt" ||
	{ echo "FAIL newcallid: Call-ID line"; fail=1; }

python3 - "$tmp" <<'PY' || fail=1
import json, sys
tmp = sys.argv[1]
bad = 0
def diffs(name):
    d = json.load(open(f"{tmp}/{name}.json"))
    assert d["command"] == "diff"
    return d, {x["field"]: x for x in d["differences"]}
def check(cond, what):
    global bad
    if not cond:
        bad += 1
        print("FAIL", what)
d, x = diffs("seed")
check(d["summary"]["same_registration"] is True, "seed: same registration")
check(x["Call-ID"]["kind"] == "same" and x["Call-ID"]["severity"] == "ok", "seed: Call-ID same")
check((x["CSeq"]["a"], x["CSeq"]["b"], x["CSeq"]["severity"]) == ("450510774", "450510775", "ok"), f"seed: CSeq {x['CSeq']}")
check(x["From tag"]["kind"] == "changed", "seed: From tag changed (3671736275 -> 3671736441)")
check(x["nonce"]["a"] == "" and x["nonce"]["b"] == "DtIe00txvoZUGvYmjgX98eAPJNjx3IAADsM84A8kWPE=", "seed: nonce")
check(x["Via branch"]["severity"] == "ok", "seed: new branch")
d, x = diffs("nc2")
check((x["nc"]["a"], x["nc"]["b"], x["nc"]["severity"]) == ("00000001", "00000002", "ok"), f"nc2: {x['nc']}")
d, x = diffs("unreg")
check((x["Expires"]["a"], x["Expires"]["b"]) == ("7200", "0") and "unregistration" in x["Expires"]["meaning"], "unreg")
d, x = diffs("newcallid")
check(d["summary"]["same_registration"] is False and x["Call-ID"]["kind"] == "changed", "newcallid")
d, x = diffs("retrans")
check(x["CSeq"]["severity"] == "problem" and x["Via branch"]["severity"] == "problem", "retrans: problems")
check(d["exit_status"] == 1 and d["summary"]["problems"] >= 2, "retrans: exit 1")
d, _ = diffs("tags")
tags = {x["field"]: x for x in d["differences"] if x["field"].startswith("Contact ;")}
check(tags.get("Contact ;+sip.instance", {}).get("kind") == "added", f"tags: +sip.instance added {sorted(tags)}")
check(tags.get("Contact ;reg-id", {}).get("kind") == "removed", "tags: reg-id removed")
check(tags.get("Contact ;video", {}).get("kind") == "added", "tags: video added")
d, _ = diffs("twocontacts")
cs = [(x["a"], x["b"], x["kind"]) for x in d["differences"] if x["field"] == "Contact"]
check(cs == [("sip:+11234567890@[2001:0:0:1::3]:5060", "sip:+11234567890@[2001:0:0:1::3]:5060", "same"),
             (None, "sip:+11234567890@192.0.2.99:5060", "added")], f"twocontacts: {cs}")
d, _ = diffs("removeold")
cs = [(x["b"], x["kind"], x["meaning"]) for x in d["differences"] if x["field"] == "Contact" and not x["a"]]
check(len(cs) == 1 and cs[0][0] == "sip:+11234567890@192.0.2.99:5060" and "removes this binding" in cs[0][2]
      and "new binding" not in cs[0][2], f"removeold: {cs}")
d, x = diffs("respelt")
cs = [(x["a"], x["b"], x["kind"], x["severity"]) for x in d["differences"] if x["field"] == "Contact"]
check(cs == [("sip:+11234567890@[2001:0:0:1::3]:5060", "sip:+11234567890@[2001:0000:0:1:0:0:0:3]:5060", "changed", "ok")],
      f"respelt: one binding, the same: {cs}")
check(x["To"]["severity"] == "ok" and "written differently" in x["To"]["meaning"], f"respelt: To {x['To']}")
d, _ = diffs("sos")
cs = [(x["b"], x["kind"], x["meaning"]) for x in d["differences"] if x["field"] == "Contact"]
check(len(cs) == 1 and cs[0][0].endswith(";sos") and cs[0][1] == "changed"
      and "only B's contact has sos: that one is an emergency registration" in cs[0][2], f"sos: {cs}")
d, x = diffs("backwards")
check(x["CSeq"]["severity"] == "problem" and "backwards" in x["CSeq"]["meaning"], "backwards")
print("diff json:", "ok" if not bad else f"{bad} failed")
sys.exit(1 if bad else 0)
PY

# unreadable side: 2
"$imsreg" decode --diff "$ex4" "$tmp/nope.txt" >/dev/null 2>&1
[ $? = 2 ] || { echo "FAIL missing B: want exit 2"; fail=1; }
# --json with an unreadable side: still one JSON document, exit_status 2,
# the side's error named
"$imsreg" decode --json --diff "$ex4" "$tmp/nope.txt" >"$tmp/nope.json" 2>/dev/null
rc=$?
python3 - "$tmp/nope.json" "$rc" <<'PY' || { echo "FAIL --json --diff with a missing B: one JSON document"; fail=1; }
import json, sys
d = json.load(open(sys.argv[1]))
assert sys.argv[2] == "2" and d["exit_status"] == 2 and d["command"] == "diff", (sys.argv[2], d.get("exit_status"))
assert d["a"]["error"] is None and d["a"]["start_line"].startswith("REGISTER "), d["a"]
assert d["b"]["error"]["reason"] and d["b"]["start_line"] is None, d["b"]
assert d["differences"] == [] and d["summary"]["same_registration"] is None, d["summary"]
PY

# a side that is not a REGISTER request (a 401, an OPTIONS): refused with 2
# and a reason, not compared into false problems (CSeq kept, same branch)
python3 - "$ex4" "$tmp" <<'PY'
import sys
t = open(sys.argv[1]).read()
lines = t.split("\n")
for i, l in enumerate(lines):
    if "REGISTER sip:" in l and "SIP/2.0" in l:
        pre = l[:l.index("REGISTER sip:")]
        lines[i] = pre + "SIP/2.0 401 Unauthorized"
        break
open(f"{sys.argv[2]}/in-401.txt", "w").write("\n".join(lines))
open(f"{sys.argv[2]}/in-options.txt", "w").write(t.replace("REGISTER sip:", "OPTIONS sip:", 1))
PY
for other in 401 options; do
	for order in ab ba; do
		if [ $order = ab ]; then x=$ex4; y=$tmp/in-$other.txt; else x=$tmp/in-$other.txt; y=$ex4; fi
		"$imsreg" decode --diff "$x" "$y" >"$tmp/out.txt" 2>"$tmp/err.txt"
		rc=$?
		{ [ $rc = 2 ] && grep -q "in-$other.txt: .*not a REGISTER request" "$tmp/err.txt" &&
			! grep -q '^problem' "$tmp/out.txt"; } ||
			{ echo "FAIL --diff with a $other ($order): exit $rc, $(head -2 "$tmp/err.txt") $(grep '^problem' "$tmp/out.txt" | head -2)"; fail=1; }
	done
	"$imsreg" decode --json --diff "$ex4" "$tmp/in-$other.txt" >"$tmp/o.json" 2>/dev/null
	python3 - "$tmp/o.json" <<'PY' || { echo "FAIL --json --diff with a $other"; fail=1; }
import json, sys
d = json.load(open(sys.argv[1]))
assert d["exit_status"] == 2 and d["differences"] == [], d
assert "not a REGISTER request" in d["b"]["error"]["reason"] and d["b"]["start_line"], d["b"]
PY
done

# a changed +g.3gpp.icsi-ref names the services added and removed, unescaped
python3 - "$ex4" "$tmp" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def icsi(urns):
    return re.sub(r"(Contact: <[^>]*>)", lambda m: m.group(1) + ';+g.3gpp.icsi-ref="' + ",".join(
            u.replace(":", "%3A") for u in urns) + '"', t, count=1)
open(f"{sys.argv[2]}/in-icsi-a.txt", "w").write(icsi(["urn:urn-7:3gpp-service.ims.icsi.mmtel"]))
open(f"{sys.argv[2]}/in-icsi-b.txt", "w").write(icsi(["urn:urn-7:3gpp-service.ims.icsi.oma.cpm.session"]))
PY
"$imsreg" decode --diff "$tmp/in-icsi-a.txt" "$tmp/in-icsi-b.txt" >"$tmp/icsi.txt" 2>&1
l=$(grep 'Contact ;+g.3gpp.icsi-ref' "$tmp/icsi.txt")
case $l in *"services added in B: urn:urn-7:3gpp-service.ims.icsi.oma.cpm.session"*"services removed in B: urn:urn-7:3gpp-service.ims.icsi.mmtel (MMTel"*) ;;
*) echo "FAIL --diff on a changed icsi-ref: $l"; fail=1 ;; esac

# Cellular-Network-Info (TS 24.229 §7.2.15) of a Wi-Fi registration: only
# its age moved on, another cell, and the header new in B (the UE left LTE)
wifi=tests/data/vowifi/register-wifi.sip
next_reg() { sed 's/CSeq: 1 /CSeq: 2 /; s/branch=z9hG4bK-wifi-1/branch=z9hG4bK-wifi-2/' "$wifi"; }
next_reg | sed 's/cell-info-age=1320/cell-info-age=1920/' >"$tmp/cni-age.sip"
next_reg | sed 's/=0010100a1b2c3d4e/=0010100a1b2c3d4f/' >"$tmp/cni-cell.sip"
grep -v '^Cellular-Network-Info' "$wifi" >"$tmp/cni-none.sip"
for c in "age:$wifi:$tmp/cni-age.sip:the same last cell, its cell-info-age moved on" \
	 "cell:$wifi:$tmp/cni-cell.sip:another last cellular cell" \
	 "new:$tmp/cni-none.sip:$tmp/cni-age.sip:only B gives the last cellular cell: the UE left cellular radio"; do
	IFS=: read -r name a b want <<<"$c"
	run "cni-$name" 0 "$a" "$b"
	grep -q "^note    Cellular-Network-Info: $want" "$tmp/cni-$name.txt" ||
		{ echo "FAIL --diff Cellular-Network-Info ($name): $(grep Cellular "$tmp/cni-$name.txt")"; fail=1; }
done
grep -q '^problem' "$tmp/cni-age.txt" && { echo "FAIL --diff Wi-Fi refresh: a problem"; cat "$tmp/cni-age.txt"; fail=1; }
python3 - "$tmp/cni-cell.json" <<'PY' || { echo "FAIL --diff Cellular-Network-Info JSON"; fail=1; }
import json, sys
items = json.load(open(sys.argv[1]))["differences"]
it = next(i for i in items if i["field"] == "Cellular-Network-Info")
assert it["severity"] == "note" and it["kind"] == "changed" and it["ref"] == "TS 24.229 §7.2.15", it
assert it["a"].endswith("c3d4e;cell-info-age=1320") and it["b"].endswith("c3d4f;cell-info-age=1320"), it
PY

# Feature-Caps (RFC 6809) of REGISTERs as the P-CSCF with its ATCF
# forwards them (tests/data/esrvcc): a new STN-SR, an indicator dropped and
# one added; then one side taken before the P-CSCF (no Feature-Caps)
atcf=tests/data/esrvcc/register-atcf.sip
sed 's/CSeq: 2 /CSeq: 3 /; s/atcf-1/atcf-2/g; s/nc=00000001/nc=00000002/; s/response="4f0d/response="5f0d/' "$atcf" |
	sed 's/+12375553333/+12375554444/; s/;+g.3gpp.mid-call;+g.3gpp.srvcc-alerting;+sip.audio/;+g.3gpp.srvcc-alerting;+sip.audio/' |
	sed 's/+sip.video/+sip.video;+g.3gpp.ps2cs-srvcc-orig-pre-alerting/' >"$tmp/atcf-b.sip"
run fcaps 0 "$atcf" "$tmp/atcf-b.sip"
for want in 'note    Feature-Caps +g.3gpp.atcf: another STN-SR: the registration now goes through another ATCF' \
	    'note    Feature-Caps +g.3gpp.mid-call: removed in B: the entity supports mid-call SRVCC' \
	    'note    Feature-Caps +g.3gpp.ps2cs-srvcc-orig-pre-alerting: added in B: '; do
	grep -qF "$want" "$tmp/fcaps.txt" || { echo "FAIL --diff Feature-Caps: no '$want'"; cat "$tmp/fcaps.txt"; fail=1; }
done
[ "$(grep -c 'Feature-Caps' "$tmp/fcaps.txt")" = 3 ] || { echo "FAIL --diff Feature-Caps: the unchanged indicators reported"; fail=1; }
python3 - "$tmp/fcaps.json" <<'PY' || { echo "FAIL --diff Feature-Caps JSON"; fail=1; }
import json, sys
items = json.load(open(sys.argv[1]))["differences"]
it = next(i for i in items if i["field"] == "Feature-Caps +g.3gpp.atcf")
assert it["kind"] == "changed" and it["a"] == "<tel:+12375553333>" and it["b"] == "<tel:+12375554444>", it
assert it["ref"] == "3GPP TS 24.237 Annex C", it
it = next(i for i in items if i["field"] == "Feature-Caps +g.3gpp.mid-call")
assert it["kind"] == "removed" and it["a"] == "(no value)" and it["b"] is None, it
PY
grep -v '^Feature-Caps' "$tmp/atcf-b.sip" >"$tmp/atcf-ue.sip"
run fcaps-one "0" "$atcf" "$tmp/atcf-ue.sip"
grep -q '^note    Feature-Caps: only A went through a proxy that says what it supports' "$tmp/fcaps-one.txt" &&
	[ "$(grep -c 'Feature-Caps' "$tmp/fcaps-one.txt")" = 1 ] ||
	{ echo "FAIL --diff Feature-Caps on one side only"; cat "$tmp/fcaps-one.txt"; fail=1; }

[ $fail = 0 ] && echo "decode --diff: all passed"
exit $fail
