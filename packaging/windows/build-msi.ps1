# Builds ReproLab-<version>.msi on Windows x64. UNTESTED: written on Linux, where jpackage cannot
# make an .msi; it mirrors packaging/build.sh, which is tested. See docs/installing.md.
# Needs: JDK 17+ with jpackage and jmods (e.g. Temurin 17) in JAVA_HOME, Maven, WiX Toolset 3.x on
# PATH (candle.exe, light.exe; jpackage of JDK 17 needs WiX 3, not 4+).
# Run from a PowerShell prompt in the repository:  powershell -ExecutionPolicy Bypass -File packaging\windows\build-msi.ps1
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')
$root = (Get-Location).Path
$jdk = $env:JAVA_HOME
foreach ($t in 'jlink', 'jpackage', 'jdeps') {
  if (-not (Test-Path "$jdk\bin\$t.exe")) { throw "JAVA_HOME ($jdk) has no $t.exe" }
}
$version = ([xml](Get-Content pom.xml)).project.version
$numVersion = $version.Split('-')[0]
$work = "$root\target\packaging"; $out = "$root\target\installer"
Remove-Item -Recurse -Force $work, $out -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$work\deps", "$work\input", "$work\fx", $out | Out-Null

# 1. Jar and dependencies with the Windows natives: ND4J, OpenBLAS and JavaCPP for windows-x86_64,
#    JavaFX for win. The pom names linux classifiers, so they are overridden here.
mvn -q -B -DskipTests "-Dnd4j.classifier=windows-x86_64" "-Djavafx.platform=win" package
mvn -q -B dependency:copy-dependencies -DincludeScope=runtime "-DoutputDirectory=$work\deps" `
  "-Dnd4j.classifier=windows-x86_64" "-Djavafx.platform=win"
foreach ($a in @('org.nd4j:nd4j-native:1.0.0-M2.1:jar:windows-x86_64',
                 'org.bytedeco:openblas:0.3.19-1.5.7:jar:windows-x86_64',
                 'org.bytedeco:javacpp:1.5.7:jar:windows-x86_64',
                 'org.openjfx:javafx-base:21.0.11:jar:win', 'org.openjfx:javafx-graphics:21.0.11:jar:win',
                 'org.openjfx:javafx-controls:21.0.11:jar:win', 'org.openjfx:javafx-swing:21.0.11:jar:win')) {
  mvn -q -B dependency:copy "-Dartifact=$a" "-DoutputDirectory=$work\deps"
}
Copy-Item "target\reprolab-$version.jar" "$work\input\"
Get-ChildItem "$work\deps\*.jar" | ForEach-Object {
  $n = $_.Name
  if ($n -like 'javafx-*-win.jar') { Copy-Item $_.FullName "$work\fx\" }
  elseif ($n -like 'javafx-*') { }
  elseif ($n -match '-(linux|macosx|android|ios)-') { }      # natives for other systems
  else { Copy-Item $_.FullName "$work\input\" }
}
Copy-Item -Recurse sample-data "$work\input\sample-data"

# 2. Runtime: the same module list as on Linux (jdeps there; the Java code is the same).
$modules = 'java.base,java.compiler,java.desktop,java.rmi,java.sql,jdk.management,jdk.unsupported,jdk.zipfs,javafx.controls,javafx.swing'
& "$jdk\bin\jlink" --module-path "$jdk\jmods;$work\fx" --add-modules $modules `
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$work\runtime"

# 3. The .msi: Start-menu entry and desktop shortcut; --win-console is off so a double-click shows
#    no console window. For the command line, a second launcher, reprolab-cli.exe, keeps a console.
Set-Content "$work\cli.properties" "win-console=true`n"
& "$jdk\bin\jpackage" --type msi --dest $out --name ReproLab --app-version $numVersion `
  --vendor ReproLab --description 'Why are seeded deep-learning runs not reproducible?' `
  --input "$work\input" --main-jar "reprolab-$version.jar" --main-class reprolab.cli.Main `
  --runtime-image "$work\runtime" --icon "$root\assets\icons\reprolab.ico" `
  --java-options '-Dreprolab.home=$APPDIR' --java-options '-Dfile.encoding=UTF-8' `
  --add-launcher "reprolab-cli=$work\cli.properties" `
  --win-menu --win-menu-group ReproLab --win-shortcut --win-dir-chooser `
  --win-upgrade-uuid 6f1d8c52-3f0b-4a55-9b8e-5b2a7c1e0a71
Get-ChildItem $out
