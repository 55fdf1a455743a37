# cli_check.sh: the counters and checks the shell tests of tests/<kind>/
# share. Source it after setting $tmp (a scratch directory); each check
# counts one pass or prints "FAIL ..." and counts one failure. End the
# test with cli_check_done.
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL $*"; }
expect_rc() { # WANT WHAT CMD...: CMD exits WANT (its output in $tmp/out, $tmp/err)
	local want=$1 what=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	local rc=$?
	if [ "$rc" = "$want" ]; then ok; else bad "$what: exit $rc, want $want"; sed 's/^/    /' "$tmp/err" | head -5; fi
}
has() { # WHAT FILE TEXT: FILE holds TEXT (fixed string)
	if grep -qF -- "$3" "$2"; then ok; else bad "$1: no \"$3\" in"; sed 's/^/    /' "$2" | head -8; fi
}
hasnt() { # WHAT FILE TEXT: FILE does not hold TEXT
	if grep -qF -- "$3" "$2"; then bad "$1: \"$3\" in"; sed 's/^/    /' "$2" | head -8; else ok; fi
}
json() { # FILE PYTHON: PYTHON (an expression statement over the JSON document of FILE, $d) holds
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); $2" "$1"
}
crypto_python() { # sets $py: a python3 with the cryptography package (scripts/deps.sh installs Debian's)
	py=python3
	$py -c 'import cryptography' 2>/dev/null || py=/usr/bin/python3
	$py -c 'import cryptography' 2>/dev/null || { echo "FAIL: python3-cryptography not installed (scripts/deps.sh)"; exit 1; }
}
cli_check_done() { # the summary line, and the exit status of the test
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
}
