#!/usr/bin/env bash
# bench-scale.sh prints the figures of a caseload at 10,000 and at 100,000
# clients, each beside its goal: the whole-process export against sqlite3,
# the export's peak memory (one day at both sizes, 30 days at 10,000), the
# app's memory after the day's first start, after a later start and after a
# filter and the export dialog, the filter's time, the first frame, and how
# long the demo took to make.
#
# The demo files are built once into the cache (demo-cache.sh); the first run
# takes minutes. DEMO=1 times both demos afresh into a temporary folder, side
# by side, instead of reporting the cached builds' times.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
export BIN="$work/caseload"
make -s -C "$root" build BIN="$BIN"
small=10000
large=100000
for n in "$small" "$large"; do CLIENTS=$n "$root/scripts/demo-cache.sh" >/dev/null; done

echo "== export, whole process against sqlite3 (goal: at most 2x; peak at most 40 MiB)"
for n in "$small" "$large"; do CLIENTS=$n "$root/scripts/export-bench.sh"; done
echo "== a month's export (goal: peak at most 60 MiB at 10,000)"
CLIENTS=$small DAYS=30 RUNS=3 "$root/scripts/export-bench.sh"

echo "== the app (goal: after the day's first start and a later one at most 40 MiB at 10,000 and 80 MiB at 100,000;"
echo "   filter at most 50 ms)"
for n in "$small" "$large"; do CLIENTS=$n "$root/scripts/app-bench.sh"; done

echo "== first frame (goal: 100,000 within 1.2x of 10,000)"
for n in "$small" "$large"; do CLIENTS=$n RUNS=9 "$root/scripts/startup-bench.sh" | tee -a "$work/frames"; done
awk '{ for (i = 1; i <= NF; i++) if ($i == "median") ms[NR] = $(i + 1) }
	END { printf "  100,000 against 10,000: %.2fx\n", ms[2] / ms[1] }' "$work/frames"

echo "== the demo (goal: 100,000 within 10x of 10,000)"
cache=${XDG_CACHE_HOME:-$HOME/.cache}/caseload-bench
schema=$(cksum <"$root/store/migrations/0001_init.sql" | cut -d' ' -f1)
for n in "$small" "$large"; do
	if [ "${DEMO:-}" = 1 ]; then
		start=$(date +%s%N)
		"$BIN" demo --clients "$n" --seed 1 --db "$work/demo-$n.db" >/dev/null
		end=$(date +%s%N)
		echo "$(((end - start) / 1000000)) $(date -u +%Y-%m-%dT%H:%MZ) $("$BIN" version | cut -d' ' -f2)" >"$work/took-$n"
		rm -f "$work/demo-$n.db"*
	else
		cp "$cache/startup-$n-seed-1-$schema.db.took" "$work/took-$n"
	fi
	read -r ms at rev <"$work/took-$n"
	awk -v n="$n" -v ms="$ms" -v at="$at" -v rev="${rev:-a commit not recorded}" \
		'BEGIN { printf "  %6d clients: %6.1f s (built %s from %s)\n", n, ms / 1000, at, rev }'
done
read -r a _ <"$work/took-$small"
read -r b _ <"$work/took-$large"
awk -v a="$a" -v b="$b" 'BEGIN { printf "  100,000 against 10,000: %.1fx\n", b / a }'
