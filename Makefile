# traintop — two commands: `make run` (set up, build, open the dashboard on MNIST) and
# `make test` (set up, build, run every test). Both install missing system packages first.

SWIFT ?= swift
CONFIG ?= release
APT_PACKAGES := libdnnl-dev libncursesw5-dev zlib1g-dev tmux
RUN_ARGS ?= train mnist
# Python packages for the interoperability tests (safetensors, numpy, tensorboard), outside the system's.
PYTHON_DEPS := $(CURDIR)/.build/python

.PHONY: all setup build run test bench clean format lint fuzz libfuzzer

all: build

## setup: install missing Debian packages (as root), or print the exact command and stop.
setup:
	@if [ "$$(uname)" = "Linux" ] && command -v dpkg-query >/dev/null 2>&1; then \
	  missing=""; \
	  for p in $(APT_PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	  done; \
	  if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = "0" ]; then \
	      echo "installing:$$missing"; \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	    else \
	      echo "traintop needs these system packages:$$missing"; \
	      echo "run:  sudo apt-get install -y$$missing"; \
	      exit 1; \
	    fi; \
	  fi; \
	fi
	@# Optional: lets tests check that Python's safetensors reads our checkpoints and TensorBoard's own
	@# reader our event files. Debian's Python refuses pip installs into the system (PEP 668), so they
	@# go into $(PYTHON_DEPS), which `make test` puts on PYTHONPATH; the tests skip, saying so, without them.
	@python3 -c "import safetensors, numpy, tensorboard" >/dev/null 2>&1 || \
	  PYTHONPATH=$(PYTHON_DEPS) python3 -c "import safetensors, numpy, tensorboard" >/dev/null 2>&1 || \
	  python3 -m pip install -q --target $(PYTHON_DEPS) safetensors numpy tensorboard >/dev/null 2>&1 || \
	  echo "note: python safetensors/tensorboard not installed; their interoperability tests will be skipped"

## build: release build of everything.
build: setup
	$(SWIFT) build -c $(CONFIG)

## run: open the dashboard training the default model on MNIST.
run: setup
	$(SWIFT) build -c $(CONFIG) --product traintop
	.build/$(CONFIG)/traintop $(RUN_ARGS)

## test: the lint check, then every test (unit, oracle, gradient checks, golden text, end to end under tmux).
test: setup lint
	PYTHONPATH="$(PYTHON_DEPS)$${PYTHONPATH:+:$$PYTHONPATH}" $(SWIFT) test -c $(CONFIG)

## format: rewrite every Swift file in the project's style (.swift-format).
format:
	$(SWIFT) format -i -r Sources Tests Package.swift

## lint: the style check (swift-format, strict) and no line over 120 columns.
lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift
	@long=$$(LC_ALL=C.UTF-8 grep -rnP --include='*.swift' --exclude-dir=Generated '^.{121,}' Sources Tests Package.swift); \
	if [ -n "$$long" ]; then echo "lines over 120 columns:"; echo "$$long"; exit 1; fi

## fuzz: every in-process fuzz target for FUZZ_SECONDS seconds each; fails on a crash.
FUZZ_SECONDS ?= 60
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) $(SWIFT) test -c $(CONFIG) --filter Fuzz

## libfuzzer: coverage-guided fuzzing (libFuzzer + AddressSanitizer, a debug build of its own; Swift's
## default coverage, trace-pc-guard, is one libFuzzer no longer reads, hence the explicit kinds) of one
## reader, FUZZ_TARGET = model, prompt, safetensors, csv or idx, for FUZZ_SECONDS; the corpus grows in
## .build/libfuzzer/TARGET and a crash is written beside it (.build/libfuzzer/TARGET-crash-…), which
## `TRAINTOP_FUZZ=TARGET .build/debug/traintop-fuzz FILE` replays in an ordinary build. Leak checks are
## off: Foundation's Data(contentsOf:) leaks 4 KB reading an empty file, which is not a crash of ours.
FUZZ_TARGET ?= model
libfuzzer: setup
	$(SWIFT) build -c debug --sanitize fuzzer --sanitize address -Xswiftc -DLIBFUZZER \
		-Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
		--product traintop-fuzz --scratch-path .build/libfuzzer-build
	mkdir -p .build/libfuzzer/$(FUZZ_TARGET)
	ASAN_OPTIONS=detect_leaks=0 TRAINTOP_FUZZ=$(FUZZ_TARGET) .build/libfuzzer-build/debug/traintop-fuzz .build/libfuzzer/$(FUZZ_TARGET) \
		-max_total_time=$(FUZZ_SECONDS) -artifact_prefix=.build/libfuzzer/$(FUZZ_TARGET)- -detect_leaks=0

## bench: the benchmark table (not a test).
bench: setup
	$(SWIFT) build -c $(CONFIG) --product traintop-bench
	.build/$(CONFIG)/traintop-bench

clean:
	rm -rf .build
