# Sourced by the packaging scripts that draw the app on a virtual screen (build.sh, screenshots.sh).
# start_xvfb FIRST GEOMETRY LOG: starts Xvfb on the first free display from :FIRST (100 tried) at
# GEOMETRY (e.g. 1440x900x24), logging to LOG, and waits for its socket. Sets XVFB_DISPLAY and
# XVFB_PID; returns 1 when no display is free.
start_xvfb() {
  XVFB_DISPLAY=""
  for n in $(seq "$1" $(($1 + 99))); do
    [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { XVFB_DISPLAY=":$n"; break; }
  done
  [ -n "$XVFB_DISPLAY" ] || return 1
  Xvfb "$XVFB_DISPLAY" -screen 0 "$2" -nolisten tcp >"$3" 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${XVFB_DISPLAY#:}" ] && break; sleep 0.1; done
}
