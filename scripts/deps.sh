#!/usr/bin/env bash
# deps.sh: installs the Debian packages that building and testing imsreg need,
# only those missing. Works as root on a fresh Debian 12 (or with sudo).
set -euo pipefail

packages=(
	build-essential cmake pkg-config        # the build
	libssl-dev                              # libcrypto: hashes, AES, random numbers
	libsqlite3-dev libpcap-dev              # store and captures (later issues)
	libxml2-dev                             # XML bodies (reg-event state, RFC 3680)
	clang libclang-rt-14-dev llvm           # libFuzzer and its sanitizers
	tshark                                  # cross-check of the decoder
	python3-cryptography                    # tests: ESP packets sealed for decode to open
	tcpdump                                 # its -A text, read by decode (cross-checked with tshark)
	sngrep                                  # tests: HEP v2 and v3 written by another tool
	ngrep                                   # tests: its text, read by decode
	kamailio                                # tests: its sipdump module's text files, read by decode
	libosip2-dev libsofia-sip-ua-dev        # peers of the parse benchmark and of the cross-check tests
	valgrind                                # callgrind instruction counts
	sip-tester                              # SIPp: tests (its -trace_msg log read by decode)
)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "deps.sh: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; answer no without a prompt.
echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections
$SUDO apt-get update -qq
# The tests start the servers they need (Kamailio) on 127.0.0.1 themselves:
# a package's own service is not started as it is installed (policy-rc.d,
# which invoke-rc.d and deb-systemd-invoke honour), unless the machine has
# a policy of its own.
policy=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
	policy=/usr/sbin/policy-rc.d
	printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
	$SUDO chmod 755 "$policy"
fi
rc=0
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || rc=$?
[ -n "$policy" ] && $SUDO rm -f "$policy"
exit $rc
