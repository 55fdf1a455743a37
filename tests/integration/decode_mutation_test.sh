#!/usr/bin/env bash
# decode_mutation_test.sh IMSREG: the renderers on broken input. Each seed
# fixture and corpus message is mutated (bytes flipped, deleted, duplicated,
# lines cut, truncated; python3 random with a fixed seed, so every run is
# the same) and decoded in both modes, text and --json: the status is 0, 1
# or 2 (never a crash: the ASan build aborts with another status), the JSON
# is one valid document whose exit_status is the process's, and a status 2
# comes with file:line:col: reason on stderr.
set -u
imsreg=${1:?usage: decode_mutation_test.sh IMSREG}
[ -d ../shared/fixtures/seed ] || { echo "FAIL: ../shared/fixtures/seed not found (run from the repo root, beside ../shared)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp" <<'PY'
import glob, random, sys
tmp = sys.argv[1]
rng = random.Random(20261121)
srcs = sorted(glob.glob("../shared/fixtures/seed/*.txt")) + sorted(glob.glob("../shared/corpus/bench/*.sip")) \
    + ["../shared/corpus/captures/text/openimscore-aka/02-401-akav1-security-server.sip"]
special = b';,:=<>"@[]\\ \r\n\t%'
n = 0
for src in srcs:
    data = open(src, "rb").read()
    for _ in range(6):
        b = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            op = rng.randrange(5)
            i = rng.randrange(len(b)) if b else 0
            if op == 0 and b:
                b[i] = rng.choice(special)
            elif op == 1 and b:
                del b[i:i + rng.randint(1, 8)]
            elif op == 2:
                b[i:i] = b[i:i + rng.randint(1, 16)]
            elif op == 3 and b:
                b[i] = rng.randrange(256)
            else:
                del b[i:]
        n += 1
        open(f"{tmp}/m{n:04d}.txt", "wb").write(bytes(b))
PY

passed=0
failed=0
k=0
for f in "$tmp"/m*.txt; do
	for opt in "" --strict; do
		k=$((k + 1))
		"$imsreg" decode --no-color $opt "$f" >/dev/null 2>"$tmp/err"
		rc=$?
		if [ $rc -gt 2 ]; then
			failed=$((failed + 1)); echo "FAIL text $opt $f: exit $rc"; head -5 "$tmp/err"
			continue
		fi
		if [ $rc = 2 ] && ! grep -q "^$f:[0-9]*:[0-9]*: " "$tmp/err"; then
			failed=$((failed + 1)); echo "FAIL text $opt $f: exit 2 without file:line:col: $(head -1 "$tmp/err")"
			continue
		fi
		"$imsreg" decode --json $opt "$f" >"$tmp/out$k.json" 2>"$tmp/err"
		echo $? >"$tmp/out$k.rc"
		passed=$((passed + 1))
	done
done
# the JSON documents, checked in one python3 run
python3 - "$tmp" <<'PY' || failed=$((failed + 1))
import glob, json, sys
bad = 0
for path in glob.glob(f"{sys.argv[1]}/out*.json"):
    rc = int(open(path[:-5] + ".rc").read())
    try:
        ok = rc <= 2 and json.load(open(path))["exit_status"] == rc
    except ValueError:
        ok = False
    if not ok:
        bad += 1
        print(f"FAIL {path}: exit {rc} or not one valid JSON document")
sys.exit(1 if bad else 0)
PY
echo "$passed passed, $failed failed"
[ $failed = 0 ]
