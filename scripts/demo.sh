#!/usr/bin/env bash
# demo.sh IMSREG SEED_DIR: the main job for now: decode every seed REGISTER
# exactly as pasted, and show what imsreg explains and finds.
set -uo pipefail
imsreg=$1
seeds=$2
for f in "$seeds"/*.txt; do
	printf '\n\033[1m===== %s =====\033[0m\n' "$(basename "$f")"
	"$imsreg" decode "$f"
	rc=$?
	# 0: no error finding; 1: error findings (the seeds have some); 2: unreadable
	[ $rc -le 1 ] || { echo "demo: $f could not be decoded (exit $rc)" >&2; exit 1; }
done
