#!/usr/bin/env bash
# Regenerates the committed icons from assets/icons/reprolab.svg: PNGs at the sizes Linux (hicolor
# theme, jpackage --icon), Windows (.ico frames) and macOS (.iconset -> .icns, built on a Mac by
# packaging/macos/build-dmg.sh) want, and reprolab.ico. Needs rsvg-convert (librsvg2-bin) and
# ImageMagick; run it only after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")/../assets/icons"
for s in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$s" -h "$s" reprolab.svg -o "reprolab-$s.png"
done
# Windows: one .ico holding the sizes Explorer and the taskbar pick from.
/usr/bin/convert reprolab-16.png reprolab-24.png reprolab-32.png reprolab-48.png reprolab-64.png \
  reprolab-128.png reprolab-256.png reprolab.ico
echo "icons written to $(pwd)"
