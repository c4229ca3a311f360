# The two commands a newcomer needs are `go run ./cmd/enigma devnet --demo`
# and `make test`; everything else here is for developers.

GO        ?= go
# Packages with goroutines of their own (or that are called concurrently)
# run under the race detector too.
RACE_PKGS ?= $(shell $(GO) list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./... 2>/dev/null | grep -E '/(internal/(vm|state|chain|enclave|km|worker|gateway|p2p|devnet|node)|sdk/client)(/|$$)' | grep -vE '/(vmbench|kernels|cryptobench|enclavebench)' )
TEST_FLAGS ?= -timeout 20m

.PHONY: test deps lint unit race ts bench build generate clean

## test: everything CI runs (installs npm tools into the repo's own folders first)
test: deps lint unit race ts

## deps: npm packages the tests need (solc, OpenZeppelin, anvil, enigma-js, the TypeScript client's), installed into this repo,
## and the Debian packages prometheus and chromium (apt-get, as root)
deps:
	@bash scripts/npm-deps.sh
	@bash scripts/system-deps.sh

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './*/node_modules/*')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

unit:
	$(GO) test $(TEST_FLAGS) ./...

race:
	@if [ -n "$(strip $(RACE_PKGS))" ]; then $(GO) test -race $(TEST_FLAGS) $(RACE_PKGS); else echo "race: no packages with concurrency yet"; fi

## ts: the TypeScript client's unit tests and its end-to-end tests against a devnet it starts (clients/ts/test/harness)
ts:
	cd clients/ts && npm run build && npm test

## bench: the benchmark suites (tables; add --json for machine-readable output)
BENCH_SUITES ?= exec crypto enclave gas chain contracts e2e nodes chaos

bench:
	@for s in $(BENCH_SUITES); do $(GO) run ./cmd/enigma bench $$s || exit 1; echo; done
	$(GO) test -run '^$$' -bench . -benchmem ./internal/...

build:
	$(GO) build -o bin/enigma ./cmd/enigma

## generate: regenerate committed artifacts (Solidity ABI/bytecode, Go bindings)
generate: deps
	$(GO) generate ./...

clean:
	rm -rf bin
