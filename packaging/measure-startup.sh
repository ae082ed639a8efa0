#!/usr/bin/env bash
# Time from launch to window of ReproLab under Xvfb, N times (first one with an empty HOME, so
# JavaFX's one-time native-library unpacking is counted once). Needs Xvfb and x11-utils.
# Usage: packaging/measure-startup.sh [launcher] [N]   (default /opt/reprolab/bin/ReproLab, 3)
set -euo pipefail
launcher="${1:-/opt/reprolab/bin/ReproLab}"; n="${2:-3}"
home="$(mktemp -d)"; display=":$((200 + RANDOM % 100))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$home"' EXIT
for _ in $(seq 50); do xwininfo -display "$display" -root >/dev/null 2>&1 && break; sleep 0.1; done
for i in $(seq "$n"); do
  t0=$(date +%s%N)
  DISPLAY="$display" HOME="$home" "$launcher" >/dev/null 2>&1 & app=$!
  until xwininfo -display "$display" -root -tree 2>/dev/null | grep -q '"ReproLab'; do
    kill -0 "$app" 2>/dev/null || { echo "launch $i: app exited" >&2; exit 1; }; sleep 0.05
  done
  echo "launch $i: window after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
  kill "$app"; wait "$app" 2>/dev/null || true
done
