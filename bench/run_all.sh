#!/usr/bin/env bash
# Runs every benchmark of a Release build and prints their figures (make bench).
set -u
build=${1:-build}
for exe in bench_cpu68k bench_z80 bench_vdp bench_ym2612 bench_audio; do
  path=$(find "$build/bench" -name "$exe" -type f -perm -u+x 2>/dev/null | head -n 1)
  if [ -z "$path" ]; then echo "== $exe: not built"; continue; fi
  echo "== $exe"
  "$path"
done
"$(dirname "$0")/system.sh" "$build"
