#!/usr/bin/env bash
# Checks the RCP product's archive of each desktop (releng/dev.bgtransfer.product/target/products), built
# here but started only on Linux x86_64: each archive is unpacked and must hold its desktop's SWT fragment
# and no other desktop's, its start script (executable where that matters), a configuration that installs
# that SWT fragment, and the application's bundles. Each check is then run on a copy with its thing taken
# away, and must fail there. Usage: archive-checks.sh TARGET_DIR [PRODUCTS_DIR]. Ends with
# "N passed, N failed"; exits 1 on any failure.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
target=${1:-$repo/tests/dev.bgtransfer.app.tests/target}
products=${2:-$repo/releng/dev.bgtransfer.product/target/products}
work=$target/archives
rm -rf "$work" && mkdir -p "$work"
passed=0 failed=0

check() { # NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok    $name"; else failed=$((failed + 1)); echo "FAIL  $name"; fi
}
fails() { ! "$@" 2> /dev/null; }

# the desktops: os.ws.arch, the archive's format, where the product lies inside it, the start script
desktops=(
  "win32.win32.x86_64 zip . bgtransfer.cmd"
  "macosx.cocoa.aarch64 tar.gz bgtransfer.app/Contents/Eclipse bgtransfer"
  "macosx.cocoa.x86_64 tar.gz bgtransfer.app/Contents/Eclipse bgtransfer"
  "linux.gtk.aarch64 tar.gz . bgtransfer"
  "linux.gtk.x86_64 tar.gz . bgtransfer"
)
# the bundles of the application that every desktop's product holds and installs
app_bundles=(dev.bgtransfer.app dev.bgtransfer.ui dev.bgtransfer.core dev.bgtransfer.persistence
  dev.bgtransfer.remote dev.bgtransfer.cli dev.bgtransfer.samples)

swt_of() { # OS.WS.ARCH: the symbolic name of its SWT fragment (org.eclipse.swt.WS.OS.ARCH)
  local os ws arch
  IFS=. read -r os ws arch <<< "$1"
  echo "org.eclipse.swt.$ws.$os.$arch"
}
swt_fragments_in() { # PRODUCT: symbolic names of the SWT fragments in plugins/
  ls "$1/plugins" | sed -n 's/^\(org\.eclipse\.swt\.\(gtk\|win32\|cocoa\)\..*\)_[0-9][^_]*\.jar$/\1/p'
}
installed() { # PRODUCT: symbolic names its configuration installs (simpleconfigurator's bundles.info)
  local config=$1/configuration/config.ini url
  url=$(sed -n 's/^org\.eclipse\.equinox\.simpleconfigurator\.configUrl=file\\:\(.*\)/\1/p' "$config")
  [[ -n $url ]] && grep -v '^#' "$1/configuration/$url" | cut -d, -f1
}

# --- the checks, each on an unpacked PRODUCT folder of the desktop OS.WS.ARCH
has_swt() { # PRODUCT OS.WS.ARCH
  local jars=("$1/plugins/$(swt_of "$2")"_*.jar)
  [[ -f ${jars[0]} ]] && unzip -p "${jars[0]}" META-INF/MANIFEST.MF | grep "^Fragment-Host: org.eclipse.swt" > /dev/null
}
no_other_swt() { # PRODUCT OS.WS.ARCH
  local fragments; fragments=$(swt_fragments_in "$1")
  [[ $fragments == "$(swt_of "$2")" ]]
}
has_start_script() { # PRODUCT OS.WS.ARCH SCRIPT
  local script=$1/$3
  [[ -f $script ]] || return 1
  if [[ $3 == *.cmd ]]; then
    # cmd.exe wants CRLF; it finds the launcher jar of plugins/; no POSIX script beside it
    grep -q $'\r$' "$script" && grep -q 'org.eclipse.equinox.launcher_\*.jar' "$script" && [[ ! -e $1/bgtransfer ]]
  else
    [[ -x $script ]] && head -1 "$script" | grep -qx '#!/bin/sh' && [[ ! -e $1/bgtransfer.cmd ]] || return 1
    # SWT on macOS needs the first thread
    if [[ $2 == macosx.* ]]; then grep -q -- '-XstartOnFirstThread' "$script"; fi
  fi
}
installs_swt() { # PRODUCT OS.WS.ARCH: config.ini's osgi.bundles starts simpleconfigurator, whose list holds this SWT only
  local config=$1/configuration/config.ini bundles
  grep -q '^osgi\.bundles=reference\\:file\\:org\.eclipse\.equinox\.simpleconfigurator_.*@1\\:start' "$config" || return 1
  bundles=$(installed "$1") || return 1
  grep -qx "$(swt_of "$2")" <<< "$bundles" && [[ $(grep -c '^org\.eclipse\.swt\.\(gtk\|win32\|cocoa\)\.' <<< "$bundles") -eq 1 ]]
}
has_app() { # PRODUCT: the application's bundles in plugins/ and installed; config.ini names its application
  local bundles bundle jars
  bundles=$(installed "$1") || return 1
  grep -qx 'eclipse.application=dev.bgtransfer.app.workbench' "$1/configuration/config.ini" || return 1
  for bundle in "${app_bundles[@]}"; do
    jars=("$1/plugins/${bundle}"_*.jar)
    [[ -f ${jars[0]} ]] && grep -qx "$bundle" <<< "$bundles" || return 1
  done
}

# --- a copy of PRODUCT with one thing taken away (hard links: a file changed here is replaced, not written)
mutant() { # PRODUCT NAME: prints the copy's folder
  local copy=$work/mutants/$2
  rm -rf "$copy" && mkdir -p "${copy%/*}" && cp -al "$1" "$copy" && echo "$copy"
}
replace() { # FILE: breaks FILE's hard link so that it can be changed alone
  cp "$1" "$1.new" && mv -f "$1.new" "$1"
}

for desktop in "${desktops[@]}"; do
  read -r platform format inside script <<< "$desktop"
  archives=("$products"/*-"$platform".*)
  check "$platform: one archive, a .$format" test ${#archives[@]} -eq 1 -a -f "$products/dev.bgtransfer.product-$platform.$format"
  archive=$products/dev.bgtransfer.product-$platform.$format
  [[ -f $archive ]] || continue
  unpacked=$work/$platform
  mkdir -p "$unpacked"
  if [[ $format == zip ]]; then unzip -q "$archive" -d "$unpacked"; else tar -xzf "$archive" -C "$unpacked"; fi
  product=$unpacked/$inside
  swt=$(swt_of "$platform")
  echo "      ($platform: $(du -h "$archive" | cut -f1) archive, $(ls "$product/plugins" | wc -l) plug-ins)"

  check "$platform: $swt in plugins/" has_swt "$product" "$platform"
  check "$platform: no other desktop's SWT fragment" no_other_swt "$product" "$platform"
  check "$platform: its start script $script" has_start_script "$product" "$platform" "$script"
  check "$platform: config.ini installs $swt (through simpleconfigurator's bundles.info) and no other SWT" \
    installs_swt "$product" "$platform"
  check "$platform: the application's bundles in plugins/, installed, its application named" has_app "$product"

  # each check fails without its thing
  copy=$(mutant "$product" "$platform/no-swt") && rm "$copy/plugins/$swt"_*.jar
  check "$platform: the SWT check fails without the fragment" fails has_swt "$copy" "$platform"
  copy=$(mutant "$product" "$platform/foreign-swt")
  for other in "${desktops[@]}"; do
    [[ ${other%% *} == "$platform" ]] || { cp "$product/plugins/$swt"_*.jar "$copy/plugins/$(swt_of "${other%% *}")_3.135.0.jar"; break; }
  done
  check "$platform: the check for other SWT fragments fails with one" fails no_other_swt "$copy" "$platform"
  copy=$(mutant "$product" "$platform/no-script") && rm "$copy/$script"
  check "$platform: the start script check fails without it" fails has_start_script "$copy" "$platform" "$script"
  if [[ $script != *.cmd ]]; then
    copy=$(mutant "$product" "$platform/script-not-executable") && replace "$copy/$script" && chmod -x "$copy/$script"
    check "$platform: the start script check fails when it is not executable" fails has_start_script "$copy" "$platform" "$script"
  fi
  if [[ $platform == macosx.* ]]; then
    copy=$(mutant "$product" "$platform/script-without-first-thread") && replace "$copy/$script" &&
      sed -i 's/-XstartOnFirstThread//' "$copy/$script"
    check "$platform: the start script check fails without -XstartOnFirstThread" fails has_start_script "$copy" "$platform" "$script"
  fi
  copy=$(mutant "$product" "$platform/swt-not-installed")
  info=$copy/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info
  replace "$info" && sed -i "/^$swt,/d" "$info"
  check "$platform: the configuration check fails when the SWT fragment is not installed" fails installs_swt "$copy" "$platform"
  copy=$(mutant "$product" "$platform/no-app") && rm "$copy/plugins/dev.bgtransfer.app"_*.jar
  check "$platform: the application check fails without dev.bgtransfer.app" fails has_app "$copy"
  rm -rf "$work/mutants"
  [[ $platform == linux.gtk.x86_64 ]] || rm -rf "$unpacked"
done

# --- the one desktop this machine runs: the Linux x86_64 archive, unpacked, started by its own script
# (the workbench starts the daemon of its default state folder itself: its config.ini says so)
linux=$work/linux.gtk.x86_64
if [[ -n ${DISPLAY:-} && -x $linux/bgtransfer ]]; then
  home=$work/home
  mkdir -p "$home"
  HOME=$home XDG_DATA_HOME=$home/data XDG_STATE_HOME=$home/state BGTRANSFER_IDLE_EXIT=30 \
    "$linux/bgtransfer" > "$work/workbench.out" 2>&1 &
  started=$!
  store=$home/data/bgtransfer/workspace/.metadata/.plugins/dev.bgtransfer.persistence
  deadline=$((SECONDS + 90))
  until [[ -f $store/transfers.db ]] || ! kill -0 "$started" 2> /dev/null || ((SECONDS > deadline)); do sleep 0.5; done
  sleep 5 # the window paints, the first views open
  check "linux.gtk.x86_64: the unpacked archive's bgtransfer starts the workbench in the default workspace" \
    bash -c "kill -0 $started && test -f '$store/transfers.db'"
  check "linux.gtk.x86_64: its JVM runs the launcher of the unpacked archive with -Xmx512m" \
    bash -c "tr '\\0' '\\n' < /proc/$started/cmdline | grep -qx -- -Xmx512m &&
      tr '\\0' '\\n' < /proc/$started/cmdline | grep -q '^$linux/plugins/org.eclipse.equinox.launcher_'"
  kill "$started" 2> /dev/null; wait "$started" 2> /dev/null
  check "linux.gtk.x86_64: its log has no errors" \
    bash -c "! grep -q '^!ENTRY [^ ]* 4 ' '$home/data/bgtransfer/workspace/.metadata/.log' 2>/dev/null"
  # the daemon the workbench may have started for its background sessions
  if [[ -S $home/state/bgtransfer/.service/socket ]]; then
    BGTRANSFER_NO_BUILD=1 HOME=$home "$repo/bgtransfer" daemon stop --state "$home/state/bgtransfer" > /dev/null 2>&1
  fi
else
  echo "skip  starting the Linux x86_64 archive's workbench: no DISPLAY (run under xvfb-run)"
fi
# a Java that is too old, or does not run, is refused with a sentence (exit 2), nothing started
if [[ -x $linux/bgtransfer ]]; then
  old_jdk=$(ls -d /usr/lib/jvm/java-17-* 2> /dev/null | head -1)
  if [[ -x $old_jdk/bin/java ]]; then
    JAVA_HOME=$old_jdk "$linux/bgtransfer" > "$work/old-java.out" 2>&1; code=$?
    check "linux.gtk.x86_64: with Java 17 its bgtransfer exits 2 and says it needs Java 21 or newer" \
      bash -c "test $code -eq 2 && grep -q '^bgtransfer needs Java 21 or newer; .* is Java 17' '$work/old-java.out'"
  fi
  mkdir -p "$work/broken-java/bin" && printf '#!/bin/sh\nexit 1\n' > "$work/broken-java/bin/java" && chmod +x "$work/broken-java/bin/java"
  JAVA_HOME=$work/broken-java "$linux/bgtransfer" > "$work/broken-java.out" 2>&1; code=$?
  check "linux.gtk.x86_64: with a java that does not run its bgtransfer exits 2 and says so" \
    bash -c "test $code -eq 2 && grep -q '^bgtransfer needs Java 21 or newer; $work/broken-java/bin/java does not run' '$work/broken-java.out'"
fi
rm -rf "$linux"

echo "$passed passed, $failed failed"
((failed == 0))
