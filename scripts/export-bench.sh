#!/usr/bin/env bash
# export-bench.sh measures, whole process against whole process, `caseload
# export` of the demo's last full day (Markdown, to standard output) against
# the sqlite3 shell printing the same day's check-ins with their clients'
# names as a Markdown table; and, as a second floor, sqlite3 printing every
# record of the day the summary shows (check-ins, stage notes, referral
# changes, screenings, condition progress, hearings, violations, responses,
# incentives and jobs), which is what the summary reads since it carries the
# conditions of supervision. They run alternately in one loop, so that a
# busy moment of the machine falls on all; it prints the medians, the ratios
# and each one's peak memory (maximum resident set, from /usr/bin/time).
#
# Beside them runs gofloor (scripts/gofloor): the check-ins query printed
# as a Markdown table by a Go program on caseload's own driver, the pure-Go
# modernc.org/sqlite. It is the least a Go program on this stack does to
# print those rows, so it shows how much of the ratio the stack itself
# costs (starting a Go program, SQLite compiled to Go), and how much the
# export adds to it.
#
#   CLIENTS  size of the demo caseload (default 10000)
#   DAYS     how many days, ending with the last full one (default 1)
#   RUNS     timed runs of each (default 9)
#   BIN      a caseload binary to measure (default: built from this tree)
#   DB       a caseload file to measure on (default: the cached demo)
#
# The demo file is built once into the cache (see demo-cache.sh). Each run
# of caseload adds one line to that file's export log, as an officer's
# export would: it changes no figure measured here.
set -euo pipefail

clients=${CLIENTS:-10000}
days=${DAYS:-1}
runs=${RUNS:-9}
root=$(cd "$(dirname "$0")/.." && pwd)
command -v sqlite3 >/dev/null || { echo "export-bench: sqlite3 is not installed (make tools)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "export-bench: /usr/bin/time is not installed (GNU time)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
bin=${BIN:-}
if [ -z "$bin" ]; then
	bin="$work/caseload"
	make -s -C "$root" build BIN="$bin"
fi
db=${DB:-$(BIN="$bin" CLIENTS="$clients" "$root/scripts/demo-cache.sh")}
(cd "$root" && CGO_ENABLED=0 go build -trimpath -o "$work/gofloor" ./scripts/gofloor)

# The demo runs up to the start of the day it was made: its last full day
# is the day of its latest check-in.
last=$(sqlite3 -readonly "$db" "SELECT date(max(at), 'localtime') FROM checkins")
first=$(date -d "$last -$((days - 1)) days" +%F)
utc() { date -u -d "@$(date -d "$1" +%s)" +%Y-%m-%dT%H:%M:%S.000Z; }
lo=$(utc "$first")
hi=$(utc "$(date -d "$last +1 day" +%F)")
query="SELECT c.name, c.case_number, k.at, k.type, k.outcome, k.location, k.test_result, k.substances,
	k.stage, k.flags, k.note, k.next_appointment_at
	FROM checkins k JOIN clients c ON c.id = k.client_id
	WHERE k.at >= '$lo' AND k.at < '$hi' AND NOT EXISTS (SELECT 1 FROM amendments a WHERE a.target_id = k.id)
	ORDER BY c.sort_name, c.case_number, k.at, k.id;"

# Every record of the range the summary shows, with its client, in the
# summary's order: the floor for reading what the summary reads.
dlo=$first
dhi=$last
in_range="at >= '$lo' AND at < '$hi'"
records="SELECT c.name, c.case_number, r.what, r.at, r.a, r.b, r.note FROM (
	SELECT client_id, 'check-in' AS what, at, type AS a, outcome AS b, note FROM checkins k WHERE $in_range
		AND NOT EXISTS (SELECT 1 FROM amendments am WHERE am.target_id = k.id)
	UNION ALL SELECT client_id, 'stage', at, stage, '', note FROM stage_notes WHERE $in_range
	UNION ALL SELECT client_id, 'referral', at, from_status, to_status, note FROM referral_events WHERE $in_range
	UNION ALL SELECT client_id, 'screening', at, instrument, total, note FROM screenings WHERE $in_range
	UNION ALL SELECT client_id, 'progress', at, kind, amount, note FROM condition_progress WHERE $in_range
	UNION ALL SELECT client_id, 'hearing', at, kind, outcome, outcome_note FROM court_events WHERE $in_range
	UNION ALL SELECT client_id, 'violation', at, kind, seriousness, description FROM violations WHERE $in_range
	UNION ALL SELECT client_id, 'response', at, step_label, tier, note FROM responses WHERE $in_range
	UNION ALL SELECT client_id, 'incentive', at, step_label, tier, reason FROM incentives WHERE $in_range
	UNION ALL SELECT client_id, 'job', start_on, employer, position, '' FROM employment
		WHERE start_on BETWEEN '$dlo' AND '$dhi' OR end_on BETWEEN '$dlo' AND '$dhi' OR verified_on BETWEEN '$dlo' AND '$dhi'
	) r JOIN clients c ON c.id = r.client_id ORDER BY c.sort_name, c.case_number, r.at;"

caseload_export() { "$bin" export --db "$db" --from "$first" --to "$last" --format md; }
sqlite3_markdown() { sqlite3 -readonly -markdown "$db" "$query"; }
sqlite3_records() { sqlite3 -readonly -markdown "$db" "$records"; }
go_floor() { "$work/gofloor" "$db" "$query"; }

# Both are warmed once, so that neither pays for reading the file from disk
# into the operating system's cache.
caseload_export >"$work/caseload.md"
sqlite3_markdown >"$work/sqlite3.md"
sqlite3_records >"$work/records.md"
go_floor >"$work/floor.md"
if [ "$(grep -c '^|' "$work/floor.md")" != "$(grep -c '^|' "$work/sqlite3.md")" ]; then
	echo "export-bench: gofloor and sqlite3 printed different numbers of rows" >&2
	exit 1
fi

# $EPOCHREALTIME is read by the shell itself: no process is started to read
# the clock.
elapsed_ms() {
	local start end
	start=$EPOCHREALTIME
	"$@" >/dev/null
	end=$EPOCHREALTIME
	echo "$(((${end/./} - ${start/./}) / 1000))"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

: >"$work/a"
: >"$work/b"
: >"$work/c"
: >"$work/g"
for _ in $(seq "$runs"); do
	elapsed_ms caseload_export >>"$work/a"
	elapsed_ms sqlite3_markdown >>"$work/b"
	elapsed_ms sqlite3_records >>"$work/c"
	elapsed_ms go_floor >>"$work/g"
done
peak_kib() { /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null && cat "$work/rss"; }
: >"$work/ma"
: >"$work/mb"
for _ in 1 2 3; do
	peak_kib "$bin" export --db "$db" --from "$first" --to "$last" --format md >>"$work/ma"
	peak_kib sqlite3 -readonly -markdown "$db" "$query" >>"$work/mb"
done

a=$(median <"$work/a")
b=$(median <"$work/b")
c=$(median <"$work/c")
g=$(median <"$work/g")
ma=$(median <"$work/ma")
mb=$(median <"$work/mb")
rows=$(grep -c '^|' "$work/sqlite3.md" || true)
all=$(grep -c '^|' "$work/records.md" || true)
span="one day ($last)"
[ "$days" -gt 1 ] && span="$days days ($first to $last)"
printf 'export of %s, Markdown, %d clients, %d check-ins, %s UTC, medians of %d alternating runs:\n' \
	"$span" "$clients" "$((rows > 2 ? rows - 2 : 0))" "$(date -u +%H:%M)" "$runs"
printf '  caseload export   %5d ms   peak %4d MiB   (runs: %s)\n' "$a" "$((ma / 1024))" "$(tr '\n' ' ' <"$work/a")"
printf '  sqlite3 -markdown %5d ms   peak %4d MiB   (runs: %s)\n' "$b" "$((mb / 1024))" "$(tr '\n' ' ' <"$work/b")"
printf '  sqlite3, every record %5d ms   (%d records; runs: %s)\n' "$c" "$((all > 2 ? all - 2 : 0))" "$(tr '\n' ' ' <"$work/c")"
printf '  gofloor, the check-ins in pure Go %5d ms   (runs: %s)\n' "$g" "$(tr '\n' ' ' <"$work/g")"
awk -v a="$a" -v b="$b" -v c="$c" -v g="$g" 'BEGIN {
	printf "  ratio %.1fx to the check-ins (goal: at most 2x), %.1fx to every record\n", (b > 0 ? a / b : 0), (c > 0 ? a / c : 0)
	printf "  the pure-Go floor is %.1fx sqlite3 on the same check-ins; the export is %.1fx the floor\n", (b > 0 ? g / b : 0), (g > 0 ? a / g : 0)
}'
