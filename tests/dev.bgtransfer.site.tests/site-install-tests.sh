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
state_home=$work/state-home
state=$state_home/bgtransfer
source "$repo/releng/scripts/java-home.sh"

passed=0 failed=0
check() { # NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok    $name"; else failed=$((failed + 1)); echo "FAIL  $name"; fi
}
finish() { echo "$passed passed, $failed failed"; ((failed == 0)); exit; }
vm_args=()
# Starts the installation the way its launcher would (the native launcher is not on Maven Central).
# Its own home and workspace keep ~/.eclipse, ~/.swt and the workspace inside target/.
# HOME and XDG_STATE_HOME inside target/: the daemon the IDE starts uses the default state folder.
run_eclipse() { # LOG ARGS...
  local log=$1; shift
  (cd "$eclipse" && HOME=$work/home XDG_STATE_HOME=$state_home timeout 120 "$JAVA_HOME/bin/java" -Xmx512m -Duser.home="$work/home" "${vm_args[@]}" \
      -jar plugins/org.eclipse.equinox.launcher_*.jar -nosplash -consoleLog -data "$work/workspace" "$@") \
    > "$log" 2>&1
}
# The same in the background, for a run the test kills: the JVM is the process $! names.
start_eclipse() { # LOG ARGS...
  local log=$1; shift
  cd "$eclipse" && HOME=$work/home XDG_STATE_HOME=$state_home exec "$JAVA_HOME/bin/java" -Xmx512m -Duser.home="$work/home" "${vm_args[@]}" \
      -jar plugins/org.eclipse.equinox.launcher_*.jar -nosplash -consoleLog -data "$work/workspace" "$@" > "$log" 2>&1
}

for needed in "$site/content.jar" "$platform/configuration/config.ini"; do
  [[ -e $needed ]] || { echo "FAIL  missing $needed: build releng/dev.bgtransfer.site and tests/dev.bgtransfer.testplatform first"; failed=1; finish; }
done
daemon_pids() { pgrep -f -- "serve --state $state( |$)"; }
stop_daemon() {
  local pid; for pid in $(daemon_pids); do kill -9 "$pid"; done
  for pid in $server_pid $p2_server_pid $director_pid; do kill -9 "$pid" 2>/dev/null; done; true
}
server_pid= p2_server_pid= director_pid=
trap stop_daemon EXIT
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
check "the install set dev.bgtransfer.daemon.socket=default in config.ini (dev.bgtransfer.ui's p2.inf)" \
  grep -q '^dev.bgtransfer.daemon.socket=default$' "$eclipse/configuration/config.ini"
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

# --- a background transfer outlives the IDE: the IDE adds a download of a throttled file (2 MB at
# 400 KB/s) to a BACKGROUND session and exits; the daemon it started from its own plug-ins finishes it;
# the IDE started again lists it COMPLETED
www=$work/www out=$work/downloads
mkdir -p "$www" "$out"
head -c 2000000 /dev/urandom > "$www/background.bin"
expected=$(sha256sum "$www/background.bin" | cut -d' ' -f1)
python3 - "$www" > "$work/server.log" 2>&1 <<'PYTHON' &
import http.server, os, sys, time
folder = sys.argv[1]
class Throttled(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        data = open(os.path.join(folder, os.path.basename(self.path)), 'rb').read()
        self.send_response(200)
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        for at in range(0, len(data), 40000):
            self.wfile.write(data[at:at + 40000])
            time.sleep(0.1)
server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Throttled)
print(server.server_address[1], flush=True)
server.serve_forever()
PYTHON
server_pid=$!
for _ in $(seq 50); do [[ -s $work/server.log ]] && break; sleep 0.1; done
url=http://127.0.0.1:$(head -1 "$work/server.log")/background.bin
run_eclipse "$work/background.log" -application dev.bgtransfer.testplatform.checker.check -download "$url" "$out"
code=$?
grep -E '^(ok|FAIL) .*(BACKGROUND|daemon)' "$work/background.log" | sed 's/^/      /'
check "the IDE adds a BACKGROUND download and exits (exit 0)" test $code -eq 0
check "the file is not complete when the IDE has exited" test ! -e "$out/background.bin"
pid=$(daemon_pids | head -1)
check "a daemon runs for the default state folder after the IDE exited" test -n "$pid"
check "it runs from the IDE's own plug-ins (its command line names $eclipse/plugins)" \
  bash -c "tr '\\0' ' ' < /proc/$pid/cmdline | grep -q -- '$eclipse/plugins/org.eclipse.equinox.launcher_'"
for _ in $(seq 600); do [[ -e $out/background.bin ]] && break; sleep 0.1; done
check "the daemon finishes the file after the IDE exited (SHA-256)" \
  bash -c "[[ \$(sha256sum '$out/background.bin' 2>/dev/null | cut -d' ' -f1) == $expected ]]"
run_eclipse "$work/again.log" -application dev.bgtransfer.testplatform.checker.check -expectCompleted "$url"
code=$?
grep -E '^(ok|FAIL) .*COMPLETED' "$work/again.log" | sed 's/^/      /'
check "the IDE started again lists the transfer COMPLETED through the service (exit 0)" test $code -eq 0
((code == 0)) || { sed 's/^/      | /' "$work/again.log"; sed 's/^/      daemon.log | /' "$state/daemon.log"; }

# --- p2 through bgtransfer (issue 18): the installation now carries dev.bgtransfer.p2, whose transport p2
# takes for http(s) artifacts. A second p2 repository, made here, holds a 4 MB artifact served at 500 KB/s
# on loopback: the director is killed (kill -9) mid-artifact and started again; the artifact resumes with
# a ranged request and the install completes. Then, with the preference off, p2's own transport serves.
p2repo=$work/p2-repository
jars=$(python3 "$repo/tests/dev.bgtransfer.site.tests/p2-repository.py" "$p2repo" p2test.big:4000000 p2test.small:300000)
big_sha=$(awk '$1 == "p2test.big" {print $2}' <<<"$jars")
small_sha=$(awk '$1 == "p2test.small" {print $2}' <<<"$jars")
big=/plugins/p2test.big_1.0.0.jar small=/plugins/p2test.small_1.0.0.jar
p2log=$work/p2-server.log
python3 "$repo/tests/dev.bgtransfer.site.tests/throttled-server.py" "$p2repo" 500000 > "$p2log" 2>&1 &
p2_server_pid=$!
for _ in $(seq 50); do [[ -s $p2log ]] && break; sleep 0.1; done
p2url=http://127.0.0.1:$(head -1 "$p2log")
# p2 turns http: into https: unless allowed (p2.httpRule); a loopback server has no certificate
vm_args=(-Dp2.httpRule=allow)
requests() { grep "^GET $1 " "$p2log"; } # PATH: the server's lines for the GETs of PATH
sent() { grep "^SENT $1 " "$p2log" | awk -F'bytes=' '{ all += $2 } END { print all + 0 }'; } # PATH: bytes sent in all
first_by_us() { requests "$1" | head -1 | grep -q ' agent=bgtransfer/'; } # PATH: its first GET came from bgtransfer
# PATH: there are GETs after the first, and each asks for a range past zero with If-Range and gets 206
resumed_ranged() { local later; later=$(requests "$1" | tail -n +2)
  [[ -n $later ]] && ! grep -v -E 'status=206 range=bytes=[1-9][0-9]*- if-range="' <<<"$later" > /dev/null; }
none_by_us() { requests "$1" > /dev/null && ! requests "$1" | grep -q ' agent=bgtransfer/'; } # PATH
install_from_p2url() { # LOG IU
  run_eclipse "$1" -application org.eclipse.equinox.p2.director -repository "$p2url" -installIU "$2" \
    -destination "$eclipse" -profile DefaultProfile
}

(start_eclipse "$work/p2-killed.log" -application org.eclipse.equinox.p2.director -repository "$p2url" \
  -installIU p2test.big.feature.group -destination "$eclipse" -profile DefaultProfile) &
director_pid=$!
for _ in $(seq 600); do requests "$big" > /dev/null && break; sleep 0.1; done
sleep 2 # about 1 MB of the 4 MB at 500 KB/s
kill -9 "$director_pid"; wait "$director_pid" 2>/dev/null; director_pid=
check "the director asks for the artifact through bgtransfer (User-Agent bgtransfer/)" first_by_us "$big"
for _ in $(seq 50); do grep -q "^SENT $big " "$p2log" && break; sleep 0.1; done
first_sent=$(sent "$big")
check "the director was killed mid-artifact (the server had sent $first_sent of its 4000336 bytes)" \
  test "$first_sent" -lt 4000336
not_in_profile() { ! in_profile "$1"; }
check "killed, the director installed nothing (the profile does not hold p2test.big.feature.group)" \
  not_in_profile p2test.big.feature.group

start=$SECONDS
install_from_p2url "$work/p2-again.log" p2test.big.feature.group
code=$?
echo "      (the director again, resuming the artifact: $((SECONDS - start)) s)"
echo "      artifact requests: $(requests "$big" | sed 's/ agent=.*//' | paste -sd';' | sed 's/;/; /g')"
check "the director started again installs p2test.big.feature.group (exit 0)" test $code -eq 0
((code == 0)) || sed 's/^/      | /' "$work/p2-again.log"
check "the profile DefaultProfile now holds p2test.big.feature.group" in_profile p2test.big.feature.group
check "the installed artifact's bytes are the published ones (SHA-256)" \
  bash -c "[[ \$(sha256sum '$eclipse$big' 2>/dev/null | cut -d' ' -f1) == $big_sha ]]"
# every request after the first (the killed one) continues past zero with If-Range, and is answered 206
check "after the restart the artifact resumes ranged (Range: bytes=N- with N > 0, If-Range, 206)" resumed_ranged "$big"
after_kill=$(($(sent "$big") - first_sent))
# the resume may repeat what the killed run received but had not yet made durable; never most of it
check "the restart fetched only the missing part ($after_kill bytes; $first_sent came before the kill)" \
  test "$after_kill" -lt $((4000336 - first_sent / 2))

# with the preference off the platform's transport (ECF) downloads, not bgtransfer
settings=$work/workspace/.metadata/.plugins/org.eclipse.core.runtime/.settings
mkdir -p "$settings"
printf 'eclipse.preferences.version=1\nartifactsThroughService=false\n' > "$settings/dev.bgtransfer.p2.prefs"
install_from_p2url "$work/p2-off.log" p2test.small.feature.group
code=$?
check "with the preference off the director installs p2test.small.feature.group (exit 0)" test $code -eq 0
((code == 0)) || sed 's/^/      | /' "$work/p2-off.log"
check "its bytes are right (SHA-256)" \
  bash -c "[[ \$(sha256sum '$eclipse$small' 2>/dev/null | cut -d' ' -f1) == $small_sha ]]"
off_by_platform() { none_by_us "$small" && first_by_us "$big"; }
check "with the preference off p2's own transport fetched it, with it on (above) bgtransfer did" off_by_platform
check "the installation's log has no errors after the p2 installs" \
  bash -c "! grep -q '^!ENTRY [^ ]* 4 ' '$work/workspace/.metadata/.log' 2>/dev/null"
finish
