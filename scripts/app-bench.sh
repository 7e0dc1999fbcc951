#!/usr/bin/env bash
# app-bench.sh runs the app on the demo caseload in tmux and reports what the
# officer's laptop sees: the app's peak memory (VmHWM) once it has started
# and settled (the first page, the count, the filter's index), on the day's
# first start, which also checks the whole file and takes the day's backup,
# and on a later start; the time from three letters typed into the filter to
# the list of matches; the peak memory after the filter and the export
# dialog, and after the dialog's preview of the demo's last full day (the dialog
# opens on "since the last export", which on a fresh demo is an empty today
# and after export-bench a few minutes: a day is the officer's usual range).
#
#   CLIENTS  size of the demo caseload (default 10000)
#   RUNS     timed filters (default 9)
#   LETTERS  what is typed into the filter (default "ann"; no single quote)
#   BIN      a caseload binary to measure (default: built from this tree)
#   DB       a caseload file to measure on (default: the cached demo)
set -euo pipefail

clients=${CLIENTS:-10000}
runs=${RUNS:-9}
letters=${LETTERS:-ann}
root=$(cd "$(dirname "$0")/.." && pwd)
command -v tmux >/dev/null || { echo "app-bench: tmux is not installed (make tools)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "app-bench: sqlite3 is not installed (make tools)" >&2; exit 1; }

work=$(mktemp -d)
sock="caseload-app-bench-$$"
# The control-mode client (below) goes first: while it is attached and
# unread, the server does not exit.
trap 'kill "${TM_PID:-}" 2>/dev/null; tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
bin=${BIN:-}
if [ -z "$bin" ]; then
	bin="$work/caseload"
	make -s -C "$root" build BIN="$bin"
fi
db=${DB:-$(BIN="$bin" CLIENTS="$clients" "$root/scripts/demo-cache.sh")}
# The app opens the file through a link in a folder of its own, whose
# backups folder starts empty: its first start is then the day's first, and
# takes its backup there, and the second is a later start.
ln -s "$(realpath "$db")" "$work/caseload.db"

# One tmux client in control mode carries every key and every look at the
# screen: a new tmux client for each took about 10 ms to start, which the
# filter's time counted once for the keys and again for every look.
# A command tmux refuses, or the client ending, stops the run: a figure
# taken past either would measure nothing.
tm() {
	printf '%s\n' "$1" >&"${TM[1]}"
	local line
	out=
	while IFS= read -r line <&"${TM[0]}"; do
		case $line in
		'%begin '*) out= ;;
		# The answer to a command of this client ends with flags 1; the
		# block that opens the attach has 0.
		'%end '*' 1') return 0 ;;
		'%error '*' 1') echo "app-bench: tmux refused \"$1\": $out" >&2; exit 1 ;;
		'%'*) ;;
		*) out+=$line$'\n' ;;
		esac
	done
	echo "app-bench: the tmux client ended during \"$1\"" >&2
	exit 1
}
# capture reads the pane into $out, or with a line number only the lines
# from there on (bash reads a pipe a byte at a time: the whole pane took
# about 7 ms).
capture() { tm "capture-pane -p -t bench:run${1:+ -S $1}"; }
screen() { capture "$@"; printf '%s' "$out"; }
# shows reports whether the screen holds the text; from, a line number,
# looks at the lines from there on only.
shows() { capture "${2:-}" && [[ $out == *"$1"* ]]; }
# waitfor polls the screen every 2 ms until it shows the text (a tight loop
# would take a core from the app it waits for).
waitfor() {
	local i=0
	until shows "$@"; do
		sleep 0.002
		i=$((i + 1))
		[ "$i" -lt 30000 ] || { echo "app-bench: the screen never showed \"$1\":" >&2; screen >&2; exit 1; }
	done
}
# waitgone polls until the screen no longer shows the text.
waitgone() {
	local i=0
	while shows "$@"; do
		sleep 0.002
		i=$((i + 1))
		[ "$i" -lt 30000 ] || { echo "app-bench: the screen kept showing \"$1\":" >&2; screen >&2; exit 1; }
	done
}
hwm_mib() { awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$pid/status"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
# settle waits until the app has used no processor time for 0.6 s: what it
# starts after the first frame (on the day's first start, the check of the
# whole file and the backup among it) has finished.
settle() {
	local last now same=0
	last=$(cpu_ticks)
	while [ "$same" -lt 3 ]; do
		sleep 0.2
		now=$(cpu_ticks)
		if [ "$now" = "$last" ]; then same=$((same + 1)); else same=0; fi
		last=$now
	done
}

rows=30
tmux -L "$sock" -f /dev/null new-session -d -s bench -x 100 -y "$rows"
tmux -L "$sock" new-window -d -t bench -n run "exec $bin --db $work/caseload.db"
pid=$(tmux -L "$sock" display -p -t bench:run '#{pane_pid}')
coproc TM { exec tmux -L "$sock" -C attach -t bench; }
# Until the attach is done the server knows no client to apply a command to
# ("no current client").
while IFS= read -r line <&"${TM[0]}" && [[ $line != '%session-changed '* ]]; do :; done
[[ ${line:-} == '%session-changed '* ]] || { echo "app-bench: the tmux client ended before it attached" >&2; exit 1; }
tm 'refresh-client -f no-output' # no copy of the app's output to this client
# The count of matches is on the line above the help line.
footer=$((rows - 2))

waitfor '▸ '
settle
ls "$work"/backups/caseload-*.db >/dev/null 2>&1 || { echo "app-bench: the day's first start took no backup" >&2; screen >&2; exit 1; }
after_first_start=$(hwm_mib)
tm 'send-keys -t bench:run q'
# The window closes when the app has quit.
until tm "list-windows -t bench -F '#{window_name}'" && [[ $out != *run* ]]; do sleep 0.05; done

tm "new-window -d -t bench -n run 'exec $bin --db $work/caseload.db'"
tm "display -p -t bench:run '#{pane_pid}'"
pid=${out%$'\n'}
waitfor '▸ '
settle
after_start=$(hwm_mib)

# The first filter learns how many clients the letters match, so that each
# timed one waits for that answer and not an earlier letter's.
tm 'send-keys -t bench:run /'
tm "send-keys -t bench:run -l '$letters'"
waitfor 'matches, best first' "$footer"
settle
capture "$footer"
answer=$(grep -o 'of [0-9]* matches, best first' <<<"$out" | head -1)
# Escape clears the filter; the next key waits until it has (an Escape
# followed at once by / would read as alt+/).
tm 'send-keys -t bench:run Escape'
waitgone 'matches, best first' "$footer"
for _ in $(seq "$runs"); do
	tm 'send-keys -t bench:run /'
	sleep 0.1
	start=$EPOCHREALTIME
	tm "send-keys -t bench:run -l '$letters'"
	waitfor "$answer" "$footer"
	end=$EPOCHREALTIME
	echo "$(((${end/./} - ${start/./}) / 1000))" >>"$work/filter"
	tm 'send-keys -t bench:run Escape'
	waitgone 'matches, best first' "$footer"
	settle
done
tm 'send-keys -t bench:run x'
waitfor 'Export summary'
settle
after_dialog=$(hwm_mib)
# The last full day, as export-bench takes it: 4 is a custom range, its
# From and To the same day.
day=$(sqlite3 -readonly "$db" "SELECT date(max(at), 'localtime') FROM checkins")
[ -n "$day" ] || { echo "app-bench: the demo holds no check-in to take a day from" >&2; exit 1; }
# A key sent is not yet a key the app has read: each wait is for a screen
# only the key can have made. While the dates are typed (To shows the day)
# the status line reads "enter shows the summary"; from the moment enter is
# read, "Reading the records"; once the preview is in, "w writes the file".
tm 'send-keys -t bench:run 4'
tm "send-keys -t bench:run -l '$day'"
tm 'send-keys -t bench:run Tab'
tm "send-keys -t bench:run -l '$day'"
waitfor "To $day"
tm 'send-keys -t bench:run Enter'
waitgone 'enter shows the summary'
waitfor 'w writes the file'
settle
after_day=$(hwm_mib)

filter=$(sort -n "$work/filter" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
printf 'the app on %d clients, %s UTC:\n' "$clients" "$(date -u +%H:%M)"
printf '  memory after the day'"'"'s first start (VmHWM)  %4d MiB\n' "$after_first_start"
printf '  memory after a later start                 %4d MiB\n' "$after_start"
printf '  filter, "%s" typed to the screen of its %d matches %4d ms median of %d (runs: %s)\n' \
	"$letters" "$(echo "$answer" | tr -dc 0-9)" "$filter" "$runs" "$(tr '\n' ' ' <"$work/filter")"
printf '  memory after the filter and export dialog  %4d MiB\n' "$after_dialog"
printf '  memory after a preview of %s       %4d MiB\n' "$day" "$after_day"
