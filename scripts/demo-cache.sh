#!/bin/sh
# demo-cache.sh prints the path of a demo caseload of CLIENTS clients (seed 1)
# in the user's cache directory, building it first when it is not there. A
# 100,000-client demo takes minutes: it is built once and reused. The time
# the build took is kept beside the file (FILE.took: milliseconds, when, and
# the version of the binary that built it), for bench-scale's demo row: a
# change to the demo's fill does not change the key, so the row says which
# build it reports.
#
#   CLIENTS  size of the caseload (default 10000)
#   BIN      the caseload binary that builds it
set -eu

clients=${CLIENTS:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/caseload-bench
mkdir -p "$cache"
bin=${BIN:?demo-cache: BIN names the caseload binary}

# The first schema is part of the key: a file made by an older schema would
# measure old indexes. Later migrations are applied to the file when it is
# opened, as they are to an officer's.
schema=$(cksum <"$root/store/migrations/0001_init.sql" | cut -d' ' -f1)
db="$cache/startup-$clients-seed-1-$schema.db"
if [ ! -f "$db" ]; then
	rm -f "$db.building" "$db.building-wal" "$db.building-shm"
	echo "demo-cache: building a $clients-client demo into $db (once)" >&2
	start=$(date +%s%N)
	"$bin" demo --clients "$clients" --seed 1 --db "$db.building" >&2
	end=$(date +%s%N)
	mv "$db.building" "$db"
	echo "$(((end - start) / 1000000)) $(date -u +%Y-%m-%dT%H:%MZ) $("$bin" version | cut -d' ' -f2)" >"$db.took"
fi
echo "$db"
