#!/usr/bin/env bash
# Integration tests of the materialized products (the command line's and the workbench's) through
# ./bgtransfer, as a person or a script uses it. Usage: product-tests.sh TARGET_DIR. Ends with
# "N passed, N failed"; exits 1 on any failure.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
target=${1:-$repo/tests/dev.bgtransfer.app.tests/target}
work=$target/work
rm -rf "$work" && mkdir -p "$work/home"
export BGTRANSFER_NO_BUILD=1 # the Maven build that runs this has just materialized the product
export BGTRANSFER_IDLE_EXIT=30 # the daemons the commands start end by themselves soon after their last use
export HOME=$work/home XDG_STATE_HOME=$work/home/state XDG_DATA_HOME=$work/home/data
export LC_ALL=C.UTF-8 # file names in UTF-8, as on a desktop, whatever the machine that builds says
bgtransfer=$repo/bgtransfer
passed=0 failed=0
pids=()
# every daemon a command started here (a state folder with a socket), asked to stop; then what we started
stop_daemons() {
  local socket
  while IFS= read -r socket; do
    "$bgtransfer" daemon stop --state "${socket%/.service/socket}" > /dev/null 2>&1
  done < <(find "$work" -path '*/.service/socket' -type s 2> /dev/null)
}
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done; stop_daemons; }
trap cleanup EXIT

check() { # NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok    $name"; else failed=$((failed + 1)); echo "FAIL  $name"; fi
}
timed() { local start=$SECONDS; "$@"; echo "      (${1} $2: $((SECONDS - start)) s)"; }
no_stack_trace() { ! grep -qE '^\s+at [a-z]|Exception' "$1"; }
wait_for() { # SECONDS CONDITION...
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do ((SECONDS < deadline)) || return 1; sleep 0.2; done
}
millis() { echo $(($(date +%s%N) / 1000000)); }
daemon_pid() { "$bgtransfer" daemon status --state "$1" 2>/dev/null | sed -n 's/^pid: *//p'; } # STATE
part_above() { test "$(stat -c %s "$1" 2>/dev/null || echo 0)" -gt "$2"; } # FILE BYTES

# --- the command line's own product: headless, its config.ini written by Tycho
cli_product=$repo/releng/dev.bgtransfer.cli.product/target/products/dev.bgtransfer.cli.product/linux/gtk/x86_64
rm -rf "$cli_product/daemon-aot" # the daemons' ahead-of-time cache: the first daemon started here records it
# SQLite's native library as the store keeps it between starts, in its bundle's data area: kept here anew
rm -rf "$cli_product"/configuration/org.eclipse.osgi/*/data/native
kept_sqlite() { ls "$cli_product"/configuration/org.eclipse.osgi/*/data/native/sqlite-jdbc-*/libsqlitejdbc.so 2> /dev/null; }
one_library_kept() { local kept; kept=$(kept_sqlite) && (($(wc -l <<< "$kept") == 1)) && head -c 4 "$kept" | grep -q ELF; }
maps_kept_library() { # PID: it mapped the kept copy and no library the driver extracted into the temporary folder
  local kept; kept=$(kept_sqlite) && grep -qF "$kept" "/proc/$1/maps" &&
    ! grep -q '/sqlite-[0-9.]*-[-0-9a-f]*-libsqlitejdbc\.so' "/proc/$1/maps"
}
cli_config=$cli_product/configuration/config.ini
workbench_names='^org\.eclipse\.(ui|swt|jface|e4\.ui)([._]|$)' # the workbench's, JFace's and SWT's plug-ins
cli_plugins() { ls "$cli_product/plugins"; } # file names
cli_bundles() { # symbolic names of what its config.ini installs (osgi.bundles)
  sed -n 's/^osgi\.bundles=//p' "$cli_config" | tr ',' '\n' | sed 's/^reference\\:file\\://; s/_[^_]*$//'
}
no_workbench_plugin() { local plugins; plugins=$(cli_plugins) && [[ -n $plugins ]] && ! grep -qE "$workbench_names" <<< "$plugins"; }
no_workbench_bundle() { local bundles; bundles=$(cli_bundles) && grep -qx dev.bgtransfer.cli <<< "$bundles" && ! grep -qE "$workbench_names" <<< "$bundles"; }
check "the command-line product holds plug-ins, none of org.eclipse.ui, JFace or SWT" no_workbench_plugin
check "its config.ini installs the command line and no such bundle" no_workbench_bundle
check "its config.ini names the application dev.bgtransfer.cli.app" grep -qx 'eclipse.application=dev.bgtransfer.cli.app' "$cli_config"
# the composite service is for workbenches: dev.bgtransfer.ui's p2.inf sets its property, the command line never has it
check "its config.ini never sets dev.bgtransfer.daemon.socket (the daemon refuses it)" \
  bash -c "! grep -q '^dev.bgtransfer.daemon.socket' '$cli_config'"
check "the RCP product's config.ini sets dev.bgtransfer.daemon.socket=default (dev.bgtransfer.ui's p2.inf)" \
  grep -qx 'dev.bgtransfer.daemon.socket=default' "$repo/releng/dev.bgtransfer.product/target/products/dev.bgtransfer.product/linux/gtk/x86_64/configuration/config.ini"

# --- a sample server in its own process, logging what it is asked
BGTRANSFER_VM_ARGS="-Ddev.bgtransfer.samples.accessLog=$work/access.log" \
  "$bgtransfer" samples --rate 3000000 > "$work/samples.txt" 2> "$work/samples.err" &
pids+=($!)
wait_for 60 test -s "$work/samples.txt" || { echo "FAIL  the sample server did not start"; cat "$work/samples.err"; exit 1; }
sample() { sed -n "${1}p" "$work/samples.txt" | cut -f"$2"; } # LINE FIELD (1 url, 2 bytes, 3 sha256)

# --- usage
"$bgtransfer" get > "$work/usage.out" 2> "$work/usage.err"; code=$?
check "get without a URL exits 2" test $code -eq 2
check "bad usage prints the usage text on stderr" grep -q "Usage: bgtransfer" "$work/usage.err"
"$bgtransfer" get --max-per-host 0 "$(sample 1 1)" 2> "$work/usage2.err" >/dev/null; code=$?
check "an out-of-range option exits 2" test $code -eq 2
"$bgtransfer" frobnicate 2>/dev/null; code=$?
check "an unknown command exits 2" test $code -eq 2

# --- URLs that cannot be downloaded: exit 2 with a sentence, nothing started, nothing written
base=$(sample 1 1 | sed 's#/samples/.*##')
long_url="$base/$(printf 'a%.0s' {1..8100})"
bad_url() { # NAME URL SENTENCE
  local dir="$work/bad-url/$1"
  "$bgtransfer" get --dir "$dir/dl" --state "$dir/state" "$2" > "$work/bad-url-$1.out" 2> "$work/bad-url-$1.err"; code=$?
  check "get with $1 exits 2" test $code -eq 2
  check "get with $1 says why" grep -qF "$3" "$work/bad-url-$1.err"
  check "get with $1: no stack trace, nothing on stdout" eval "no_stack_trace '$work/bad-url-$1.err' && test ! -s '$work/bad-url-$1.out'"
  check "get with $1 wrote nothing" test ! -e "$dir"
}
bad_url "a line break" "$base/a
b.bin" "cannot be downloaded: The URL contains a control character (a line break, tab or similar) at position"
bad_url "a tab" "$base/a	b.bin" "cannot be downloaded: The URL contains a control character (a line break, tab or similar) at position"
bad_url "a space" "$base/a b.bin" "cannot be downloaded: The URL contains a space at position"
bad_url "ftp" "ftp://127.0.0.1/a.bin" "ftp://127.0.0.1/a.bin cannot be downloaded: Only http and https URLs can be transferred, not ftp."
bad_url "file" "file:///etc/passwd" "file:///etc/passwd cannot be downloaded: Only http and https URLs can be transferred, not file."
bad_url "javascript" "javascript:alert(1)" "cannot be downloaded: Only http and https URLs can be transferred, not javascript."
bad_url "an over-long URL" "$long_url" "cannot be downloaded: The URL has ${#long_url} characters; at most 8000 are accepted"
check "the line break is echoed escaped, not raw" grep -qF '/a\u000ab.bin cannot be downloaded' "$work/bad-url-a line break.err"
check "no request reached the server for a refused URL" test ! -s "$work/access.log"

# --- a download: one result line, the right bytes
start=$SECONDS
"$bgtransfer" get --quiet --dir "$work/dl" --state "$work/state1" "$(sample 2 1)" > "$work/get.out" 2> "$work/get.err"; code=$?
echo "      (get of $(sample 2 2) bytes: $((SECONDS - start)) s)"
check "get exits 0" test $code -eq 0
expected=$(printf '%s\t%s\t%s' "$work/dl/sample-2-2.4MB.bin" "$(sample 2 2)" "$(sample 2 3)")
check "get prints path, bytes and SHA-256" test "$(cat "$work/get.out")" = "$expected"
check "the file has that SHA-256" test "$(sha256sum < "$work/dl/sample-2-2.4MB.bin" | cut -d' ' -f1)" = "$(sample 2 3)"
"$bgtransfer" get --quiet --dir "$work/dl-sha" --state "$work/state1" --sha256 "$(sample 1 3)" "$(sample 1 1)" \
  > /dev/null 2>&1; code=$?
check "a matching --sha256 completes" test $code -eq 0
wrong=$(printf '0%.0s' {1..64})
"$bgtransfer" get --quiet --dir "$work/dl-badsha" --state "$work/state1" --sha256 "$wrong" "$(sample 1 1)" \
  > "$work/badsha.out" 2> "$work/badsha.err"; code=$?
check "a wrong --sha256 exits 1 with a reason" test $code -eq 1 -a -s "$work/badsha.err" -a ! -s "$work/badsha.out"
check "no file is left under the final name" test ! -e "$work/dl-badsha/sample-1-700KB.bin"

# --- a 404 among good URLs
missing="${work:+$(sample 1 1 | sed 's#/samples/.*#/samples/missing.bin#')}"
"$bgtransfer" get --dir "$work/dl404" --state "$work/state2" "$(sample 1 1)" "$missing" > "$work/404.out" 2> "$work/404.err"; code=$?
check "a 404 exits 1" test $code -eq 1
check "the 404 is named with its URL and a reason" grep -q "^$missing: .*404" "$work/404.err"
check "no stack trace on stderr" no_stack_trace "$work/404.err"
check "the good URL still completed" grep -q "sample-1-700KB.bin	700000	$(sample 1 3)" "$work/404.out"

# --- a refused connection, with no retries: a quick failure with its reason
start=$SECONDS
"$bgtransfer" get --retries 0 --dir "$work/dl-refused" --state "$work/state-refused" http://127.0.0.1:9/x.bin \
  > /dev/null 2> "$work/refused.err"; code=$?
check "a refused connection with --retries 0 exits 1" test $code -eq 1
check "it says the host refused" grep -q "^http://127.0.0.1:9/x.bin: 127.0.0.1 refused the connection." "$work/refused.err"
check "--retries 0 does not wait for backoff" test $((SECONDS - start)) -lt 15

# --- a server that asks for a user name and password: a failure for scripts, --user, and a prompt on a terminal
"$bgtransfer" samples --rate 0 --port 0 --user bob:secret > "$work/private.txt" 2> "$work/private.err" &
pids+=($!)
wait_for 60 test -s "$work/private.txt" || { echo "FAIL  the private sample server did not start"; cat "$work/private.err"; }
private_url=$(sed -n 1p "$work/private.txt" | cut -f1) private_sha=$(sed -n 1p "$work/private.txt" | cut -f3)
"$bgtransfer" get --quiet --dir "$work/dl-private" --state "$work/state-private" "$private_url" \
  > /dev/null 2> "$work/private-get.err" < /dev/null; code=$?
check "without credentials a script gets exit 1" test $code -eq 1
check "and the reason: the server asks for them" grep -q "^$private_url: 127.0.0.1 asks for a user name and password." "$work/private-get.err"
"$bgtransfer" get --quiet --user bob:secret --dir "$work/dl-user" --state "$work/state-user" "$private_url" \
  > "$work/user.out" 2> /dev/null; code=$?
check "--user signs in and completes" test $code -eq 0 -a "$(cut -f3 "$work/user.out")" = "$private_sha"
# curl's -H through the daemon: the server's Basic sign-in given as a header, and a header the service sets itself refused
"$bgtransfer" get --quiet -H "Authorization: Basic $(printf bob:secret | base64)" --dir "$work/dl-header" \
  --state "$work/state-header" "$private_url" > "$work/header.out" 2> "$work/header.err" < /dev/null; code=$?
check "get -H 'Authorization: ...': the server lets it in, nobody asked, the right bytes" \
  test $code -eq 0 -a "$(cut -f3 "$work/header.out")" = "$private_sha"
"$bgtransfer" get --quiet -H "Range: bytes=0-" --dir "$work/dl-header-refused" --state "$work/state-header" \
  "$private_url" > /dev/null 2> "$work/header-refused.err" < /dev/null; code=$?
check "get -H with a header the service sets itself: exit 2, a sentence, nothing started" bash -c "test $code -eq 2 && \
  grep -q '^bgtransfer: -H: Range is set by the service itself' '$work/header-refused.err' && \
  test ! -e '$work/dl-header-refused'"
printf 'bob\nsecret\n' | script -qec "'$bgtransfer' get --quiet --dir '$work/dl-prompt' --state '$work/state-prompt' '$private_url'" \
  /dev/null > "$work/prompt.out" 2>&1; code=$?
check "on a terminal it asks (the daemon through its client), and the answer completes the download" test $code -eq 0
check "the prompt named the host" grep -q "User name for 127.0.0.1:" "$work/prompt.out"
check "the prompted download has the right bytes" \
  test "$(sha256sum < "$work/dl-prompt/$(ls "$work/dl-prompt" | head -1)" | cut -d' ' -f1)" = "$private_sha"

# --- kill -9 of a get run by itself mid-transfer, then resume (and the same get again) continue ranged
killed_then() { # STATE FOLDER CONTINUE-COMMAND...
  local state=$1 dir=$2; shift 2
  "$bgtransfer" get --no-daemon --dir "$dir" --state "$state" "$(sample 5 1)" > /dev/null 2>&1 &
  local pid=$!
  wait_for 60 bash -c "test \$(stat -c %s '$dir/sample-5-28.6MB.bin.part' 2>/dev/null || echo 0) -gt 12000000"
  kill -9 "$pid"; wait "$pid" 2>/dev/null
  mark_access
  local start=$SECONDS
  "$@" > "$work/continued.out" 2> "$work/continued.err"; code=$?
  echo "      (continuing after kill -9: $((SECONDS - start)) s)"
}
# The requests for sample 5 the server saw since mark_access: a transfer that continued asks only for
# ranges that start past zero (one, or each slice from its own durable bytes), never for the whole file again
mark_access() { access_mark=$(wc -l < "$work/access.log"); }
continued_ranged() {
  local since
  since=$(tail -n "+$((access_mark + 1))" "$work/access.log" | grep '^GET /samples/sample-5-28.6MB.bin ') || return 1
  grep -qE ' bytes=[1-9][0-9]*-[0-9]* 206$' <<< "$since" && ! grep -qE ' (- 200|bytes=0-[0-9]* 206)$' <<< "$since"
}
killed_then "$work/state3" "$work/dl-kill" "$bgtransfer" resume --no-daemon --quiet --state "$work/state3"
check "resume after kill -9 exits 0" test $code -eq 0
check "resume prints the file with the right SHA-256" grep -q "sample-5-28.6MB.bin	28600000	$(sample 5 3)" "$work/continued.out"
check "the file has the right bytes" test "$(sha256sum < "$work/dl-kill/sample-5-28.6MB.bin" | cut -d' ' -f1)" = "$(sample 5 3)"
check "the server saw only ranged requests after the kill" continued_ranged
: > "$work/access.log"
killed_then "$work/state4" "$work/dl-kill2" "$bgtransfer" get --no-daemon --quiet --dir "$work/dl-kill2" --state "$work/state4" "$(sample 5 1)"
check "the same get after kill -9 exits 0 with the right SHA-256" grep -q "	28600000	$(sample 5 3)" "$work/continued.out"
check "the same get continued ranged" continued_ranged
# issue 17: a get killed, 21 bytes of its partial file overwritten in the middle, then resume: the damaged
# chunk is found before the file gets its name and fetched again, ranged from its chunk's start (4 MiB)
damage_dir=$work/dl-damage
"$bgtransfer" get --no-daemon --dir "$damage_dir" --state "$work/state-damage" "$(sample 5 1)" > /dev/null 2>&1 &
pid=$!
# slices make the partial file sparse: its length says little, the blocks the disk holds say what was written
allocated_above() { local held; held=$(du -B1 "$1" 2>/dev/null | cut -f1); ((${held:-0} > $2)); } # FILE BYTES
wait_for 60 allocated_above "$damage_dir/sample-5-28.6MB.bin.part" 12000000
kill -9 "$pid"; wait "$pid" 2>/dev/null
# the middle one of the blocks written (slices leave gaps of zeros in a partial file: the damage goes where bytes are)
damaged_at=$(python3 - "$damage_dir/sample-5-28.6MB.bin.part" << 'PY'
import sys
data = open(sys.argv[1], 'rb').read()
block = 64 * 1024
written = [at for at in range(0, len(data) - block, block)
           if all(any(data[i:i + 4096]) for i in range(at, at + block, 4096))]
print(written[len(written) // 2] + block // 2)
PY
)
python3 -c 'import sys; f = open(sys.argv[1], "r+b"); f.seek(int(sys.argv[2])); b = f.read(21); f.seek(int(sys.argv[2])); f.write(bytes(x ^ 0xff for x in b))' \
  "$damage_dir/sample-5-28.6MB.bin.part" "$damaged_at"
mark_access
"$bgtransfer" resume --no-daemon --quiet --state "$work/state-damage" > "$work/damage.out" 2> "$work/damage.err"; code=$?
check "resume after kill -9 and 21 bytes overwritten exits 0" test $code -eq 0
check "it prints the SHA-256 of the server's file" grep -q "sample-5-28.6MB.bin	28600000	$(sample 5 3)" "$work/damage.out"
check "the file has the server's bytes" test "$(sha256sum < "$damage_dir/sample-5-28.6MB.bin" | cut -d' ' -f1)" = "$(sample 5 3)"
# which byte before the damage the resume starts from depends on where the slices' checkpoints fell
# before the kill (ChunkHashCrashTest pins the damaged chunk's start); here: the damaged bytes were asked
# again, ranged
damaged_again() {
  local range
  for range in $(tail -n "+$((access_mark + 1))" "$work/access.log" | grep '^GET /samples/sample-5-28.6MB.bin ' \
      | sed -nE 's/.* bytes=([0-9]+-[0-9]*) 206$/\1/p'); do
    ((${range%-*} > 0 && ${range%-*} <= damaged_at && (${range#*-} == 0 || ${range#*-} >= damaged_at + 20))) \
      && return 0
  done
  return 1
}
check "the server was asked again, ranged, for the damaged bytes" damaged_again
check "and never for the whole file again" continued_ranged
"$bgtransfer" list --state "$work/state4" > "$work/list.out" 2>&1
check "list shows the one transfer, completed" test "$(grep -c COMPLETED "$work/list.out")" -eq 1
check "list names the kind after the id, then the command line's session, whether it could resume and why" \
  grep -qP '^[0-9]+\tdownload\tCOMPLETED\t.*\tdev\.bgtransfer\.cli\tyes\tthe server offers byte ranges and a strong ETag$' "$work/list.out"

# --- put to nginx with WebDAV PUT, a real server that offers no resumption (.ci/run installs nginx)
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
start_nginx() { # writes $work/nginx/nginx.conf, tries a few ports; sets nginx_base
  local ngx=$work/nginx port try
  mkdir -p "$ngx/www" "$ngx/tmp"
  for try in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 20000))
    cat > "$ngx/nginx.conf" <<CONF
user $(id -un) $(id -gn); # as root, workers that may write here; otherwise ignored
worker_processes 1;
pid $ngx/nginx.pid;
events { worker_connections 64; }
http {
  access_log $ngx/access.log;
  client_body_temp_path $ngx/tmp;
  proxy_temp_path $ngx/tmp;
  fastcgi_temp_path $ngx/tmp;
  uwsgi_temp_path $ngx/tmp;
  scgi_temp_path $ngx/tmp;
  client_max_body_size 0;
  server {
    listen 127.0.0.1:$port;
    root $ngx/www;
    location / { dav_methods PUT; create_full_put_path on; }
  }
}
CONF
    if "$nginx_bin" -p "$ngx" -e "$ngx/error.log" -c "$ngx/nginx.conf" 2>> "$ngx/start.err"; then
      pids+=("$(cat "$ngx/nginx.pid")")
      nginx_base=http://127.0.0.1:$port
      return 0
    fi
  done
  return 1
}
if [[ -x $nginx_bin ]] && start_nginx; then
  head -c 3000000 /dev/urandom > "$work/report.bin"
  report_sha=$(sha256sum < "$work/report.bin" | cut -d' ' -f1)
  "$bgtransfer" put --quiet --state "$work/state-put" "$work/report.bin" "$nginx_base/uploads/report.bin" \
    > "$work/put.out" 2> "$work/put.err"; code=$?
  check "put exits 0" test $code -eq 0
  check "put prints URL, bytes and SHA-256" \
    test "$(cat "$work/put.out")" = "$(printf '%s\t%s\t%s' "$nginx_base/uploads/report.bin" 3000000 "$report_sha")"
  check "the server stored the file's bytes" \
    test "$(sha256sum < "$work/nginx/www/uploads/report.bin" | cut -d' ' -f1)" = "$report_sha"
  "$bgtransfer" list --state "$work/state-put" > "$work/put-list.out" 2>&1
  check "list shows it as an upload, completed, with its file" grep -qP \
    "^[0-9]+\tupload\tCOMPLETED\t.*\t$nginx_base/uploads/report\.bin\t$work/report\.bin\tdev\.bgtransfer\.cli\tno\t" \
    "$work/put-list.out"
  "$bgtransfer" upload --quiet --method POST --state "$work/state-put" "$work/report.bin" \
    "$nginx_base/uploads/post.bin" > "$work/post.out" 2> "$work/post.err"; code=$?
  check "upload --method POST reaches the server as POST" grep -q '"POST /uploads/post.bin ' "$work/nginx/access.log"
  check "which refuses it (no POST to a static file): exit 1 with the URL and the server's answer" \
    bash -c "test $code -eq 1 && test ! -s '$work/post.out' && grep -q '^$nginx_base/uploads/post.bin: The server answered 404' '$work/post.err'"
  : > "$work/nginx/access.log"
  bad_put() { # NAME FILE SENTENCE
    local out=$work/bad-put-$1.out err=$work/bad-put-$1.err
    "$bgtransfer" put --state "$work/bad-put/$1" "$2" "$nginx_base/uploads/bad.bin" > "$out" 2> "$err"; code=$?
    check "put of $1 exits 2" test $code -eq 2
    check "put of $1 says why" grep -qF "$3" "$err"
    check "put of $1: no stack trace, nothing on stdout" eval "no_stack_trace '$err' && test ! -s '$out'"
    check "put of $1 wrote nothing" test ! -e "$work/bad-put/$1"
  }
  bad_put "a missing file" "$work/no-such.bin" "$work/no-such.bin cannot be uploaded: there is no such file"
  bad_put "a folder" "$work/nginx" "$work/nginx cannot be uploaded: it is not a file"
  check "no request reached the server for a refused put" test ! -s "$work/nginx/access.log"
else
  echo "skip  put: no nginx to upload to (.ci/run installs it)"
fi

# --- serve started by a person: it takes get, put, list and resume, which start without the framework
served=$work/served
"$bgtransfer" serve --state "$served" > /dev/null 2> "$work/serve.err" &
serve_pid=$!; pids+=($serve_pid)
wait_for 60 test -S "$served/.service/socket" || { echo "FAIL  serve did not start"; cat "$work/serve.err"; }
check "serve keeps its socket in a folder only its user can enter" test "$(stat -c %a "$served/.service")" = 700
check "serve started by hand has no idle exit" bash -c "'$bgtransfer' daemon status --state '$served' | grep -q '^idle exit:  none'"
(cd "$work" && "$bgtransfer" get --quiet --dir dl-served --state "$served" "$(sample 2 1)") \
  > "$work/served.out" 2> "$work/served.err"; code=$?
check "a get handed to the service exits 0" test $code -eq 0
check "it prints path (a relative --dir is the client's), bytes and SHA-256" test "$(cat "$work/served.out")" = \
  "$(printf '%s\t%s\t%s' "$work/dl-served/sample-2-2.4MB.bin" "$(sample 2 2)" "$(sample 2 3)")"
check "the file has that SHA-256" test "$(sha256sum < "$work/dl-served/sample-2-2.4MB.bin" | cut -d' ' -f1)" = "$(sample 2 3)"
"$bgtransfer" get --quiet --dir "$work/dl-served-ünï" --state "$served" "$(sample 1 1)" > "$work/served-utf8.out" 2>&1; code=$?
check "a folder named in UTF-8 crosses to the service as it is" bash -c \
  "test $code -eq 0 && test -f '$work/dl-served-ünï/sample-1-700KB.bin' && grep -q '^$work/dl-served-ünï/sample-1-700KB.bin	' '$work/served-utf8.out'"
BGTRANSFER_CLIENT=java "$bgtransfer" get --quiet --dir "$work/dl-served-jdk" --state "$served" "$(sample 1 1)" \
  > "$work/served-jdk.out" 2> "$work/served-jdk.err"; code=$?
check "the JDK client (for systems without Perl) hands a get over the same way" bash -c \
  "test $code -eq 0 && grep -q '^$work/dl-served-jdk/sample-1-700KB.bin	700000	$(sample 1 3)$' '$work/served-jdk.out'"
if [[ -n ${nginx_base:-} ]]; then
  (cd "$work" && "$bgtransfer" put --quiet --state "$served" report.bin "$nginx_base/uploads/served.bin") \
    > "$work/served-put.out" 2> "$work/served-put.err"; code=$?
  check "a put handed to the service exits 0" test $code -eq 0
  check "it prints URL, bytes and SHA-256 (a relative FILE is the client's)" test "$(cat "$work/served-put.out")" = \
    "$(printf '%s\t%s\t%s' "$nginx_base/uploads/served.bin" 3000000 "$report_sha")"
  check "the server stored the file's bytes" \
    test "$(sha256sum < "$work/nginx/www/uploads/served.bin" | cut -d' ' -f1)" = "$report_sha"
fi
"$bgtransfer" list --no-daemon --state "$served" > /dev/null 2> "$work/locked.err"; code=$?
check "--no-daemon says so, and its own process is refused the folder the service holds" bash -c "test $code -eq 1 && \
  grep -q '^bgtransfer: --no-daemon: the command runs in this process' '$work/locked.err' && \
  grep -q 'another bgtransfer is using the state folder $served (its daemon' '$work/locked.err'"
"$bgtransfer" get --dir "$work/dl-served" --state "$served" "$missing" > /dev/null 2> "$work/served404.err"; code=$?
check "a 404 through the service exits 1 with its reason, no stack trace" \
  bash -c "test $code -eq 1 && grep -q '^$missing: .*404' '$work/served404.err' && ! grep -qE 'Exception|^\s+at ' '$work/served404.err'"
"$bgtransfer" get --max-per-host 0 --state "$served" "$(sample 1 1)" > /dev/null 2> "$work/served-usage.err"; code=$?
check "bad usage through the service exits 2 with the usage" bash -c "test $code -eq 2 && grep -q 'Usage: bgtransfer' '$work/served-usage.err'"
: > "$work/access.log"
"$bgtransfer" get --quiet --dir "$work/dl-served" --state "$served" "$(sample 5 1)" > /dev/null 2>&1 &
client=$!
wait_for 60 bash -c "test \$(stat -c %s '$work/dl-served/sample-5-28.6MB.bin.part' 2>/dev/null || echo 0) -gt 6000000"
kill "$client"; wait "$client" 2>/dev/null
paused() { "$bgtransfer" list --state "$served" | grep -q "PAUSED.*sample-5-28.6MB.bin"; }
check "stopping the client pauses its transfer in the service" wait_for 10 paused
mark_access
"$bgtransfer" get --quiet --dir "$work/dl-served" --state "$served" "$(sample 5 1)" > "$work/served5.out" 2>&1; code=$?
ranged=$(continued_ranged && echo yes)
check "the same get through the service continues ranged and completes" bash -c \
  "test $code -eq 0 && grep -q '	28600000	$(sample 5 3)' '$work/served5.out' && test '$ranged' = yes"
kill -9 "$serve_pid"; wait "$serve_pid" 2>/dev/null
"$bgtransfer" get --quiet --dir "$work/dl-stale" --state "$served" "$(sample 1 1)" > "$work/stale.out" 2> "$work/stale.err"; code=$?
check "after the service died, a get finds its socket stale and starts a daemon in its place" bash -c \
  "test $code -eq 0 && grep -q '	700000	$(sample 1 3)' '$work/stale.out' && grep -q 'Serving the transfers of $served' '$served/daemon.log'"

# the daemons' ahead-of-time class cache (JDK 25 and newer): the first daemon a command started (the
# first get's, in state1) records it as it exits; the daemons started after that start from it
source "$repo/releng/scripts/java-home.sh"
if ((java_version >= 25)); then
  "$bgtransfer" daemon stop --state "$work/state1" > /dev/null 2>&1 # when it has not ended by itself yet
  # the cache is assembled by a child JVM as the daemon exits: on a loaded machine that outlasts daemon stop's 30 s
  check "the first daemon a command started recorded the AOT cache as it exited, in the product's folder" \
    wait_for 120 bash -c "ls '$cli_product'/daemon-aot/*.aot > /dev/null 2>&1 && grep -q 'AOTCache creation is complete' '$work/state1/daemon.log'"
fi

check "the first command's process kept SQLite's native library, one copy, in the product's configuration" one_library_kept

# --- the daemon of a state folder: started by the first command, detached, shared by every client
d=$work/state-daemon
start=$(millis)
"$bgtransfer" get --quiet --dir "$work/dl-daemon" --state "$d" "$(sample 1 1)" > "$work/daemon1.out" 2> "$work/daemon1.err"; code=$?
first_ms=$(($(millis) - start))
first_pid=$(daemon_pid "$d")
start=$(millis)
"$bgtransfer" get --quiet --dir "$work/dl-daemon2" --state "$d" "$(sample 1 1)" > "$work/daemon2.out" 2> "$work/daemon2.err"; code2=$?
served_ms=$(($(millis) - start))
echo "      (first get, starting the daemon: $first_ms ms; the next, served: $served_ms ms)"
check "the first get exits 0 with its result line" bash -c "test $code -eq 0 && grep -q '	700000	$(sample 1 3)$' '$work/daemon1.out'"
check "it left a daemon running for its state folder" bash -c "test -n '$first_pid' && kill -0 '$first_pid'"
check "the daemon's log is in the state folder" grep -q "Serving the transfers of $d (pid $first_pid" "$d/daemon.log"
check "the daemon runs detached, in a session of its own" test "$(ps -o sid= -p "$first_pid" | tr -d ' ')" = "$first_pid"
if ((java_version >= 25)); then
  check "it started from that cache, which its JVM took without complaint" bash -c "grep -qzF -- \
    '-XX:AOTCache=$cli_product/daemon-aot/' '/proc/$first_pid/cmdline' && ! grep -q '\[aot\]' '$d/daemon.log'"
fi
check "its socket is in a folder only its user can enter" test "$(stat -c %a "$d/.service")" = 700
check "it loaded SQLite's library from the kept copy, extracting none into the temporary folder" \
  maps_kept_library "$first_pid"
check "the next get is served by the same daemon: exit 0, its line, no second start" bash -c "test $code2 -eq 0 && \
  grep -q '	700000	$(sample 1 3)$' '$work/daemon2.out' && test \$(grep -c 'Serving the transfers' '$d/daemon.log') -eq 1 && \
  test '$(daemon_pid "$d")' = '$first_pid'"
check "and fast: no framework started for it (under 0.8 s, the first took $first_ms ms)" test "$served_ms" -lt 800
"$bgtransfer" daemon status --state "$d" > "$work/status.out" 2>&1; code=$?
check "daemon status exits 0 and names pid, build, uptime, transfers and clients" bash -c "test $code -eq 0 && \
  grep -q '^The bgtransfer daemon for $d runs.' '$work/status.out' && grep -q '^pid:        $first_pid$' '$work/status.out' && \
  grep -q '^build:      .* (wire protocol 3)$' '$work/status.out' && grep -q '^up:  ' '$work/status.out' && \
  grep -q '^transfers:  0 under way' '$work/status.out' && grep -q '^idle exit:  after 30 seconds' '$work/status.out'"

# two clients at once see the same transfers; pause, start, stop and remove by id
: > "$work/access.log"
"$bgtransfer" get --quiet --dir "$work/dl-daemon" --state "$d" "$(sample 5 1)" > "$work/daemon5.out" 2> "$work/daemon5.err" &
getter=$!
wait_for 60 part_above "$work/dl-daemon/sample-5-28.6MB.bin.part" 3000000
"$bgtransfer" list --state "$d" > "$work/daemon-list.out" 2>&1
id5=$(grep -F "$(sample 5 1)" "$work/daemon-list.out" | cut -f1)
check "list from a second client shows the first one's get running" grep -qP "^$id5\tdownload\tRUNNING\t.*sample-5-28\.6MB\.bin" "$work/daemon-list.out"
check "daemon status counts it under way, and the client waiting for it" bash -c \
  "'$bgtransfer' daemon status --state '$d' | grep -q '^transfers:  1 under way' && '$bgtransfer' daemon status --state '$d' | grep -q '^clients:    1 besides'"
"$bgtransfer" pause --state "$d" "$id5" > "$work/pause.out" 2>&1; code=$?
state_of() { "$bgtransfer" list --state "$d" | grep -P "^$1\t" | cut -f3; } # ID: its state, nothing once removed
check "pause ID exits 0 and pauses it, its bytes kept" bash -c "test $code -eq 0 && test ! -s '$work/pause.out'"
check "list shows it PAUSED" wait_for 10 bash -c "test \"\$('$bgtransfer' list --state '$d' | grep -P '^$id5\t' | cut -f3)\" = PAUSED"
check "its partial file is kept" test -s "$work/dl-daemon/sample-5-28.6MB.bin.part"
check "the get that waits for it still waits" kill -0 "$getter"
mark_access
"$bgtransfer" start --state "$d" "$id5" > /dev/null 2>&1; code=$?
wait "$getter"; getter_code=$?
check "start ID exits 0 at once; the get that waited completes with the right SHA-256" bash -c \
  "test $code -eq 0 && test $getter_code -eq 0 && grep -q '	28600000	$(sample 5 3)$' '$work/daemon5.out'"
check "it continued ranged after the pause" continued_ranged
"$bgtransfer" pause --state "$d" "$id5" 99999 > /dev/null 2> "$work/unknown-id.err"; code=$?
check "an id the store does not hold: exit 2, a sentence, nothing done" bash -c "test $code -eq 2 && \
  grep -q '^bgtransfer: $d holds no transfer with the id 99999; nothing was done' '$work/unknown-id.err' && test $(state_of "$id5") = COMPLETED"
"$bgtransfer" stop --state "$d" 12x > /dev/null 2> "$work/bad-id.err"; code=$?
check "a bad id: exit 2 with a sentence" bash -c "test $code -eq 2 && grep -q '^bgtransfer: \"12x\" is not a transfer id' '$work/bad-id.err'"
# the timeline of the transfer paused and resumed above, from the daemon
"$bgtransfer" log --state "$d" "$id5" > "$work/log5.out" 2> "$work/log5.err"; code=$?
check "log ID through the daemon: its requests, the pause, the ranged request after it, the end" bash -c "test $code -eq 0 && \
  test ! -s '$work/log5.err' && grep -q '  request  method=GET  url=$(sample 5 1)' '$work/log5.out' && \
  grep -q '  state  from=running  to=paused  ' '$work/log5.out' && \
  grep -qP '  request  method=GET  url=\S*sample-5-28\.6MB\.bin  range=bytes=[1-9][0-9]*-' '$work/log5.out' && \
  grep -q '  to=completed  ' '$work/log5.out'"
"$bgtransfer" log --json --state "$d" "$id5" > "$work/log5.json" 2>&1; code=$?
check "log --json ID: a JSON object a line, as many as log's entries" bash -c "test $code -eq 0 && \
  python3 -c 'import json, sys; [json.loads(line)[\"kind\"] for line in open(sys.argv[1])]' '$work/log5.json' && \
  test \$(wc -l < '$work/log5.json') -eq \$(grep -vc '^\.\.\.  ' '$work/log5.out')"
"$bgtransfer" log --state "$d" 99999 > /dev/null 2> "$work/log-unknown.err"; code=$?
check "log of an id the store does not hold: exit 2, a sentence" bash -c "test $code -eq 2 && \
  grep -q '^bgtransfer: $d holds no transfer with the id 99999' '$work/log-unknown.err'"
# --- bandwidth: --limit-rate in curl's syntax, and limit ID RATE while the daemon runs the transfer
"$bgtransfer" get --quiet --limit-rate fast --dir "$work/dl-limit" --state "$d" "$(sample 2 1)" > /dev/null \
  2> "$work/limit-bad.err"; code=$?
check "a --limit-rate that is no rate: exit 2 with a sentence, nothing started" bash -c "test $code -eq 2 && \
  grep -q '^bgtransfer: --limit-rate: \"fast\" is no rate' '$work/limit-bad.err' && test ! -e '$work/dl-limit'"
"$bgtransfer" get --quiet --limit-rate 50k --dir "$work/dl-limit" --state "$d" "$(sample 2 1)" > "$work/limit.out" 2>&1 &
limited=$!
wait_for 60 part_above "$work/dl-limit/$(basename "$(sample 2 1)").part" 60000
idl=$("$bgtransfer" list --state "$d" | grep -F "$work/dl-limit" | cut -f1)
check "get --limit-rate 50k: the daemon holds the download to it" bash -c \
  "test \$(stat -c %s '$work/dl-limit/$(basename "$(sample 2 1)").part') -lt 400000"
"$bgtransfer" limit --state "$d" "$idl" 0 > /dev/null 2>&1; code=$?
wait "$limited"; limited_code=$?
check "limit ID 0 lifts it at once: exit 0, and the get completes with the right SHA-256" bash -c \
  "test $code -eq 0 && test $limited_code -eq 0 && grep -q '	$(sample 2 2)	$(sample 2 3)\$' '$work/limit.out'"
# --- host and session limits through the daemon, and limit alone, which prints those in force
"$bgtransfer" limit --state "$d" --host Mirror.Example.org 2m > /dev/null 2>&1; host_code=$?
"$bgtransfer" limit --state "$d" --session dev.bgtransfer.cli 300k > /dev/null 2> "$work/limit-session.err"; session_code=$?
"$bgtransfer" limit --state "$d" > "$work/limits.out" 2>&1; code=$?
check "limit --host and --session in the daemon; limit prints them, a line each after the overall one" bash -c \
  "test $host_code -eq 0 && test $session_code -eq 0 && test ! -s '$work/limit-session.err' && test $code -eq 0 && \
  head -1 '$work/limits.out' | grep -q '^overall	' && grep -qx 'host	mirror.example.org	2m' '$work/limits.out' && \
  grep -qx 'session	dev.bgtransfer.cli	300k' '$work/limits.out'"
"$bgtransfer" limit --state "$d" --host 'two words' 1k > /dev/null 2> "$work/limit-host.err"; code=$?
"$bgtransfer" limit --state "$d" --session no.such.session 1k > /dev/null 2> "$work/limit-nosession.err"; session_code=$?
check "limit --host of no host name, --session of no session: exit 2, a sentence each" eval \
  "test $code -eq 2 && grep -q '^bgtransfer: --host: \"two words\" is no host name' '$work/limit-host.err' && \
  no_stack_trace '$work/limit-host.err' && test $session_code -eq 2 && \
  grep -q 'holds no transfer of the session \"no.such.session\"' '$work/limit-nosession.err'"
# lifted: the checks below run at full speed
"$bgtransfer" limit --state "$d" --host mirror.example.org 0 > /dev/null 2>&1
"$bgtransfer" limit --state "$d" --session dev.bgtransfer.cli none > /dev/null 2>&1
"$bgtransfer" get --quiet --dir "$work/dl-daemon3" --state "$d" "$(sample 4 1)" > /dev/null 2>&1 &
getter=$!
wait_for 60 part_above "$work/dl-daemon3/$(basename "$(sample 4 1)").part" 1000000
id4=$("$bgtransfer" list --state "$d" | grep -F "$(sample 4 1)" | cut -f1)
"$bgtransfer" stop --state "$d" "$id4" > /dev/null 2>&1; code=$?
wait "$getter"; getter_code=$?
check "stop ID: its bytes deleted, stopped; the get that waited for it exits 1" bash -c "test $code -eq 0 && test $getter_code -eq 1 && \
  test $(state_of "$id4") = CANCELLED && test ! -e '$work/dl-daemon3/$(basename "$(sample 4 1)").part'"
id1=$("$bgtransfer" list --state "$d" | grep -F "$work/dl-daemon2/" | cut -f1)
"$bgtransfer" remove --state "$d" "$id1" "$id4" > /dev/null 2>&1; code=$?
check "remove ID...: forgotten, the completed file kept" bash -c "test $code -eq 0 && test -z '$(state_of "$id1")$(state_of "$id4")' && \
  test -f '$work/dl-daemon2/sample-1-700KB.bin'"
"$bgtransfer" remove --delete-file --state "$d" "$id5" > /dev/null 2>&1; code=$?
check "remove --delete-file ID: the completed file deleted too" bash -c "test $code -eq 0 && test ! -e '$work/dl-daemon/sample-5-28.6MB.bin'"

# change-url through the daemon: a paused download given another URL of the same file (the sample
# server ignores the query) continues ranged from its bytes there
"$bgtransfer" get --quiet --dir "$work/dl-moved" --state "$d" "$(sample 5 1)" > "$work/moved.out" 2>&1 &
getter=$!
wait_for 60 part_above "$work/dl-moved/sample-5-28.6MB.bin.part" 3000000
idm=$("$bgtransfer" list --state "$d" | grep -F "$work/dl-moved" | cut -f1)
"$bgtransfer" pause --state "$d" "$idm" > /dev/null 2>&1
wait_for 10 bash -c "test \"\$('$bgtransfer' list --state '$d' | grep -P '^$idm\t' | cut -f3)\" = PAUSED"
"$bgtransfer" change-url --state "$d" "$idm" "$(sample 5 1)?moved=1" > "$work/change-url.out" 2>&1; code=$?
check "change-url ID URL exits 0, prints nothing, and list shows the new URL" bash -c "test $code -eq 0 && \
  test ! -s '$work/change-url.out' && '$bgtransfer' list --state '$d' | grep -qF '$(sample 5 1)?moved=1'"
mark_access
"$bgtransfer" start --state "$d" "$idm" > /dev/null 2>&1
wait "$getter"; getter_code=$?
check "started, it completes from the new URL, asked ranged from its bytes, with the right SHA-256" bash -c \
  "test $getter_code -eq 0 && grep -q '	28600000	$(sample 5 3)$' '$work/moved.out' && \
  tail -n '+$((access_mark + 1))' '$work/access.log' | grep -qE '^GET /samples/sample-5-28\.6MB\.bin\?moved=1 bytes=[1-9][0-9]*-'"
"$bgtransfer" change-url --state "$d" "$idm" "$(sample 4 1)" > /dev/null 2> "$work/change-url-done.err"; code=$?
check "change-url of a completed download: exit 2 and a sentence" bash -c "test $code -eq 2 && \
  grep -q 'is complete: its URL can no longer be changed' '$work/change-url-done.err'"

# mirrors through the daemon: the URL given is not on the server (404); the mirror serves the file
missing="$(dirname "$(sample 1 1)")/not-here.bin"
"$bgtransfer" get --quiet --dir "$work/dl-mirror" --state "$d" --mirror "$(sample 1 1)" "$missing" \
  > "$work/mirror.out" 2> "$work/mirror.err"; code=$?
check "get --mirror URL: a URL that fails is left for the mirror, exit 0, the right SHA-256" bash -c "test $code -eq 0 && \
  grep -q '	700000	$(sample 1 3)$' '$work/mirror.out' && test ! -s '$work/mirror.err'"
check "list --json shows the mirror as the transfer's URL and the failing URL among its mirrors" bash -c \
  "'$bgtransfer' list --json --state '$d' | grep -F '$work/dl-mirror' | grep -qF '\"mirrors\":[\"$missing\"]'"
"$bgtransfer" get --quiet --dir "$work/dl-mirror-bad" --state "$d" --mirror "ftp://mirror.example/x.bin" "$(sample 1 1)" \
  > /dev/null 2> "$work/mirror-bad.err"; code=$?
check "a mirror that is no http(s) URL: exit 2 with a sentence, nothing started" bash -c "test $code -eq 2 && \
  grep -q '^bgtransfer: ftp://mirror.example/x.bin cannot be a mirror: ' '$work/mirror-bad.err' && test ! -e '$work/dl-mirror-bad'"

# one writer of the store: the daemon holds the state folder's lock; no second process opens the store
"$bgtransfer" list --no-daemon --state "$d" > "$work/second-writer.out" 2> "$work/second-writer.err"; code=$?
check "a second process (--no-daemon) cannot open the store the daemon holds: exit 1, the sentence, nothing printed" bash -c \
  "test $code -eq 1 && test ! -s '$work/second-writer.out' && grep -q 'another bgtransfer is using the state folder $d' '$work/second-writer.err'"

# a kept copy of SQLite's library that does not load is passed over and replaced (unlinked, not overwritten:
# running daemons have it mapped)
damaged=$(kept_sqlite)
rm -f "$damaged" && printf 'not a library\n' > "$damaged"
"$bgtransfer" get --quiet --dir "$work/dl-damaged-lib" --state "$work/state-damaged-lib" "$(sample 1 1)" \
  > "$work/damaged-lib.out" 2>&1; code=$?
check "a kept copy of SQLite's library that does not load is passed over: the get completes" bash -c \
  "test $code -eq 0 && grep -q '	700000	$(sample 1 3)$' '$work/damaged-lib.out'"
check "and the copy is replaced by the library the driver loaded instead" one_library_kept
"$bgtransfer" daemon stop --state "$work/state-damaged-lib" > /dev/null 2>&1

# daemon stop mid-transfer: the transfer stays under way in the store, and continues when a daemon next starts
"$bgtransfer" get --quiet --dir "$work/dl-daemon4" --state "$d" "$(sample 5 1)" > /dev/null 2> "$work/stopped-client.err" &
getter=$!
wait_for 60 part_above "$work/dl-daemon4/sample-5-28.6MB.bin.part" 3000000
"$bgtransfer" daemon stop --state "$d" > /dev/null 2> "$work/daemon-stop.err"; code=$?
wait "$getter"; getter_code=$?
check "daemon stop exits 0 once the daemon ended, and says so" bash -c "test $code -eq 0 && ! kill -0 '$first_pid' 2>/dev/null && \
  grep -q '^bgtransfer: the daemon for $d (pid $first_pid) stopped' '$work/daemon-stop.err'"
check "the client of a get under way says in a sentence that the daemon stopped" bash -c \
  "test $getter_code -eq 1 && grep -q '^bgtransfer: the daemon for $d stopped before the command ended' '$work/stopped-client.err'"
"$bgtransfer" daemon status --state "$d" > "$work/status-none.out" 2>&1; code=$?
check "daemon status then exits 3: no daemon runs" bash -c "test $code -eq 3 && grep -q '^No bgtransfer daemon runs for $d.' '$work/status-none.out'"
: > "$work/access.log"
mark_access
"$bgtransfer" resume --quiet --state "$d" > "$work/resumed.out" 2>&1; code=$?
ranged=$(continued_ranged && echo yes)
check "the next command starts a daemon that continues the transfer ranged" bash -c "test $code -eq 0 && \
  grep -q '	28600000	$(sample 5 3)$' '$work/resumed.out' && test '$ranged' = yes"

# kill -9 of the daemon mid-transfer, then a client: a new daemon, the transfer continued ranged
k=$work/state-daemon-kill
"$bgtransfer" get --quiet --dir "$work/dl-dkill" --state "$k" "$(sample 5 1)" > /dev/null 2> "$work/killed-client.err" &
getter=$!
wait_for 60 part_above "$work/dl-dkill/sample-5-28.6MB.bin.part" 3000000
killed_pid=$(daemon_pid "$k")
: > "$work/access.log"
kill -9 "$killed_pid"
wait "$getter"; getter_code=$?
check "a client connected when the daemon was killed says so in a sentence, exit 1" bash -c \
  "test $getter_code -eq 1 && grep -q '^bgtransfer: the daemon for $k stopped before the command ended' '$work/killed-client.err'"
check "the killed daemon left its socket behind" test -S "$k/.service/socket"
mark_access
"$bgtransfer" get --quiet --dir "$work/dl-dkill" --state "$k" "$(sample 5 1)" > "$work/dkill.out" 2> "$work/dkill.err"; code=$?
check "the same get after kill -9 of the daemon: the stale socket replaced, exit 0, the right SHA-256" bash -c "test $code -eq 0 && \
  grep -q '	28600000	$(sample 5 3)$' '$work/dkill.out' && test \$(grep -c 'Serving the transfers' '$k/daemon.log') -eq 2"
check "it continued ranged from the bytes the killed daemon wrote" continued_ranged

# idle exit, and back on the next demand
i=$work/state-daemon-idle
BGTRANSFER_IDLE_EXIT=2 "$bgtransfer" list --state "$i" > /dev/null 2>&1
idle_pid=$(daemon_pid "$i")
check "a daemon with a short idle exit runs after its first command" test -n "$idle_pid"
check "it ends by itself once idle that long, and says so in its log" wait_for 20 bash -c \
  "! kill -0 '$idle_pid' 2>/dev/null && grep -q 'Exiting: 2 seconds without transfers under way and without clients' '$i/daemon.log'"
check "its socket went with it" test ! -e "$i/.service/socket"
"$bgtransfer" list --state "$i" > /dev/null 2>&1; code=$?
check "the next command starts it again" bash -c "test $code -eq 0 && test \$(grep -c 'Serving the transfers' '$i/daemon.log') -eq 2"

# two commands at once with no daemon: one daemon, both served
r=$work/state-daemon-race
"$bgtransfer" get --quiet --dir "$work/dl-race1" --state "$r" "$(sample 1 1)" > "$work/race1.out" 2>&1 &
racer=$!
"$bgtransfer" get --quiet --dir "$work/dl-race2" --state "$r" "$(sample 2 1)" > "$work/race2.out" 2>&1; code=$?
wait "$racer"; racer_code=$?
check "two gets racing to start the daemon both complete" bash -c "test $code -eq 0 && test $racer_code -eq 0 && \
  grep -q '	700000	$(sample 1 3)$' '$work/race1.out' && grep -q '	$(sample 2 2)	$(sample 2 3)$' '$work/race2.out'"
check "one daemon serves the folder (the lock decided)" bash -c "test \$(grep -c 'Serving the transfers' '$r/daemon.log') -eq 1"

# a daemon of another version: an idle one makes way, a busy one leaves the command to the launcher's process
fake_daemon() { # STATE PROTOCOL BUILD idle|busy
  perl "$repo/tests/dev.bgtransfer.app.tests/fake-daemon.pl" "$1/.service/socket" "$2" "$3" "$4" > "$1.fake" 2>&1 &
  pids+=($!)
  wait_for 10 test -S "$1/.service/socket"
}
v=$work/state-daemon-v2
fake_daemon "$v" 2 0.0.1.old idle
"$bgtransfer" get --quiet --dir "$work/dl-v2" --state "$v" "$(sample 1 1)" > "$work/v2.out" 2> "$work/v2.err"; code=$?
check "a client finding an idle daemon of another protocol says so in a sentence" grep -q \
  "^bgtransfer: the daemon for $v is of another version (build 0.0.1.old, wire protocol 2; this bgtransfer speaks 3); it was idle and makes way for a new one.$" "$work/v2.err"
check "asked it to make way, started its own, and was served by it" bash -c "test $code -eq 0 && grep -qx W '$v.fake' && \
  grep -q '	700000	$(sample 1 3)$' '$work/v2.out' && '$bgtransfer' daemon status --state '$v' | grep -q '(wire protocol 3)'"
vb=$work/state-daemon-v2-busy
fake_daemon "$vb" 2 0.0.1.old busy
"$bgtransfer" get --quiet --dir "$work/dl-v2-busy" --state "$vb" "$(sample 1 1)" > "$work/v2-busy.out" 2> "$work/v2-busy.err"; code=$?
check "a busy daemon of another protocol: the client says why, and the command runs in its own process" bash -c "test $code -eq 0 && \
  grep -q '^bgtransfer: the daemon for $vb is of another version (build 0.0.1.old, wire protocol 2; this bgtransfer speaks 3) and busy (2 transfers under way, 1 other clients), so this command runs in this process instead.$' '$work/v2-busy.err' && \
  grep -q '	700000	$(sample 1 3)$' '$work/v2-busy.out' && test ! -e '$vb/daemon.log'"
"$bgtransfer" daemon status --state "$vb" > "$work/v2-status.out" 2>&1; code=$?
check "daemon status names a daemon of another version" bash -c "test $code -eq 0 && \
  grep -q '^A bgtransfer daemon of another version runs for $vb: pid [0-9]*, build 0.0.1.old, wire protocol 2' '$work/v2-status.out'"
vo=$work/state-daemon-other-build
fake_daemon "$vo" 3 0.0.1.other idle
"$bgtransfer" list --state "$vo" > /dev/null 2> "$work/other-build.err"; code=$?
check "an idle daemon of another build of this protocol makes way too, and the client says so" bash -c "test $code -eq 0 && \
  grep -q '^bgtransfer: the daemon for $vo runs another build (0.0.1.other); it was idle and makes way for this one' '$work/other-build.err'"

# a daemon that cannot start (its socket's path would be longer than Unix-domain sockets allow):
# the command runs in its own process after all, and says why in one line
long_state=$work/state-$(printf 'x%.0s' {1..100})
"$bgtransfer" get --quiet --dir "$work/dl-long" --state "$long_state" "$(sample 1 1)" > "$work/long.out" 2> "$work/long.err"; code=$?
check "when no daemon can start, the command runs by itself and says so, naming the daemon's log" bash -c "test $code -eq 0 && \
  grep -q '	700000	$(sample 1 3)$' '$work/long.out' && test \$(wc -l < '$work/long.err') -eq 1 && \
  grep -q '^bgtransfer: no daemon could start for the state folder (its log is $long_state/daemon.log), so the command runs in this process.$' '$work/long.err'"
check "the daemon's log says why it could not" grep -q "is longer than a Unix-domain socket allows" "$long_state/daemon.log"

# a state folder or socket folder of another user (as root: a folder given to nobody)
if [[ $(id -u) == 0 ]] && id nobody > /dev/null 2>&1; then
  o=$work/state-other-user
  mkdir -p "$o" && chown nobody "$o"
  "$bgtransfer" list --state "$o" > /dev/null 2> "$work/other-user.err"; code=$?
  check "a state folder of another user: exit 2 with a sentence, no daemon started" bash -c "test $code -eq 2 && \
    grep -q '^bgtransfer: $o belongs to another user (nobody); only its owner can use it and reach its daemon' '$work/other-user.err' && \
    test ! -e '$o/.service'"
  os=$work/state-other-socket
  fake_daemon "$os" 3 0.0.1.planted idle
  chown nobody "$os/.service"
  "$bgtransfer" list --state "$os" > /dev/null 2> "$work/other-socket.err"; code=$?
  check "a socket in another user's folder is never talked to: exit 2 with a sentence" bash -c "test $code -eq 2 && \
    grep -q '^bgtransfer: $os/.service belongs to another user (nobody)' '$work/other-socket.err' && ! grep -qx '[RWQ]' '$os.fake'"
else
  echo "skip  folders of another user: needs root"
fi

# --- the command line for scripts, and the store's disk full under a daemon (state folders of their own)
# the disk of the state folder fills up under a daemon (a real 4 MB tmpfs, so as root): what runs goes on, a
# new transfer is refused with the store's sentence and nothing added, and the platform's log (a daemon's is
# STATE/.metadata/.log; Equinox writes to daemon.log instead what finds no room there) says what happened
if [[ $(id -u) -eq 0 ]] && mkdir -p "$work/small-state" && mount -t tmpfs -o size=4m tmpfs "$work/small-state"; then
  small=$work/small-state
  "$bgtransfer" get --quiet --dir "$work/dl-small" --state "$small" "$(sample 1 1)" > /dev/null 2>&1
  "$bgtransfer" get --quiet --dir "$work/dl-small" --state "$small" "$(sample 5 1)" > "$work/small5.out" 2>&1 &
  getter=$!
  wait_for 60 part_above "$work/dl-small/sample-5-28.6MB.bin.part" 1000000
  head -c 8M /dev/zero > "$small/filler" 2> /dev/null
  "$bgtransfer" get --quiet --dir "$work/dl-small" --state "$small" "$(sample 2 1)" > /dev/null 2> "$work/small2.err"; code=$?
  check "a new transfer on a full state disk: exit 1, the store's sentence, nothing added" bash -c "test $code -eq 1 && \
    grep -q '^bgtransfer: Could not save transfer [0-9]*: the disk of the state folder .* is full. Free some space on it.$' \
    '$work/small2.err' && ! '$bgtransfer' list --state '$small' | grep -qF '$(sample 2 1)'"
  wait "$getter"; code=$?
  check "the transfer under way completes all the same, with its SHA-256" bash -c \
    "test $code -eq 0 && grep -q '	$(sample 5 2)	$(sample 5 3)$' '$work/small5.out'"
  rm -f "$small/filler"
  "$bgtransfer" get --quiet --dir "$work/dl-small" --state "$small" "$(sample 2 1)" > /dev/null 2>&1; code=$?
  check "with room again, transfers are added, the platform's log says when the store refused and took changes again" \
    bash -c "test $code -eq 0 && grep -q 'The transfer store records changes again' '$small/.metadata/.log' && \
    cat '$small/.metadata/.log' '$small/daemon.log' | grep -q 'The transfer store refuses to record changes' && \
    test \$('$bgtransfer' list --state '$small' | grep -c COMPLETED) -eq 3"
  "$bgtransfer" daemon stop --state "$small" > /dev/null 2>&1
  umount "$small" || umount -l "$small"
else
  echo "skip  the store's disk full under a daemon: needs root (a tmpfs)"
fi

# what scripts drive the command line with, through a daemon: URLs on standard input (-i -), -o NAME,
# wait ID..., list --json
s=$work/state-scripts
printf '%s\n  sha256=%s\n# a comment\n%s\n' "$(sample 1 1)" "$(sample 1 3)" "$(sample 2 1)" |
  "$bgtransfer" get --quiet --dir "$work/dl-scripts" --state "$s" -i - > "$work/scripts.out" 2> "$work/scripts.err"; code=$?
check "get -i - downloads the URLs of standard input, a sha256= line checked, through the daemon" bash -c \
  "test $code -eq 0 && test \$(wc -l < '$work/scripts.out') -eq 2 && grep -q '	700000	$(sample 1 3)$' '$work/scripts.out' && \
  grep -q '	$(sample 2 2)	$(sample 2 3)$' '$work/scripts.out' && grep -q 'Serving the transfers of $s' '$s/daemon.log'"
printf '%s\n  sha256=%s\n' "$(sample 3 1)" "$(printf '0%.0s' {1..64})" |
  "$bgtransfer" get --quiet --dir "$work/dl-scripts" --state "$s" -i - > /dev/null 2> "$work/scripts-bad.err"; code=$?
check "a file whose bytes do not match its sha256= line fails: exit 1, its URL and why" bash -c \
  "test $code -eq 1 && grep -q '^$(sample 3 1): ' '$work/scripts-bad.err'"
printf 'not a URL at all\n' | "$bgtransfer" get --state "$s" -i - > /dev/null 2> "$work/scripts-usage.err"; code=$?
check "a line of standard input that is no URL: a sentence naming standard input, exit 2" bash -c \
  "test $code -eq 2 && head -1 '$work/scripts-usage.err' | grep -q '^bgtransfer: standard input, line 1: one file a line, its URL and any mirrors'"
"$bgtransfer" list --json --state "$s" > "$work/scripts.json"; code=$?
check "list --json: a JSON object a line, which a JSON reader reads" bash -c "test $code -eq 0 && \
  test \$(wc -l < '$work/scripts.json') -eq 3 && python3 -c 'import json, sys; [json.loads(line) for line in open(sys.argv[1])]' \
  '$work/scripts.json' && grep -q '\"sha256\":\"$(sample 1 3)\"' '$work/scripts.json'"
"$bgtransfer" get --quiet --dir "$work/dl-scripts-o" --state "$s" -o chosen.bin "$(sample 1 1)" > "$work/scripts-o.out" 2>&1; code=$?
check "get -o NAME names the file, as curl's -o does" bash -c \
  "test $code -eq 0 && grep -qx '$work/dl-scripts-o/chosen.bin	$(sample 1 2)	$(sample 1 3)' '$work/scripts-o.out'"
"$bgtransfer" get --quiet --dir "$work/dl-scripts-wait" --state "$s" "$(sample 5 1)" > /dev/null 2>&1 &
getter=$!
wait_for 60 part_above "$work/dl-scripts-wait/sample-5-28.6MB.bin.part" 1000000
id5=$("$bgtransfer" list --json --state "$s" | grep -F "\"url\":\"$(sample 5 1)\"" | sed 's/^{"id":\([0-9]*\),.*/\1/')
"$bgtransfer" wait --quiet --state "$s" "$id5" > /dev/null 2>&1 &
waiter=$!
sleep 1
kill "$waiter"; wait "$waiter" 2>/dev/null
sleep 1
check "a wait given up leaves the transfer it waited for running (unlike a get's own)" bash -c \
  "'$bgtransfer' list --json --state '$s' | grep -F '\"url\":\"$(sample 5 1)\"' | grep -q '\"state\":\"RUNNING\"'"
"$bgtransfer" wait --quiet --state "$s" "$id5" > "$work/scripts-wait.out" 2>&1; code=$?
wait "$getter"
check "wait ID, from a second client, ends when the first one's download completed, with get's line" bash -c \
  "test $code -eq 0 && grep -q '	$(sample 5 2)	$(sample 5 3)$' '$work/scripts-wait.out'"
# bash completion, as a person loads it (source <(bgtransfer completion)) and presses Tab
completions() { # WORD...: what Tab offers after these words, one a line
  bash -c 'source <("$1" completion) && COMP_WORDS=("${@:2}") && COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) &&
    _bgtransfer && printf "%s\n" "${COMPREPLY[@]}"' completions "$bgtransfer" "$@"
}
check "completion offers the commands" test "$(completions bgtransfer re | tr '\n' ' ')" = "resume remove "
check "completion offers a command's options" test "$(completions ./bgtransfer list -- | tr '\n' ' ')" = \
  "--state --json --no-daemon "
check "completion offers the ids the daemon holds, for wait and the operations by id" test \
  "$(completions "$bgtransfer" wait --state "$s" '' | tr '\n' ' ')" = \
  "$("$bgtransfer" list --state "$s" | cut -f1 | grep -E '^[0-9]+$' | tr '\n' ' ')" # not a failure's line
"$bgtransfer" daemon stop --state "$s" > /dev/null 2>&1
no_ids_and_no_daemon() { [[ -z $(completions bgtransfer stop --state "$s" '') ]] && ! "$bgtransfer" daemon status --state "$s" > /dev/null 2>&1; }
check "and none, starting no daemon, where none runs" no_ids_and_no_daemon

# --- a full disk (a 1 MB tmpfs, so root only): the get waits, bounded by --wait-for-space, then fails
full=$work/full-disk
mkdir -p "$full"
if mount -t tmpfs -o size=1m tmpfs "$full" 2>/dev/null; then
  start=$SECONDS
  "$bgtransfer" get --wait-for-space 2 --dir "$full/dl" --state "$work/state-full" "$(sample 2 1)" \
    > "$work/full.out" 2> "$work/full.err"; code=$?
  check "a get into a full disk exits 1" test $code -eq 1 -a ! -s "$work/full.out"
  check "it said what it waits for" grep -q "^$(sample 2 1): Waiting for disk space: about .* MB more needed on $full (tmpfs)\." "$work/full.err"
  check "then it failed with no space" grep -q "^$(sample 2 1): There is no space left for $full/dl/sample-2-2.4MB.bin.part\.$" "$work/full.err"
  check "the partial file is kept, nothing under the final name" \
    test "$(ls "$full/dl")" = "sample-2-2.4MB.bin.part" -a -s "$full/dl/sample-2-2.4MB.bin.part"
  check "--wait-for-space 2 ends the wait" test $((SECONDS - start)) -lt 30
  check "no stack trace on stderr" no_stack_trace "$work/full.err"
  umount "$full"
else
  echo "skip  a full disk: mounting a tmpfs needs root"
fi

# --- the workbench under Xvfb: starts, adds the five samples, a screenshot, a clean log; its background
# sessions go to the daemon of the default state folder, which ./bgtransfer starts for it
if [[ -n ${DISPLAY:-} ]]; then
  default_state=$XDG_STATE_HOME/bgtransfer
  check "no daemon runs for the default state folder before the workbench starts" test -z "$(daemon_pid "$default_state")"
  "$bgtransfer" > "$work/workbench.out" 2>&1 &
  wb=$!; pids+=($wb)
  workspace=$XDG_DATA_HOME/bgtransfer/workspace
  store=$workspace/.metadata/.plugins/dev.bgtransfer.persistence
  wait_for 90 test -f "$store/transfers.db"
  sleep 8 # let the window paint
  xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng > "$target/workbench.png"
  check "the workbench is running" kill -0 $wb
  check "a screenshot was saved to target/workbench.png" test -s "$target/workbench.png"
  wb_daemon=$(daemon_pid "$default_state")
  check "./bgtransfer started the daemon of the default state folder for the workbench" test -n "$wb_daemon"
  wb_java=$(pgrep -P $wb -f dev.bgtransfer.app.workbench)
  check "the workbench's JVM is given the daemon's API socket" \
    grep -qzxF -- "-Ddev.bgtransfer.daemon.socket=$default_state/.service/api" "/proc/$wb_java/cmdline"
  # the composite service of the workbench connects once the Downloads view lists the transfers: that
  # it counts here shows that the composite is registered, is the service the view uses, and reached the daemon
  check "daemon status counts the workbench as a client of the API" wait_for 30 bash -c \
    "'$bgtransfer' daemon status --state '$default_state' | grep -q '^api:        $default_state/.service/api, 1 clients'"
  check "the workbench did not fall back to running background sessions itself" \
    bash -c "! grep -q 'Background sessions run in this application' '$work/workbench.out'"
  "$bgtransfer" get --quiet --dir "$work/dl-wb" "$(sample 5 1)" > "$work/wb-get.out" 2>&1 &
  wb_getter=$!
  wait_for 60 part_above "$work/dl-wb/sample-5-28.6MB.bin.part" 1000000
  kill $wb; wait $wb 2>/dev/null
  check "the workbench's JVM ended with its launcher" bash -c "! kill -0 '$wb_java' 2>/dev/null"
  check "the daemon stays once the workbench exited, no longer counting it" bash -c "kill -0 '$wb_daemon' && \
    '$bgtransfer' daemon status --state '$default_state' | grep -q '^api: .*, 0 clients'"
  wait "$wb_getter"; code=$?
  check "the transfer under way in the daemon completes" bash -c "test $code -eq 0 && grep -q '	$(sample 5 3)$' '$work/wb-get.out'"
  check "then the daemon ends by itself once idle, and says so in its log" wait_for 60 bash -c \
    "! kill -0 '$wb_daemon' 2>/dev/null && grep -q 'Exiting: 30 seconds without transfers' '$default_state/daemon.log'"
  check "the workbench log has no errors" bash -c "! grep -q '^!ENTRY [^ ]* 4 ' '$workspace/.metadata/.log' 2>/dev/null"
  "$bgtransfer" list --no-daemon --state "$store" > "$work/samples-list.out" 2>&1
  check "the first start added the five samples, not started" test "$(grep -c 'CANCELLED.*/samples/sample-' "$work/samples-list.out")" -eq 5
  check "no daemon was started in the workbench's store folder" test ! -e "$store/.service"

  # --- what finished while no workbench ran (issue 15): a person adds a download of a throttled sample
  # (a server of this test's, not the workbench's own, which ends with it) through the view's Add dialog,
  # closes the workbench with File > Exit, the daemon completes the file, and the next start shows the
  # row Ready and the notification of what finished meanwhile. xdotool plays the person; with no window
  # manager the window sits at 0,0 and keyboard focus follows the pointer.
  if command -v xdotool > /dev/null; then
    "$bgtransfer" samples --rate 240000 > "$work/slow-samples.txt" 2> "$work/slow-samples.err" &
    pids+=($!)
    wait_for 60 test -s "$work/slow-samples.txt"
    away_url=$(sed -n 2p "$work/slow-samples.txt" | cut -f1) away_sha=$(sed -n 2p "$work/slow-samples.txt" | cut -f3)
    away_file=$HOME/Downloads/${away_url##*/}
    export BGTRANSFER_VM_ARGS="-Duser.home=$HOME" # the person's home: downloads go to $HOME/Downloads
    start_workbench() { # LOG: starts ./bgtransfer, sets wb and wb_java, waits until its view reached the daemon
      "$bgtransfer" > "$1" 2>&1 &
      wb=$!; pids+=($wb)
      wait_for 90 bash -c "'$bgtransfer' daemon status --state '$default_state' 2>/dev/null | grep -q '^api: .*, 1 clients'"
      wb_java=$(pgrep -P $wb -f dev.bgtransfer.app.workbench)
      sleep 2 # let the window paint
    }
    # the visible windows of the workbench's JVM other than its main window (untitled: the notification)
    untitled_windows() { xdotool search --onlyvisible --pid "$wb_java" 2>/dev/null | while read -r w; do
      [[ -z $(xdotool getwindowname "$w" 2>/dev/null) ]] && echo "$w"; done; }
    a_popup() { test -n "$(untitled_windows)"; }
    in_session() { "$bgtransfer" list 2>/dev/null | grep -qP "^\\d+\\tdownload\\t$1\\t.*\\t\\Q$away_url\\E\\t.*\\tdev\\.bgtransfer\\.workbench\\t"; } # STATE (the session, then resumability)

    start_workbench "$work/workbench-away1.out"
    xdotool mousemove 60 40 click 1 # the Downloads view's tab: the view is active
    sleep 0.5; xdotool key ctrl+F10; sleep 0.5; xdotool key Down; sleep 0.2; xdotool key Return # its menu: Add Download...
    wait_for 20 bash -c "xdotool search --onlyvisible --name '^Add Download\$' > /dev/null"
    xdotool mousemove 400 250; sleep 0.3 # over the dialog
    xdotool type --delay 5 "$away_url"; xdotool key Return
    check "a download added through the view's Add dialog runs in the daemon, in session dev.bgtransfer.workbench" \
      wait_for 20 in_session RUNNING
    xdotool mousemove 400 300; sleep 0.3; xdotool key alt+f; sleep 0.5; xdotool key x # File > Exit
    wait_for 30 bash -c "! kill -0 $wb 2>/dev/null"; wait $wb; code=$?
    check "File > Exit closes the workbench (exit 0)" test "$code" -eq 0
    check "the download is still under way in the daemon with no workbench running" in_session RUNNING
    check "the daemon completes it while no workbench runs" wait_for 60 in_session COMPLETED
    check "the bytes on disk are the sample's (SHA-256)" \
      test "$(sha256sum "$away_file" 2>/dev/null | cut -d' ' -f1)" = "$away_sha"

    start_workbench "$work/workbench-away2.out"
    check "at the next start a notification opens" wait_for 30 a_popup
    sleep 1 # let it paint
    xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng > "$target/workbench-while-away.png"
    check "a screenshot was saved to target/workbench-while-away.png" test -s "$target/workbench-while-away.png"
    check "the daemon lists the download COMPLETED in session dev.bgtransfer.workbench" in_session COMPLETED
    check "the workbench recorded nothing under way any more" \
      grep -qx 'underWay=' "$workspace/.metadata/.plugins/org.eclipse.core.runtime/.settings/dev.bgtransfer.ui.prefs"
    xdotool mousemove 400 300; sleep 0.3; xdotool key alt+f; sleep 0.5; xdotool key x
    wait_for 30 bash -c "! kill -0 $wb 2>/dev/null"; wait $wb
    check "the workbench log still has no errors" bash -c "! grep -q '^!ENTRY [^ ]* 4 ' '$workspace/.metadata/.log' 2>/dev/null"
    unset BGTRANSFER_VM_ARGS
  else
    echo "skip  what finished while no workbench ran: no xdotool"
  fi
else
  echo "skip  the workbench tests: no DISPLAY (run under xvfb-run)"
fi

echo "$passed passed, $failed failed"
((failed == 0))
