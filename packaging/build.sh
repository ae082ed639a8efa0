#!/usr/bin/env bash
# Builds ReproLab's Linux installers in one go:
#   jar + runtime dependencies -> jlink runtime (only the modules jdeps finds, plus JavaFX from the
#   -linux jars) -> jpackage app-image -> target/installer/reprolab-<version>-linux-x86_64.tar.gz
#   and target/installer/reprolab_<version>_amd64.deb
#
# Usage: packaging/build.sh [--no-deb] [--no-tar]
# Env:   JAVA_HOME  a JDK 17+ with jlink, jpackage and jmods (default: Debian's openjdk-17)
#        MVN_FLAGS  extra Maven flags, e.g. "-o" to build offline
# Needs: Maven; for the .deb also fakeroot and dpkg-dev (dpkg-deb, dpkg-shlibdeps).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

make_deb=1; make_tar=1
for arg in "$@"; do
  case "$arg" in
    --no-deb) make_deb=0 ;;
    --no-tar) make_tar=0 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/jpackage" ]; then
  JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
for tool in jlink jpackage jdeps; do
  [ -x "$JAVA_HOME/bin/$tool" ] || { echo "build.sh: $JAVA_HOME has no $tool; set JAVA_HOME to a full JDK 17+" >&2; exit 2; }
done
[ -d "$JAVA_HOME/jmods" ] || { echo "build.sh: $JAVA_HOME/jmods is missing (Debian: apt-get install openjdk-17-jdk-headless)" >&2; exit 2; }
export JAVA_HOME

# The first <version> in the pom is the project's own (modelVersion is another element).
VERSION="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
[ -n "$VERSION" ] || { echo "build.sh: no project version in pom.xml" >&2; exit 2; }
# jpackage wants a numeric version for .deb/.msi/.dmg: "0.2.0-SNAPSHOT" becomes "0.2.0".
NUM_VERSION="${VERSION%%-*}"

WORK="$ROOT/target/packaging"
OUT="$ROOT/target/installer"
rm -rf "$WORK" "$OUT"
mkdir -p "$WORK/deps" "$WORK/input" "$WORK/fx" "$OUT"
start=$SECONDS

echo "== 1/4 jar and dependencies (version $VERSION)"
# shellcheck disable=SC2086  # MVN_FLAGS is a list of flags
mvn -q -B ${MVN_FLAGS:-} -DskipTests package dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$WORK/deps"
cp "target/reprolab-$VERSION.jar" "$WORK/input/"

# JavaFX goes into the runtime as modules (no "unsupported configuration" warning, loaded from the
# image); the empty classifier-less javafx jars are only Maven's way to pick the -linux ones.
# Natives for other operating systems and CPUs are dropped: ND4J loads only linux-x86_64.
for jar in "$WORK"/deps/*.jar; do
  name="$(basename "$jar")"
  case "$name" in
    javafx-*-linux.jar) cp "$jar" "$WORK/fx/" ;;
    javafx-*) ;;
    *-windows-*|*-macosx-*|*-android-*|*-ios-*|*-linux-arm*|*-linux-ppc64le*|*-linux-x86.jar) ;;
    *) cp "$jar" "$WORK/input/" ;;
  esac
done
# The shipped MNIST digits and example experiments; the launcher points reprolab.home here.
mkdir -p "$WORK/input/sample-data"
cp -r sample-data/. "$WORK/input/sample-data/"
# The PyTorch engine's worker package (standard library + torch + numpy, run by the user's own Python):
# PythonWorker.sourceDir finds it in <home>/python when there is no source checkout.
mkdir -p "$WORK/input/python"
cp -r src/main/python/reprolab_worker "$WORK/input/python/"
find "$WORK/input/python" -name __pycache__ -prune -exec rm -rf {} +

echo "== 2/4 jlink runtime"
# Modules the app and its libraries use, as jdeps sees them. DL4J's jars carry broken module
# descriptors that jdeps refuses, so it reads their classes unpacked (no natives, no META-INF);
# JavaFX types are "missing" to jdeps and are added by name below.
mkdir -p "$WORK/classes"
for jar in "$WORK"/input/*.jar; do
  unzip -q -o "$jar" '*.class' -x 'META-INF/*' '*module-info.class' -d "$WORK/classes" >/dev/null 2>&1 || true
done
MODULES="$("$JAVA_HOME/bin/jdeps" -q --ignore-missing-deps --print-module-deps "$WORK/classes" | tail -1)"
rm -rf "$WORK/classes"
# jdeps cannot see: jdk.unsupported (JavaCPP's Unsafe via reflection), jdk.management
# (com.sun.management memory figures in WorkerMemory), jdk.zipfs (jar file systems).
MODULES="$(printf '%s' "$MODULES,jdk.unsupported,jdk.management,jdk.zipfs,javafx.controls,javafx.swing" \
  | tr ',' '\n' | awk 'NF && !seen[$0]++' | paste -sd, -)"
echo "modules: $MODULES"
"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods:$WORK/fx" --add-modules "$MODULES" \
  --strip-debug --no-header-files --no-man-pages --compress=2 ${JLINK_CDS---generate-cds-archive} \
  --output "$WORK/runtime"
# bin/java stays in the runtime: every experiment run starts its worker JVM with it.
# --generate-cds-archive (+22 MB) gives the runtime the JDK's base class-data-sharing archive, which
# the workers' own archive extends (run.WorkerClassArchive: ~0.5 s less per worker start,
# docs/installing.md); JLINK_CDS= (empty) builds without it. Its twin for heaps over 32 GB
# (classes_nocoops.jsa, 11 MB) goes: workers stay far below (WorkerMemory.MAX_PER_RUN), and only an
# app window on a machine with over 128 GB of memory would have used it.
rm -f "$WORK/runtime/lib/server/classes_nocoops.jsa"

echo "== 3/4 jpackage app-image"
COMMON=(
  --name ReproLab
  --app-version "$NUM_VERSION"
  --vendor "ReproLab"
  --description "Why are seeded deep-learning runs not reproducible? Train, repeat, compare."
  --copyright "ReproLab contributors"
)
LAUNCH=(
  --input "$WORK/input"
  --main-jar "reprolab-$VERSION.jar"
  --main-class reprolab.cli.Main
  --runtime-image "$WORK/runtime"
  --icon "$ROOT/assets/icons/reprolab-256.png"
  # $APPDIR is the launcher's lib/app folder, where --input (and so sample-data/) lands.
  --java-options '-Dreprolab.home=$APPDIR'
  --java-options '-Dfile.encoding=UTF-8'
  # the window's classes, archived by the .deb's postinst (see below); absent, the JVM starts as before
  --java-options '-XX:SharedArchiveFile=$APPDIR/app.jsa'
)
"$JAVA_HOME/bin/jpackage" --type app-image --dest "$WORK/image" "${COMMON[@]}" "${LAUNCH[@]}"

# The classes the app loads until its window shows, by name (lib/app/app.classlist): the .deb's
# postinst dumps them into lib/app/app.jsa on the machine it installs to (an app archive must name
# the jars by the paths they have at run time; JDK 17 cannot move one), and the window then opens
# ~0.25 s sooner, of ~2.2 s (docs/installing.md). Taken from the built app itself in its screenshot
# mode (it exits once the window has drawn), under Xvfb; without Xvfb the package has no list and
# the app starts as before.
if command -v Xvfb >/dev/null; then
  echo "== 3b/4 class list of the window's start-up"
  list="$WORK/image/ReproLab/lib/app/app.classlist"
  . "$ROOT/packaging/xvfb.sh"
  if start_xvfb 300 1280x800x24 /dev/null; then
    DISPLAY="$XVFB_DISPLAY" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list -Dreprolab.screenshot=$WORK/classlist.png" \
      timeout 180 "$WORK/image/ReproLab/bin/ReproLab" >/dev/null 2>&1 || true
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
  fi
  if [ -s "$list" ] && grep -q '^reprolab/gui/MainWindow$' "$list"; then
    echo "classes: $(wc -l < "$list")"
  else
    echo "build.sh: no class list (the window did not open under Xvfb); the app starts without its archive" >&2
    rm -f "$list"
  fi
else
  echo "build.sh: no Xvfb, so no class list: the installed app starts without its class archive" >&2
fi

if [ "$make_tar" = 1 ]; then
  tarball="$OUT/reprolab-$VERSION-linux-x86_64.tar.gz"
  tar -C "$WORK/image" -czf "$tarball" ReproLab
  echo "app-image: $tarball ($(du -h "$tarball" | cut -f1))"
fi

if [ "$make_deb" = 1 ]; then
  echo "== 4/4 jpackage .deb"
  for tool in fakeroot dpkg-deb; do
    command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing (apt-get install fakeroot dpkg-dev)" >&2; exit 2; }
  done
  # jpackage adds the packages that own the libraries the runtime's ELF files link (libc, X11, ...);
  # these are the ones it cannot see because they are loaded from inside jars (see docs/installing.md),
  # and OpenBLAS for Debian's python3-torch (the PyTorch engine; without it torch uses the reference BLAS).
  # The payload is mostly jars, already deflated: xz (dpkg's default) is slow on ~200 MB and
  # saves little (figures in docs/installing.md); gzip is fast and every dpkg reads it.
  DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}" \
  "$JAVA_HOME/bin/jpackage" --type deb --dest "$OUT" "${COMMON[@]}" \
    --app-image "$WORK/image/ReproLab" \
    --resource-dir "$ROOT/packaging/linux" \
    --linux-package-name reprolab \
    --linux-deb-maintainer "ReproLab maintainers <maintainers@reprolab.invalid>" \
    --linux-menu-group "Education;Science;" \
    --linux-app-category science \
    --linux-shortcut --icon "$ROOT/assets/icons/reprolab-256.png" \
    --linux-package-deps "libgtk-3-0, libgl1, fontconfig, libopenblas0-pthread" \
    --install-dir /opt
  deb="$(ls "$OUT"/reprolab_*.deb)"
  echo "deb: $deb ($(du -h "$deb" | cut -f1))"
  dpkg-deb -f "$deb" Package Version Depends Installed-Size
fi
echo "built in $((SECONDS - start)) s"
