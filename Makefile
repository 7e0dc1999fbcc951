# caseload: the two commands a newcomer needs are `make run` and `make test`.

GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
BIN     := bin/caseload
LDFLAGS := -s -w -X main.version=$(VERSION)

.PHONY: build run demo test vet bench fuzz tools clean

## build: the single static binary (pure Go, no cgo), version stamped
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) .

## run: build, then open the app on the default database
run: build
	./$(BIN)

## demo: open the app on a fresh demo caseload in a temporary directory
demo: build
	@dir=$$(mktemp -d) && ./$(BIN) demo --db "$$dir/caseload.db" && ./$(BIN) --db "$$dir/caseload.db"; rm -rf "$$dir"

## tools: install the tools the tests drive (tmux, sqlite3) when missing
tools:
	@scripts/ensure-tools.sh tmux sqlite3

## vet: formatting and static checks
vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...

## test: every test, end-to-end ones included
test: tools vet build
	$(GO) test -count=1 ./...

## bench: Go benchmarks at 10,000 clients / 200,000 check-ins (the database is built once and cached)
bench: tools build
	$(GO) test -run '^$$' -bench . -benchmem ./...

## fuzz: run each fuzz target for a bounded time
fuzz:
	@echo "no fuzz targets yet"

clean:
	rm -rf bin
