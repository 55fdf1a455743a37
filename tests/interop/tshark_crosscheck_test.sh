#!/usr/bin/env bash
# tshark_crosscheck_test.sh IMSREG: issue 2 §4 cross-check against tshark
# (Debian tshark 4.0; text2pcap from wireshark-common). Every message of the
# seed fixtures (normalised to wire form: the "wire" member of
# `imsreg decode --json`), of ../shared/corpus/rfc4475 and of
# ../shared/corpus/rfc5118/wire, and also of the parse benchmark corpus and
# the text captures, that imsreg decodes is wrapped in a UDP packet
# (text2pcap -u 5060,5060), dissected by tshark (-T json -e ...), and
# tshark's method, Request-URI, From/To URI and tag, Call-ID, CSeq number,
# Via sent-by and branch, Contact URIs, Digest parameters (Authorization,
# WWW-Authenticate, Authentication-Info) and Security-Client/Server/Verify
# offers must equal ours.
#
# How values are compared (representation, not meaning):
#  - tshark shows a quoted Digest value with its quotes; we give the content.
#  - tshark shows a Via sent-by IPv6 reference without its brackets.
#  - tshark gives only the fields present, in message order, so lists of
#    ours are compared with absent values left out.
# Where tshark is known wrong (../shared/PEERS.md) its output is not the
# truth; each exception is listed in EXCEPTIONS below with the reason, and a
# listed exception that no longer differs is reported, so the list stays true.
set -u
imsreg=${1:?usage: tshark_crosscheck_test.sh IMSREG}
for tool in tshark text2pcap python3; do
	command -v $tool >/dev/null || { echo "FAIL: $tool not installed (scripts/deps.sh installs tshark)"; exit 1; }
done
[ -d ../shared/fixtures/seed ] || { echo "FAIL: ../shared/fixtures/seed not found (run from the repo root, beside ../shared)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

inputs=()
for f in ../shared/fixtures/seed/*.txt; do inputs+=("lenient:$f"); done
for f in ../shared/corpus/rfc4475/*.dat ../shared/corpus/rfc5118/wire/*.dat ../shared/corpus/bench/*.sip \
	../shared/corpus/captures/text/openimscore-aka/*.sip; do inputs+=("strict:$f"); done
# real captures as text (one has junk lines between messages: lenient)
for f in ../shared/corpus/captures/text/sipandlove/*.txt; do inputs+=("lenient:$f"); done

# 1. our decode of each input (inputs we reject have no values to compare)
n=0
: >"$tmp/list"
for spec in "${inputs[@]}"; do
	mode=${spec%%:*}
	f=${spec#*:}
	n=$((n + 1))
	opt=
	[ "$mode" = strict ] && opt=--strict
	"$imsreg" decode --json $opt "$f" >"$tmp/$n.json" 2>/dev/null
	rc=$?
	printf '%s\t%s\t%s\n' "$n" "$rc" "$f" >>"$tmp/list"
done

# 2. all messages into one capture, one UDP packet each
python3 - "$tmp" <<'PY' || exit 1
import json, sys
tmp = sys.argv[1]
index = []
with open(f"{tmp}/all.hex", "w") as hexf:
    for line in open(f"{tmp}/list"):
        n, rc, path = line.rstrip("\n").split("\t")
        if int(rc) == 2:
            continue
        doc = json.load(open(f"{tmp}/{n}.json"))
        for m in doc["inputs"][0]["messages"]:
            if "wire" not in m:
                continue
            # the JSON string holds the message bytes (valid UTF-8 as is; our corpora have no other)
            data = m["wire"].encode("utf-8")
            for i in range(0, len(data), 16):
                hexf.write("%06x %s\n" % (i, " ".join("%02x" % b for b in data[i:i + 16])))
            hexf.write("\n")
            index.append({"file": path, "json": n, "msg": m["index"]})
json.dump(index, open(f"{tmp}/index.json", "w"))
print(f"tshark cross-check: {len(index)} messages")
PY
text2pcap -q -u 5060,5060 "$tmp/all.hex" "$tmp/all.pcap" >/dev/null 2>&1 || { echo "FAIL: text2pcap"; exit 1; }
fields=(sip.Method sip.r-uri sip.from.addr sip.from.tag sip.to.addr sip.to.tag sip.Call-ID sip.CSeq.seq
	sip.Via.sent-by.address sip.Via.sent-by.port sip.Via.branch sip.contact.uri
	sip.auth.username sip.auth.realm sip.auth.nonce sip.auth.uri sip.auth.digest.response
	sip.auth.algorithm sip.auth.qop sip.auth.nc sip.auth.cnonce sip.auth.opaque sip.auth.auts
	sip.auth.rspauth sip.auth.nextnonce
	sip.sec_mechanism sip.sec_mechanism.alg sip.sec_mechanism.ealg sip.sec_mechanism.spi_c
	sip.sec_mechanism.spi_s sip.sec_mechanism.port_c sip.sec_mechanism.port_s sip.sec_mechanism.prot)
eargs=()
for f in "${fields[@]}"; do eargs+=(-e "$f"); done
tshark -n -r "$tmp/all.pcap" -o sip.desegment_body:FALSE -T json "${eargs[@]}" >"$tmp/tshark.json" 2>"$tmp/tshark.err" ||
	{ echo "FAIL: tshark"; cat "$tmp/tshark.err"; exit 1; }

# 3. compare
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
index = json.load(open(f"{tmp}/index.json"))
packets = json.load(open(f"{tmp}/tshark.json"))

# Known tshark faults: (file suffix, field) -> why tshark's value is not the
# truth. Each entry must still differ. The faults ../shared/PEERS.md lists
# (P-Associated-URI mis-split, a folded Contact losing its parameters, a CRLF
# glued to the last Contact parameter, "remove 2 bindings" for
# Contact;expires=0 + Expires: 0) touch fields this test does not compare
# (Contact parameters, P-Associated-URI, binding counts); those found here:
HCOLON = ("tshark drops a header field whose name is followed by white space before the "
          "colon ('Via  :', 'V :', 'TO :'), which RFC 3261 §7.3.1 (HCOLON) allows")
EXCEPTIONS = {
    ("seed/ex6-unregister.pasted.txt", "sip.auth.uri"):
        "two credentials in one Authorization field (RFC 3261 §7.3.1 forbids it, but the seed has it): "
        "tshark reads the second 'Digest uri=' as one parameter named 'Digest uri', so it loses the "
        "second uri",
    ("rfc4475/longreq.dat", "sip.Via.sent-by.address"): HCOLON,
    ("rfc4475/wsinv.dat", "sip.to.addr"): HCOLON,
    ("rfc4475/wsinv.dat", "sip.to.tag"): HCOLON,
    ("rfc4475/wsinv.dat", "sip.from.addr"): HCOLON,
    ("rfc4475/wsinv.dat", "sip.from.tag"): HCOLON,
    ("rfc4475/wsinv.dat", "sip.Via.sent-by.address"):
        HCOLON + "; and in 'SIP  / 2.0  / TCP' with LWS around the slashes and a folded second "
        "value it reads an empty sent-by",
    ("rfc4475/wsinv.dat", "sip.Via.branch"):
        HCOLON + "; and it does not read 'branch  =   z9hG4bK9ikj8' (LWS around '=', RFC 3261 §25.1 "
        "EQUAL) nor a branch value folded onto the next line",
    ("rfc4475/unksm2.dat", "sip.to.addr"):
        "tshark gives addresses only for sip/sips/tel URIs; 'To: isbn:2983792873' is a valid "
        "absoluteURI (RFC 4475 §3.3.4 tests exactly that)",
}

def unq(v):
    return v[1:-1] if len(v) >= 2 and v[0] == '"' and v[-1] == '"' else v

def has_error(x):
    if isinstance(x, dict):
        return "error" in x or any(has_error(v) for v in x.values())
    if isinstance(x, list):
        return any(has_error(v) for v in x)
    return False

FIELDS_OF = {"From": "sip.from.", "To": "sip.to.", "CSeq": "sip.CSeq.", "Via": "sip.Via.",
             "Contact": "sip.contact.", "Authorization": "sip.auth.", "Proxy-Authorization": "sip.auth.",
             "Authentication-Info": "sip.auth.",
             "WWW-Authenticate": "sip.auth.", "Proxy-Authenticate": "sip.auth.",
             "Security-Client": "sip.sec_mechanism", "Security-Server": "sip.sec_mechanism",
             "Security-Verify": "sip.sec_mechanism"}

def rejected(m):
    """Field prefixes of headers we reject as malformed: tshark's best effort
    on those is not compared (our verdict is the error, see the conformance tests)."""
    out = set()
    for h in m["headers"]:
        if h["long_name"] in FIELDS_OF and has_error(h["decoded"]):
            out.add(FIELDS_OF[h["long_name"]])
    return out

def ours(m):
    """Our values, in tshark's field names and order."""
    out = {}
    def add(k, v):
        if v is not None:
            out.setdefault(k, []).append(str(v))
    if m["kind"] == "request":
        add("sip.Method", m["method"])
        add("sip.r-uri", m["request_uri"]["text"] if m["request_uri"] else None)
    for h in m["headers"]:
        d = h["decoded"]
        ln = h["long_name"]
        if "error" in d:
            continue
        if ln in ("From", "To"):
            k = "from" if ln == "From" else "to"
            for e in d.get("elements", []):
                if "uri" in e:
                    add(f"sip.{k}.addr", e["uri"]["text"])
                    add(f"sip.{k}.tag", e.get("tag"))
        elif ln == "Call-ID":
            add("sip.Call-ID", h["value"])
        elif ln == "CSeq":
            add("sip.CSeq.seq", d.get("seq"))
        elif ln == "Via":
            for v in d.get("elements", []):
                if "host" not in v:
                    continue
                host = v["host"]
                add("sip.Via.sent-by.address", host[1:-1] if host.startswith("[") else host)
                add("sip.Via.sent-by.port", v["port"])
                add("sip.Via.branch", v["branch"])
        elif ln == "Contact":
            for c in d.get("elements", []):
                if not c.get("star") and "uri" in c:
                    add("sip.contact.uri", c["uri"]["text"])
        elif ln in ("Authorization", "Proxy-Authorization", "WWW-Authenticate", "Proxy-Authenticate",
                    "Authentication-Info"):
            for a in d.get("elements", []):
                f = a.get("fields", {})
                for ours_name, ts in (("username", "username"), ("realm", "realm"), ("nonce", "nonce"),
                                      ("uri", "uri"), ("response", "digest.response"),
                                      ("algorithm", "algorithm"), ("qop", "qop"), ("nc", "nc"),
                                      ("cnonce", "cnonce"), ("opaque", "opaque"), ("auts", "auts"),
                                      ("rspauth", "rspauth"), ("nextnonce", "nextnonce")):
                    add(f"sip.auth.{ts}", f.get(ours_name))
        elif ln in ("Security-Client", "Security-Server", "Security-Verify"):
            for s in d.get("elements", []):
                if "mechanism" not in s:
                    continue
                add("sip.sec_mechanism", s["mechanism"])
                for k in ("alg", "ealg", "spi_c", "spi_s", "port_c", "port_s", "prot"):
                    add(f"sip.sec_mechanism.{k}", s.get(k))
    return out

docs = {}
failures = 0
compared = 0
skipped = 0
used = set()
if len(packets) != len(index):
    print(f"FAIL: {len(index)} messages but tshark read {len(packets)} packets")
    sys.exit(1)
for ix, pkt in zip(index, packets):
    n = ix["json"]
    if n not in docs:
        docs[n] = json.load(open(f"{tmp}/{n}.json"))
    m = [x for x in docs[n]["inputs"][0]["messages"] if x.get("index") == ix["msg"]][0]
    layers = pkt["_source"]["layers"]
    if "sip.Method" not in layers and "sip.CSeq.seq" not in layers:
        print(f"note: tshark does not decode {ix['file']} message {ix['msg']} as SIP; skipped")
        continue
    mine = ours(m)
    bad_hdrs = rejected(m)
    for field in sorted(set(mine) | set(layers)):
        theirs = [unq(v) for v in layers.get(field, [])]
        our = mine.get(field, [])
        if field.startswith("sip.auth.") or field.startswith("sip.sec_mechanism"):
            our = [unq(v) for v in our]
        compared += 1
        key = next((k for k in EXCEPTIONS if ix["file"].endswith(k[0]) and k[1] == field), None)
        if theirs == our:
            continue
        if any(field.startswith(p) for p in bad_hdrs):
            skipped += 1
            continue
        if key:
            used.add(key)
            continue
        failures += 1
        print(f"FAIL {ix['file']} msg {ix['msg']} {field}: ours {our} tshark {theirs}")
for k in EXCEPTIONS:
    if k not in used:
        failures += 1
        print(f"FAIL exception {k} no longer differs: remove it from EXCEPTIONS")
if len(index) < 80 or compared < 1000:
    failures += 1
    print(f"FAIL: only {len(index)} messages and {compared} field lists compared: inputs lost?")
print(f"tshark cross-check: {compared} field lists compared, {len(used)} known tshark faults, "
      f"{skipped} in headers we reject as malformed, {failures} differences")
sys.exit(1 if failures else 0)
PY
