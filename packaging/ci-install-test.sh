#!/usr/bin/env bash
# End-to-end test of the Linux installer, as a user meets it:
#   build the .deb (packaging/build.sh) -> apt-get install it -> run a tiny experiment through the
#   installed `reprolab` command and check the report says the runs are identical -> the same with the
#   PyTorch engine (the worker package ships in the .deb; torch is the user's own) -> open the window
#   under Xvfb and screenshot it (target/screenshots/installed.png) -> apt-get remove it.
# Exits non-zero on any failure. Needs root (apt-get) and network or a local mirror for the .deb's
# Depends. Usage: packaging/ci-install-test.sh [--skip-build]   (--skip-build reuses target/installer)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
export DEBIAN_FRONTEND=noninteractive

skip_build=0
[ "${1:-}" = "--skip-build" ] && skip_build=1

fail() { echo "ci-install-test: FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

# What the build and the test itself need (not the app: its Depends come with apt-get install).
tools=(openjdk-17-jdk-headless fakeroot dpkg-dev xvfb xauth x11-utils imagemagick python3-torch python3-numpy)
missing=()
for p in "${tools[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "$skip_build" = 0 ]; then
  step "build the .deb"
  packaging/build.sh --no-tar
fi
deb="$(ls "$ROOT"/target/installer/reprolab_*_amd64.deb 2>/dev/null | head -1)"
[ -n "$deb" ] || fail "no .deb in target/installer"

installed() { [ "$(dpkg-query -W -f='${Status}' reprolab 2>/dev/null)" = "install ok installed" ]; }
cleanup() {
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
  [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
  if installed; then apt-get remove --purge -y -qq reprolab >/dev/null || true; fi
}
trap cleanup EXIT

step "install $(basename "$deb")"
if installed; then apt-get remove --purge -y -qq reprolab; fi
apt-get install -y -qq "$deb"
command -v reprolab >/dev/null || fail "no reprolab command on PATH after install"
[ -f /opt/reprolab/lib/app/sample-data/experiments/tiny.json ] || fail "sample-data not installed"
[ -f /opt/reprolab/lib/app/python/reprolab_worker/__main__.py ] || fail "the PyTorch worker package is not installed"
desktop="$(ls /usr/share/applications/*reprolab*.desktop 2>/dev/null | head -1)"
[ -n "$desktop" ] || fail "no desktop entry installed"
grep -q '^Categories=Education;Science;' "$desktop" || fail "desktop entry lacks Education;Science;"

step "tiny experiment through the installed launcher, on DL4J and on PyTorch"
work="$(mktemp -d)"
# A clean HOME and a PATH with nothing but `reprolab` on it: the installed app, and the worker JVMs
# each run starts, must need no java (or anything else) from the build machine. The PyTorch run finds
# /usr/bin/python3 (Debian's python3-torch) on its own.
mkdir -p "$work/bin" && ln -s "$(readlink -f "$(command -v reprolab)")" "$work/bin/reprolab"
# tiny twice through the installed launcher (extra arguments go to `reprolab run`); the report must say identical
run_tiny_twice() {
  local name="$1"; shift
  local report="$work/report-$name.json" err="$work/run-$name.err"
  # XDG_CACHE_HOME too: Java takes user.home from the password database, not from $HOME
  (cd "$work" && /usr/bin/env -u JAVA_HOME -u REPROLAB_PYTHON HOME="$work/home" XDG_CACHE_HOME="$work/home/.cache" \
     PATH="$work/bin" \
     reprolab run /opt/reprolab/lib/app/sample-data/experiments/tiny.json --repeats 2 --json \
     --out "$work/experiments" "$@" >"$report" 2>"$err") || { cat "$err" >&2; fail "reprolab run ($name) failed"; }
  grep -q '"verdict" : "All 2 runs are bitwise identical."' "$report" \
    || { cat "$report" "$err" >&2; fail "the $name report does not say the 2 runs are identical"; }
  echo "$name report: $(grep '"verdict"' "$report" | head -1)"
}
# postinst archived the window's classes (lib/app/app.jsa) and the launcher maps them from it
[ -f /opt/reprolab/lib/app/app.jsa ] || fail "postinst made no class archive for the window (lib/app/app.jsa)"
JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$work/launcher-classes.txt" reprolab --version >/dev/null 2>&1 \
  || fail "reprolab --version failed"
grep -q '^.*reprolab\.cli\.Main source: shared objects file' "$work/launcher-classes.txt" \
  || { grep -m3 'reprolab' "$work/launcher-classes.txt" >&2; fail "the launcher does not load its classes from lib/app/app.jsa"; }
echo "launcher: $(grep -c 'source: shared objects file' "$work/launcher-classes.txt") classes from lib/app/app.jsa"
run_tiny_twice dl4j
# the first worker wrote the class archive the next ones start from (run.WorkerClassArchive); the
# installed runtime must have the base archive it extends
[ -f /opt/reprolab/lib/runtime/lib/server/classes.jsa ] || fail "the installed runtime has no base class archive"
ls "$work"/home/.cache/reprolab/class-archives/worker-*.jsa >/dev/null 2>&1 \
  || fail "no worker class archive in ~/.cache/reprolab/class-archives after the first runs"
echo "class archive: $(ls "$work"/home/.cache/reprolab/class-archives/)"
run_tiny_twice pytorch --set execution.engine=pytorch

step "open the window under Xvfb"
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xwininfo -display "$display" -root >/dev/null 2>&1 && break; sleep 0.1; done
t0=$(date +%s%N)
DISPLAY="$display" HOME="$work/home" reprolab >"$work/app.log" 2>&1 &
app_pid=$!
shown=0
for _ in $(seq 1200); do   # up to 120 s on a loaded CI machine
  if xwininfo -display "$display" -root -tree 2>/dev/null | grep -q '"ReproLab'; then shown=1; break; fi
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; fail "the app exited before showing a window"; }
  sleep 0.1
done
[ "$shown" = 1 ] || { cat "$work/app.log" >&2; fail "no ReproLab window within 120 s"; }
echo "window after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
sleep 3   # let the first frame paint
mkdir -p "$ROOT/target/screenshots"
import -display "$display" -window root "$ROOT/target/screenshots/installed.png"
[ -s "$ROOT/target/screenshots/installed.png" ] || fail "no screenshot"
echo "screenshot: target/screenshots/installed.png"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true; xvfb_pid=

step "remove the package"
apt-get remove --purge -y -qq reprolab
! installed || fail "reprolab still installed"
[ ! -e /usr/bin/reprolab ] || fail "/usr/bin/reprolab left behind"
[ ! -d /opt/reprolab/lib ] || fail "/opt/reprolab left behind"
[ ! -e /usr/share/applications/reprolab-ReproLab.desktop ] || fail "desktop entry left behind"
rm -rf "$work"
echo "ci-install-test: OK"
