# Makefile: the commands people type; CMake does the building.
#   make          build build/imsreg (optimised)
#   make test     install deps, build with ASan+UBSan, run every test (ctest)
#   make demo     the main job: decode the seed REGISTERs of ../shared/fixtures/seed
#   make bench    the benchmarks (bench-parse, bench-auth)
#   make fuzz     every libFuzzer target but FUZZ_SKIP's (scripts/fuzz.sh) for FUZZ_SECONDS each

JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60
SEED_DIR ?= ../shared/fixtures/seed
CMAKE ?= cmake

.PHONY: all build deps test demo bench bench-parse bench-auth fuzz clean

all: build

deps:
	@bash scripts/deps.sh

build:
	@$(CMAKE) -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@$(CMAKE) --build build -j $(JOBS)

test: deps
	$(CMAKE) -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DIMSREG_SANITIZE=ON -DIMSREG_BENCH=ON >/dev/null
	$(CMAKE) --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		ctest --output-on-failure -j $(JOBS)

demo: deps build
	@bash scripts/demo.sh build/imsreg $(SEED_DIR)

bench: bench-parse bench-auth

bench-parse: deps
	$(CMAKE) -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DIMSREG_BENCH=ON >/dev/null
	$(CMAKE) --build build-bench -j $(JOBS)
	bash bench/bench_parse.sh build-bench

bench-auth: deps
	$(CMAKE) -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DIMSREG_BENCH=ON >/dev/null
	$(CMAKE) --build build-bench -j $(JOBS)
	build-bench/bench/bench_auth

fuzz: deps
	CC=clang $(CMAKE) -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIMSREG_FUZZ=ON >/dev/null
	$(CMAKE) --build build-fuzz -j $(JOBS)
	bash scripts/fuzz.sh build-fuzz $(FUZZ_SECONDS)

clean:
	rm -rf build build-asan build-bench build-fuzz
