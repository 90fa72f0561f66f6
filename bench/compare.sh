#!/usr/bin/env bash
# Whole-console speed of two builds, measured the one way that survives a shared
# or throttled machine: runs of the base and the new mdemu-headless interleaved
# (base, new, base, new, ...) on the same ROMs, so that both see the same machine
# state, then per ROM the best and median cpu_fps of each and the ratio new/base.
# Also says whether both produced the same frame and audio hashes.
# Usage: bench/compare.sh BASE_HEADLESS NEW_HEADLESS [FRAMES] [RUNS] [ROM...]
# ROMs default to the two of bench/system.sh, from the new build's roms/ folder.
set -eu
[ $# -ge 2 ] || { echo "usage: bench/compare.sh BASE_HEADLESS NEW_HEADLESS [FRAMES] [RUNS] [ROM...]" >&2; exit 2; }
base=$1
new=$2
frames=${3:-3000}
runs=${4:-8}
shift $(( $# < 4 ? $# : 4 ))
for exe in "$base" "$new"; do
  [ -x "$exe" ] || { echo "bench/compare.sh: $exe is not an executable" >&2; exit 2; }
done
if [ $# -eq 0 ]; then
  roms_dir=$(dirname "$new")/roms
  set -- "$roms_dir/demo.bin" "$roms_dir/vdp_sprites.bin"
fi

# cpu_fps and the hash line of one run, as "CPU_FPS HASHES".
run_one() {
  local out
  out=$("$1" "$2" --frames "$frames" --benchmark) || { echo "bench/compare.sh: $1 $2 failed" >&2; exit 1; }
  printf '%s %s\n' "$(printf '%s\n' "$out" | sed -n 's/^benchmark:.* cpu_fps=\([0-9.]*\).*/\1/p')" \
    "$(printf '%s\n' "$out" | sed -n 's/^frames=[0-9]* \(frame_hash=[0-9a-f]* audio_hash=[0-9a-f]*\)/\1/p' | tr ' ' ',')"
}

# "best median" of a list of numbers.
best_median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.1f %.1f\n", v[NR], m }'
}

for rom in "$@"; do
  [ -f "$rom" ] || { echo "bench/compare.sh: $rom missing, skipped" >&2; continue; }
  base_fps=() new_fps=() base_hash="" new_hash=""
  for _ in $(seq "$runs"); do
    read -r fps hash < <(run_one "$base" "$rom")
    base_fps+=("$fps"); base_hash=$hash
    read -r fps hash < <(run_one "$new" "$rom")
    new_fps+=("$fps"); new_hash=$hash
  done
  read -r base_best base_median < <(best_median "${base_fps[@]}")
  read -r new_best new_median < <(best_median "${new_fps[@]}")
  echo "== $(basename "$rom"): $frames frames, $runs interleaved runs each (cpu_fps)"
  echo "base: best=$base_best median=$base_median runs: ${base_fps[*]}"
  echo "new:  best=$new_best median=$new_median runs: ${new_fps[*]}"
  awk -v nb="$new_best" -v bb="$base_best" -v nm="$new_median" -v bm="$base_median" -v same="$([ "$base_hash" = "$new_hash" ] && echo yes || echo no)" \
    'BEGIN { printf "ratio new/base: best=%.3f median=%.3f; same frame and audio hashes: %s\n", nb / bb, nm / bm, same }'
done
