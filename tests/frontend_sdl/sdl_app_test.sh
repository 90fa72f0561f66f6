#!/usr/bin/env bash
# Runs the desktop app: start on the bundled demo, 60 frames, save state, load state,
# screenshot, quit; then its error paths. Mode "dummy" uses SDL's dummy drivers;
# mode "xvfb" opens a real X window on a virtual display (skipped without Xvfb).
set -u
app=$1
mode=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
fail() { echo "FAIL: $*"; exit 1; }

run_app() {
  if [ "$mode" = xvfb ]; then
    # Under a real X server the X11/D-Bus client libraries keep allocations to exit;
    # leaks in our own code are checked by the dummy-driver run.
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" SDL_AUDIODRIVER=dummy xvfb-run -a -s "-screen 0 1280x1024x24" "$app" "$@"
  else
    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$app" "$@"
  fi
}

if [ "$mode" = xvfb ] && ! command -v xvfb-run >/dev/null 2>&1; then
  echo "xvfb-run not installed: skipped"; exit 77
fi

# Hotkeys at given frames: F5 saves slot 0, F7 loads it, F12 takes a screenshot.
cat > "$work/keys.txt" <<KEYS
20 F5
40 F7
45 F12
50 3
51 F5
KEYS
run_app --frames 60 --replay-keys "$work/keys.txt" > "$work/out.txt" 2>&1 || { cat "$work/out.txt"; fail "app exited non-zero"; }
cat "$work/out.txt"
[ -s "$work/data/mdemu/demo.state0" ] || fail "state slot 0 not written"
[ -s "$work/data/mdemu/demo.state3" ] || fail "state slot 3 not written"
grep -q "State 0 loaded" "$work/out.txt" || fail "state 0 not loaded"
shot=$(ls "$work/data/mdemu/screenshots/"*.png 2>/dev/null | head -n 1)
[ -n "$shot" ] || fail "no screenshot"
head -c 8 "$shot" | od -An -tx1 | grep -q "89 50 4e 47" || fail "screenshot is not a PNG"
ls "$work/data/mdemu/" | grep -q '\.tmp' && fail "temporary file left behind"

[ "$mode" = xvfb ] && { echo "PASS (xvfb)"; exit 0; }

# --help lists every option.
"$app" --help > "$work/help.txt" || fail "--help failed"
for opt in --scale --aspect --fullscreen --no-vsync --rate --region --tmss --ym3438 --fps --frames --replay-keys --config; do
  grep -q -- "$opt" "$work/help.txt" || fail "--help does not list $opt"
done
# Errors: one line, exit 2, no crash.
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$app" --frames 1 "$work/missing.bin" > /dev/null 2> "$work/err.txt"
[ $? -eq 2 ] || fail "missing ROM should exit 2"
[ "$(wc -l < "$work/err.txt")" -eq 1 ] || { cat "$work/err.txt"; fail "missing ROM should print one line"; }
"$app" --bogus > /dev/null 2> "$work/err.txt"
[ $? -eq 2 ] || fail "unknown option should exit 2"
head -c 100 /dev/urandom > "$work/junk.bin"
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$app" --frames 1 "$work/junk.bin" > /dev/null 2> "$work/err.txt"
[ $? -eq 2 ] || fail "junk ROM should exit 2"
# A bad config file is reported, not ignored.
mkdir -p "$work/config/mdemu"
printf '[video]\nscale = banana\n' > "$work/config/mdemu/mdemu.ini"
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$app" --frames 1 > /dev/null 2> "$work/err.txt"
[ $? -eq 2 ] || fail "bad config should exit 2"
grep -q "scale" "$work/err.txt" || fail "bad config message should name the setting"
echo "PASS"
