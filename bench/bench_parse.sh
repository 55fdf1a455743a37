#!/usr/bin/env bash
# bench_parse.sh BUILD_DIR [CORPUS_DIR]: make bench-parse (issue 2 §4).
#
# 1. The timed comparison: bench_parse on one core (taskset -c 0 when it can pin), every mode
#    interleaved round by round, medians (msgs/s, MB/s, the speedup vs the fastest peer).
# 2. Instructions per message with valgrind --tool=callgrind, which do not move with load: each
#    mode runs N and 2N passes over the corpus; (Ir(2N) - Ir(N)) / (N * messages) removes the
#    setup (loading the corpus, library init, the verification pass).
# 3. Where our full typed parse spends its instructions (callgrind_annotate, top functions).
# 4. The ratio lines, the time speedup last.
#
# Fails (exit 1) when our parser rejects a corpus message, or a peer does; a missed speed target
# is printed, never a failure. BENCH_CALLGRIND_ITERATIONS sets N (default 100).
set -euo pipefail

build=${1:?usage: bench_parse.sh BUILD_DIR [CORPUS_DIR]}
corpus=${2:-../shared/corpus/bench}
exe=$build/bench/bench_parse
iterations=${BENCH_CALLGRIND_ITERATIONS:-100}
modes=(ours-full ours-split memchr sofia sofia-make osip)

if [[ ! -x $exe ]]; then
	echo "bench_parse.sh: $exe not built (configure with -DIMSREG_BENCH=ON)" >&2
	exit 2
fi
shopt -s nullglob
messages=("$corpus"/*.sip)
shopt -u nullglob
nmsg=${#messages[@]}
if ((nmsg == 0)); then
	echo "bench_parse.sh: no *.sip message in $corpus" >&2
	exit 2
fi

pin=()
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
	pin=(taskset -c 0)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== parse benchmark: $corpus (${pin[*]:-not pinned})"
if ! "${pin[@]}" "$exe" "$corpus" | tee "$tmp/timed.txt"; then
	echo "bench_parse.sh: the timed run failed (a corpus message does not parse)" >&2
	exit 1
fi
speedup_line=$(grep '^parse speedup vs fastest peer:' "$tmp/timed.txt")

if ! command -v valgrind >/dev/null 2>&1; then
	echo "bench_parse.sh: valgrind not installed, no instruction counts" >&2
	echo "$speedup_line"
	exit 0
fi

# ir FILE: the total instruction count of a callgrind output file.
ir() {
	awk '/^summary:/ { print $2; exit }' "$1"
}

echo
echo "== instructions per message (callgrind, $iterations and $((2 * iterations)) passes of $nmsg messages)"
declare -A ipm
for mode in "${modes[@]}"; do
	for n in "$iterations" "$((2 * iterations))"; do
		if ! valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.$mode.$n" \
			"$exe" --mode "$mode" --iterations "$n" "$corpus" \
			>"$tmp/$mode.$n.out" 2>"$tmp/$mode.$n.err"; then
			grep -v '^==' "$tmp/$mode.$n.err" >&2 || true
			echo "bench_parse.sh: $mode failed under callgrind" >&2
			exit 1
		fi
	done
	a=$(ir "$tmp/cg.$mode.$iterations")
	b=$(ir "$tmp/cg.$mode.$((2 * iterations))")
	ipm[$mode]=$(awk -v a="$a" -v b="$b" -v n="$iterations" -v m="$nmsg" \
		'BEGIN { printf "%.0f", (b - a) / (n * m) }')
	printf '%-11s %10s instructions/msg\n' "$mode" "${ipm[$mode]}"
done

echo
echo "== where ours-full spends its instructions (callgrind, timed passes only, per message)"
# fnlist KIND FILE: "function count" lines of callgrind_annotate --inclusive=KIND.
fnlist() {
	callgrind_annotate --inclusive="$1" "$2" 2>/dev/null |
		awk '/file:function/ { go = 1; next }
		     go && /^ *[0-9][0-9,]* / {
			n = $1; gsub(",", "", n)
			f = $0; sub(/ \[.*$/, "", f); sub(/^.*:/, "", f)
			print f, n }'
}
if valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.profile" --toggle-collect='run_passes*' \
	"$exe" --mode ours-full --iterations "$((2 * iterations))" "$corpus" >/dev/null 2>&1 &&
	command -v callgrind_annotate >/dev/null 2>&1; then
	fnlist no "$tmp/cg.profile" >"$tmp/self.txt"
	fnlist yes "$tmp/cg.profile" >"$tmp/incl.txt"
	awk -v m="$((2 * iterations * nmsg))" '
		FNR == NR { if ($2 > incl[$1]) incl[$1] = $2; next }
		{ self[$1] += $2 }
		END {
			for (f in self)
				printf "%10.0f %10.0f  %s\n", self[f] / m,
				       (incl[f] > self[f] ? incl[f] : self[f]) / m, f
		}' "$tmp/incl.txt" "$tmp/self.txt" >"$tmp/profile.txt"
	printf "%10s %10s  %s\n" "self" "inclusive" "function (top 20 by self)"
	sort -rn "$tmp/profile.txt" | head -20
fi

# The fastest peer by instructions, among the peers doing comparable (typed) work.
peer=sofia
if ((ipm[osip] < ipm[sofia])); then
	peer=osip
fi
ratio=$(awk -v p="${ipm[$peer]}" -v o="${ipm[ours-full]}" 'BEGIN { printf "%.2f", p / o }')
split_ratio=$(awk -v s="${ipm[ours-split]}" -v m="${ipm[memchr]}" 'BEGIN { printf "%.2f", s / m }')
target=missed
if ((ipm[ours-full] * 10 <= ipm[$peer])); then
	target=met
fi

echo
echo "target: ours-full at least 10x fewer instructions than $peer (<= $((ipm[$peer] / 10))/msg): $target"
echo "ours-split / memchr instructions: ${split_ratio}x"
echo "instructions per message: ours-full ${ipm[ours-full]}, ours-split ${ipm[ours-split]}, memchr ${ipm[memchr]}, sofia ${ipm[sofia]}, osip ${ipm[osip]}"
echo "instruction ratio vs fastest peer: ${ratio}x"
echo "$speedup_line"
