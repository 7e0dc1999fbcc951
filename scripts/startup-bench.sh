#!/bin/sh
# startup-bench.sh measures the time from process start to the first full
# caseload frame on the 10,000-client demo, in tmux, and reports the median of
# several runs (RUNS, default 15). The demo file is built once into the user's
# cache directory and reused (demo-cache.sh); CLIENTS, BIN and DB as in
# export-bench.sh.
#
# The figure includes what the officer waits for: tmux starting the process,
# Go start-up, opening the file, the first page query and the first render;
# plus the polling of capture-pane (a few ms), which makes it an upper bound.
set -eu

runs=${RUNS:-15}
clients=${CLIENTS:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
command -v tmux >/dev/null || { echo "startup-bench: tmux is not installed" >&2; exit 1; }

work=$(mktemp -d)
sock="caseload-startup-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$work"' EXIT INT TERM

bin=${BIN:-}
if [ -z "$bin" ]; then
	bin="$work/caseload"
	make -s -C "$root" build BIN="$bin"
fi
db=${DB:-$(BIN="$bin" CLIENTS="$clients" "$root/scripts/demo-cache.sh")}

# The tmux server is up before the clock starts: we time the app, not tmux.
tmux -L "$sock" -f /dev/null new-session -d -s bench -x 100 -y 30

i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	start=$(date +%s%N)
	tmux -L "$sock" new-window -d -t bench -n run "exec $bin --db $db"
	# The cursor mark is drawn with the first page of rows: the first full frame.
	# Poll every 2 ms rather than in a tight loop: on two cores a tight loop
	# takes a core from the app it is timing (about 20 ms of difference).
	until tmux -L "$sock" capture-pane -p -t bench:run 2>/dev/null | grep -q '▸ '; do sleep 0.002; done
	end=$(date +%s%N)
	echo $(((end - start) / 1000000))
	tmux -L "$sock" kill-window -t bench:run
	# Each launch on a quiet machine: the killed run is still exiting for a
	# moment, and would take a core from the next.
	sleep 0.2
done | sort -n | awk -v clients="$clients" -v at="$(date -u +%H:%M)" '
	{ ms[NR] = $1 }
	END { printf "startup to first caseload frame, %d clients, %d runs, %s UTC: median %d ms (min %d, max %d)\n",
		clients, NR, at, ms[int((NR + 1) / 2)], ms[1], ms[NR] }'
