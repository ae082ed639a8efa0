#!/usr/bin/env bash
# Builds ReproLab-<version>.dmg on macOS (Intel or Apple silicon). UNTESTED: written on Linux, where
# jpackage cannot make a .dmg; it mirrors packaging/build.sh, which is tested. See docs/installing.md.
# Needs: JDK 17+ with jpackage and jmods for the Mac's own CPU (JAVA_HOME), Maven, Xcode command line
# tools (iconutil, hdiutil). Builds for the machine's architecture: run it on each to get both .dmgs.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$(pwd)"
: "${JAVA_HOME:=$(/usr/libexec/java_home -v 17+)}"
case "$(uname -m)" in
  arm64) ND4J=macosx-arm64; FX=mac-aarch64 ;;
  *)     ND4J=macosx-x86_64; FX=mac ;;
esac
VERSION="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
NUM_VERSION="${VERSION%%-*}"
WORK="$ROOT/target/packaging"; OUT="$ROOT/target/installer"
rm -rf "$WORK" "$OUT"; mkdir -p "$WORK/deps" "$WORK/input" "$WORK/fx" "$OUT"

# 1. Jar and dependencies with this Mac's natives (the pom names linux classifiers).
mvn -q -B -DskipTests package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$WORK/deps"
for a in "org.nd4j:nd4j-native:1.0.0-M2.1:jar:$ND4J" "org.bytedeco:openblas:0.3.19-1.5.7:jar:$ND4J" \
         "org.bytedeco:javacpp:1.5.7:jar:$ND4J" "org.openjfx:javafx-base:21.0.11:jar:$FX" \
         "org.openjfx:javafx-graphics:21.0.11:jar:$FX" "org.openjfx:javafx-controls:21.0.11:jar:$FX" \
         "org.openjfx:javafx-swing:21.0.11:jar:$FX"; do
  mvn -q -B dependency:copy -Dartifact="$a" -DoutputDirectory="$WORK/deps"
done
cp "target/reprolab-$VERSION.jar" "$WORK/input/"
for jar in "$WORK"/deps/*.jar; do
  name="$(basename "$jar")"
  case "$name" in
    javafx-*-"$FX".jar) cp "$jar" "$WORK/fx/" ;;
    javafx-*) ;;
    *-linux-*|*-windows-*|*-android-*|*-ios-*) ;;
    *-macosx-*) [[ "$name" == *"-$ND4J"* ]] && cp "$jar" "$WORK/input/" ;;
    *) cp "$jar" "$WORK/input/" ;;
  esac
done
cp -R sample-data "$WORK/input/sample-data"

# 2. The icon: macOS wants an .icns built from an .iconset of the committed PNGs.
ICONSET="$WORK/ReproLab.iconset"; mkdir -p "$ICONSET"
for s in 16 32 128 256 512; do
  cp "assets/icons/reprolab-$s.png" "$ICONSET/icon_${s}x${s}.png"
  cp "assets/icons/reprolab-$((s * 2)).png" "$ICONSET/icon_${s}x${s}@2x.png" 2>/dev/null \
    || sips -z $((s * 2)) $((s * 2)) "assets/icons/reprolab-512.png" --out "$ICONSET/icon_${s}x${s}@2x.png" >/dev/null
done
iconutil -c icns "$ICONSET" -o "$WORK/ReproLab.icns"

# 3. Runtime (module list as found by jdeps on Linux) and the .dmg.
MODULES=java.base,java.compiler,java.desktop,java.rmi,java.sql,jdk.management,jdk.unsupported,jdk.zipfs,javafx.controls,javafx.swing
"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods:$WORK/fx" --add-modules "$MODULES" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$WORK/runtime"
"$JAVA_HOME/bin/jpackage" --type dmg --dest "$OUT" --name ReproLab --app-version "$NUM_VERSION" \
  --vendor ReproLab --description "Why are seeded deep-learning runs not reproducible?" \
  --input "$WORK/input" --main-jar "reprolab-$VERSION.jar" --main-class reprolab.cli.Main \
  --runtime-image "$WORK/runtime" --icon "$WORK/ReproLab.icns" \
  --java-options '-Dreprolab.home=$APPDIR' --java-options '-Dfile.encoding=UTF-8' \
  --mac-package-identifier org.reprolab.ReproLab --mac-app-category public.app-category.education
ls -l "$OUT"
# Unsigned: Gatekeeper asks on first open (right-click > Open). To sign and notarise, add
# --mac-sign --mac-signing-key-user-name "Developer ID Application: ..." and run xcrun notarytool.
