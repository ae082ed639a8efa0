#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png: the app, in a real window under Xvfb at 1440x900, draws itself
# as it first opens, then after a real run of packaging/screenshots.json (tiny model, 3 repeats, the
# dropout seed off) on the Curves, Divergence and History tabs, then while and after an ablation of
# the four seeds (2 runs per group). Takes a few minutes; needs Xvfb (apt-get install xvfb xauth
# libgtk-3-0). Usage: packaging/screenshots.sh [OUT_DIR]   (default docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-docs/screenshots}")"
command -v Xvfb >/dev/null || { echo "screenshots: Xvfb is needed (apt-get install xvfb xauth libgtk-3-0)" >&2; exit 2; }
work="$(mktemp -d)"
. packaging/xvfb.sh
start_xvfb 191 1440x900x24 "$work/xvfb.log" || { echo "screenshots: no free X display" >&2; exit 2; }
display="$XVFB_DISPLAY"
trap 'kill "$XVFB_PID" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$out"
# a fresh experiment store, so the History tab shows only this run and nothing of the user's
# the tour is a tool in the test sources (reprolab.gui.ScreenshotTour), not part of the app: build both
./reprolab --version >/dev/null   # builds the app and target/classpath.txt when the sources changed
mvn -o -q -B test-compile 2>/dev/null || mvn -q -B test-compile
DISPLAY="$display" java -Xmx1g -Dprism.order=sw -Dglass.platform=gtk -Djdk.gtk.version=3 -Dreprolab.home="$PWD" \
  -Dreprolab.data="$work/experiments" -Dreprolab.tour="$out" -Dreprolab.tour.spec=packaging/screenshots.json \
  -cp "target/classes:target/test-classes:$(cat target/classpath.txt)" reprolab.gui.ScreenshotTour
ls -l "$out"/*.png
