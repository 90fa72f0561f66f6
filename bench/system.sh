#!/usr/bin/env bash
# Whole-console speed and memory: mdemu-headless --benchmark on the bundled demo ROM
# and on the busiest bundled test ROM. Prints fps and peak RSS as the runner reports them.
# Usage: bench/system.sh [BUILD_DIR] [FRAMES]
set -eu
build=${1:-build}
frames=${2:-6000}
headless="$build/mdemu-headless"
[ -x "$headless" ] || { echo "bench/system.sh: $headless not built (make build)" >&2; exit 2; }
for rom in "$build/roms/demo.bin" "$build/roms/vdp_sprites.bin"; do
  if [ ! -f "$rom" ]; then
    echo "bench/system.sh: $rom missing, skipped" >&2
    continue
  fi
  echo "== $(basename "$rom"): $frames frames"
  "$headless" "$rom" --frames "$frames" --benchmark
done
