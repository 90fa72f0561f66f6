#!/usr/bin/env bash
# RetroArch loads mdemu_libretro.so and runs a ROM for 300 frames with null video/audio drivers.
# Exit 77 (skipped) when RetroArch is not installed.
set -u
core=$1
rom=$2
command -v retroarch >/dev/null 2>&1 || { echo "retroarch not installed: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/retroarch.cfg" <<CFG
video_driver = "null"
audio_driver = "null"
input_driver = "null"
joypad_driver = "null"
menu_driver = "null"
video_threaded = "false"
audio_enable = "false"
config_save_on_exit = "false"
savefile_directory = "$work"
savestate_directory = "$work"
system_directory = "$work"
core_options_path = "$work/core.opt"
log_verbosity = "true"
libretro_log_level = "1"
CFG
export HOME="$work" XDG_CONFIG_HOME="$work" SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
# A sanitizer build of the core needs the ASan runtime loaded before RetroArch's own
# libraries; RetroArch's leaks are not ours to check.
asan_lib=$(ldd "$core" 2>/dev/null | awk '/libasan/ {print $3}')
if [ -n "$asan_lib" ]; then
  export LD_PRELOAD="$asan_lib" ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
fi
timeout 240 retroarch --config "$work/retroarch.cfg" -L "$core" "$rom" --max-frames=300 --verbose > "$work/log.txt" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
  tail -n 40 "$work/log.txt"
  echo "retroarch exited with $rc"
  exit 1
fi
# The core itself logs this line once the ROM is loaded (not just RetroArch naming the file).
if ! grep -q "mdemu: loaded" "$work/log.txt"; then
  tail -n 40 "$work/log.txt"
  echo "the mdemu core did not report loading the ROM"
  exit 1
fi
grep "mdemu: loaded" "$work/log.txt" | head -n 1
echo "retroarch ran 300 frames on mdemu_libretro.so"
exit 0
