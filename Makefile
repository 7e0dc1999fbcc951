# caseload: the two commands a newcomer needs are `make run` and `make test`.

GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
BIN     := bin/caseload
LDFLAGS := -s -w -X main.version=$(VERSION)

.PHONY: build run demo test vet bench bench-scale fuzz tools clean

## build: the single static binary (pure Go, no cgo), version stamped
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) .

## run: build, then open the app on the default database
run: build
	./$(BIN)

## demo: open the app on a fresh demo caseload in a temporary directory
demo: build
	@dir=$$(mktemp -d) && ./$(BIN) demo --db "$$dir/caseload.db" && ./$(BIN) --db "$$dir/caseload.db"; rm -rf "$$dir"

## tools: install the tools the tests drive (tmux, sqlite3, PostgreSQL's
## server for the agency sync tests, a session bus and GNOME Keyring for the
## OS keyring tests) when missing
tools:
	@scripts/ensure-tools.sh tmux sqlite3 postgresql dbus-daemon gnome-keyring-daemon

## vet: formatting and static checks (go vet, then staticcheck, pinned in go.mod as a tool)
vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck ./...

# The race detector watches every package of ours and the SQLite driver's
# Go code. It is off for SQLite's C library translated to Go (sqlite/lib and
# the C runtime under it): what that code shares lives in memory it maps
# outside Go's heap, which the detector does not watch, and instrumenting it
# made the tests four times slower.
RACE := -race -gcflags='modernc.org/sqlite/lib=-race=false' -gcflags='modernc.org/libc/...=-race=false'

## test: every test, end-to-end ones included
test: tools vet build
	$(GO) test -count=1 $(RACE) ./...

## bench: Go benchmarks at 10,000 clients / 200,000 check-ins (the database is
## built once and cached outside the repository), then the start-up time in
## tmux and the whole-process export against sqlite3
bench: tools build
	$(GO) test -run '^$$' -bench . -benchmem ./...
	scripts/startup-bench.sh
	scripts/export-bench.sh

## bench-scale: every scale figure at 10,000 and 100,000 clients beside its
## goal (not part of CI: the 100,000-client demo takes minutes to build once)
bench-scale: tools build
	scripts/bench-scale.sh

# Every fuzz target, as package:name; a crash found becomes a file under the
# package's testdata/fuzz/ and so a test case of `make test`.
FUZZ_TARGETS := ./model:FuzzReadClientsCSV ./model:FuzzParseCommonDate ./model:FuzzValidate \
	./model:FuzzParseWhen ./store:FuzzParseTimeLayout ./importer:FuzzReadCSV ./importer:FuzzReadHSDSJSON ./text:FuzzSanitize ./model:FuzzConditionsFromText
FUZZ_TIME ?= 15s

## fuzz: run each fuzz target for FUZZ_TIME (default 15s)
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; name=$${t##*:}; echo "fuzz $$name ($$pkg)"; \
	  $(GO) test $$pkg -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZ_TIME); \
	done

clean:
	rm -rf bin
