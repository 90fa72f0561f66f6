#!/usr/bin/env bash
# Whole-console speed and memory: mdemu-headless --benchmark on the bundled demo ROM
# and on the busiest bundled test ROM, RUNS times each (a machine shared with other
# work scatters single runs), then the median and best fps (wall clock and process
# CPU time) and the largest peak RSS of the runs.
# Usage: bench/system.sh [BUILD_DIR] [FRAMES] [RUNS]
set -eu
build=${1:-build}
frames=${2:-6000}
runs=${3:-5}
headless="$build/mdemu-headless"
[ -x "$headless" ] || { echo "bench/system.sh: $headless not built (make build)" >&2; exit 2; }
for rom in "$build/roms/demo.bin" "$build/roms/vdp_sprites.bin"; do
  if [ ! -f "$rom" ]; then
    echo "bench/system.sh: $rom missing, skipped" >&2
    continue
  fi
  echo "== $(basename "$rom"): $frames frames, $runs runs"
  lines=""
  for _ in $(seq "$runs"); do
    line=$("$headless" "$rom" --frames "$frames" --benchmark | grep '^benchmark:')
    echo "$line"
    lines="$lines$line"$'\n'
  done
  printf '%s' "$lines" | awk '
    function field(name,   i, kv) {
      for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] + 0 }
      return 0
    }
    function median(a, n,   i, j, t) {
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { n++; fps[n] = field("fps"); cpu[n] = field("cpu_fps"); rss = field("peak_rss_kib") > rss ? field("peak_rss_kib") : rss }
    END {
      best = 0; best_cpu = 0
      for (i = 1; i <= n; i++) { if (fps[i] > best) best = fps[i]; if (cpu[i] > best_cpu) best_cpu = cpu[i] }
      printf "summary: median_fps=%.1f best_fps=%.1f median_cpu_fps=%.1f best_cpu_fps=%.1f peak_rss_kib=%d\n",
             median(fps, n), best, median(cpu, n), best_cpu, rss
    }'
done
