#!/usr/bin/env bash
# The update-site install test: installs dev.bgtransfer.feature from the built update site into a
# fresh copy of the test platform (an Eclipse platform with the IDE application and p2, built by
# tests/dev.bgtransfer.testplatform) with that installation's own p2 director, as "Install New
# Software" would, then starts the installation and checks our bundles, the service and the view.
# Usage: site-install-tests.sh TARGET_DIR. Ends with "N passed, N failed"; exits 1 on any failure.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
target=${1:-$repo/tests/dev.bgtransfer.site.tests/target}
site=$repo/releng/dev.bgtransfer.site/target/repository
platform=$repo/tests/dev.bgtransfer.testplatform/target/products/dev.bgtransfer.testplatform/linux/gtk/x86_64
feature=dev.bgtransfer.feature.feature.group
work=$target/work
eclipse=$work/eclipse
source "$repo/releng/scripts/java-home.sh"

passed=0 failed=0
check() { # NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok    $name"; else failed=$((failed + 1)); echo "FAIL  $name"; fi
}
finish() { echo "$passed passed, $failed failed"; ((failed == 0)); exit; }
# Starts the installation the way its launcher would (the native launcher is not on Maven Central).
# Its own home and workspace keep ~/.eclipse, ~/.swt and the workspace inside target/.
run_eclipse() { # LOG ARGS...
  local log=$1; shift
  (cd "$eclipse" && timeout 120 "$JAVA_HOME/bin/java" -Xmx512m -Duser.home="$work/home" \
      -jar plugins/org.eclipse.equinox.launcher_*.jar -nosplash -consoleLog -data "$work/workspace" "$@") \
    > "$log" 2>&1
}

for needed in "$site/content.jar" "$platform/configuration/config.ini"; do
  [[ -e $needed ]] || { echo "FAIL  missing $needed: build releng/dev.bgtransfer.site and tests/dev.bgtransfer.testplatform first"; failed=1; finish; }
done
rm -rf "$work" && mkdir -p "$work/home"
cp -a "$platform" "$eclipse"
profile_registry=$eclipse/p2/org.eclipse.equinox.p2.engine/profileRegistry/DefaultProfile.profile
check "the test platform is p2-managed with the profile DefaultProfile" test -d "$profile_registry"
# the profile's newest state (files are named by their timestamp); grep reads to the end (pipefail)
in_profile() { zcat "$(ls "$profile_registry"/*.profile.gz | sort | tail -1)" | grep -F "<unit id='$1'" > /dev/null; }
bundles_info=$eclipse/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info
check "our feature is not in the platform before the install" bash -c "! ls '$eclipse'/features/dev.bgtransfer.feature_* >/dev/null 2>&1"

# --- install the feature from the update site with the installation's own director
start=$SECONDS
run_eclipse "$work/director.log" -application org.eclipse.equinox.p2.director \
  -repository "file:$site" -installIU "$feature" -destination "$eclipse" -profile DefaultProfile
code=$?
echo "      (p2 director install: $((SECONDS - start)) s)"
check "the director installs $feature from the update site (exit 0)" test $code -eq 0
check "the director reports the install" grep -q "Installing $feature" "$work/director.log"
check "the profile DefaultProfile now holds $feature" in_profile "$feature"
check "the feature's folder is in features/" bash -c "ls -d '$eclipse'/features/dev.bgtransfer.feature_* >/dev/null"
check "bundles.info lists dev.bgtransfer.core and dev.bgtransfer.persistence" \
  bash -c "grep -q '^dev\.bgtransfer\.core,' '$bundles_info' && grep -q '^dev\.bgtransfer\.persistence,' '$bundles_info'"
((code == 0)) || { sed 's/^/      | /' "$work/director.log"; finish; }

# --- start the installation; the checker application (test-only, part of the test platform, not of
# our feature) prints one line per check and exits 0 or 1
start=$SECONDS
run_eclipse "$work/check.log" -application dev.bgtransfer.testplatform.checker.check
code=$?
echo "      (start and check the installation: $((SECONDS - start)) s)"
grep -E '^(ok|FAIL|skip) ' "$work/check.log" | sed 's/^/      /'
check "the installation's checks pass (exit 0)" test $code -eq 0
check "the installation's log has no errors" bash -c "! grep -q '^!ENTRY [^ ]* 4 ' '$work/workspace/.metadata/.log' 2>/dev/null"
((code == 0)) || sed 's/^/      | /' "$work/check.log"
finish
