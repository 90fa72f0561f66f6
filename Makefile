# The README's two commands: `make run [ROM=path]` and `make test`.
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
CMAKE      ?= cmake
# CI builds warning-free or not at all.
ifeq ($(CI),true)
WERROR := -DMDEMU_WERROR=ON
endif

.PHONY: all setup build run test test-release test-asan bench clean

all: build

setup:
	@scripts/setup

build: setup
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(WERROR)
	$(CMAKE) --build $(BUILD) -j$(JOBS)

run: build
	$(BUILD)/mdemu $(ROM)

test: setup test-release test-asan

test-release: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

test-asan: setup
	$(CMAKE) -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DMDEMU_SANITIZE=ON $(WERROR)
	$(CMAKE) --build $(ASAN_BUILD) -j$(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j$(JOBS)

bench: build
	bench/run_all.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
