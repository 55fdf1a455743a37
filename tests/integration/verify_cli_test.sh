#!/usr/bin/env bash
# verify_cli_test.sh: `imsreg verify` and `imsreg aka` through the program's
# dispatch (main.c): exit codes 0/1/2 on the real OpenIMSCore exchange, a seed
# without keys, a wrong K; `imsreg aka` rebuilding that 401 nonce, and AUTS.
# $1: the imsreg binary. Runs from the repository root.
set -u
imsreg=${1:?usage: verify_cli_test.sh IMSREG}
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

K=616c6963650000000000000000000000   # "alice" + 11 NULs (corpus/captures/PROVENANCE.md)
OP=00000000000000000000000000000000
oic=../shared/corpus/captures/text/openimscore-aka

if ! "$imsreg" help 2>&1 | grep -q verify && ! "$imsreg" verify --help >/dev/null 2>&1; then
	echo "FAIL: imsreg does not dispatch 'verify': main.c needs cmd_verify and cmd_aka (src/cli/auth_cmds.h)"
	exit 1
fi

expect() { # expect STATUS NEEDLE -- command...
	local want=$1 needle=$2
	shift 3
	local out rc
	out=$("$@" 2>&1)
	rc=$?
	if [ "$rc" != "$want" ]; then
		echo "FAIL: exit $rc, want $want: $*"
		echo "$out" | tail -15
		fail=1
	elif ! grep -qF -- "$needle" <<<"$out"; then
		echo "FAIL: no \"$needle\" in the output of: $*"
		echo "$out" | tail -15
		fail=1
	else
		echo "ok: exit $rc: $*"
	fi
}

cat "$oic/02-401-akav1-security-server.sip" "$oic/03-authorization-header.txt" >"$tmp/oic.txt"
expect 0 "expected response: 079d8ec52db706b0d3fa80a2e4003156" -- \
	"$imsreg" verify --k $K --op $OP "$tmp/oic.txt"
expect 0 '"match": true' -- "$imsreg" verify --json --k $K --op $OP "$tmp/oic.txt"
expect 0 "the response verifies" -- \
	"$imsreg" verify --k $K --op $OP - <"$tmp/oic.txt"
expect 1 "AUTN's MAC verifies: no" -- \
	"$imsreg" verify --k ff${K:2} --op $OP "$tmp/oic.txt"
expect 2 "K and OPc (or OP) are needed" -- \
	"$imsreg" verify ../shared/fixtures/seed/ex4-aka-authorization.pasted.txt
expect 2 "" -- "$imsreg" verify --k $K "$tmp/oic.txt"
# the Authorization line alone (no 401 pasted): read as one REGISTER's
expect 0 "messages read: 1" -- "$imsreg" verify --k $K --op $OP "$oic/03-authorization-header.txt"
expect 0 "the Authorization field (line 1) stands alone" -- "$imsreg" verify --k $K --op $OP "$oic/03-authorization-header.txt"

# `imsreg aka` builds the 401 of that exchange again from the keys
expect 0 "nonce: KBdnIyppR5T1v4wsr0DCIKvGvtjeMAAAAbJwt4v710I=" -- \
	"$imsreg" aka --k $K --op $OP --rand 281767232a694794f5bf8c2caf40c220 --sqn 66f6
auts=$("$imsreg" aka auts --k $K --op $OP --rand 281767232a694794f5bf8c2caf40c220 \
	--sqn-ms 1234 --json | sed -n 's/.*"auts": "\([^"]*\)".*/\1/p')
expect 0 "SQN_MS: 000000001234" -- \
	"$imsreg" aka auts --k $K --op $OP --rand 281767232a694794f5bf8c2caf40c220 --auts "$auts"
expect 1 "MAC-S verifies: no" -- \
	"$imsreg" aka auts --k $K --opc $OP --rand 281767232a694794f5bf8c2caf40c220 --auts "$auts"

exit $fail
