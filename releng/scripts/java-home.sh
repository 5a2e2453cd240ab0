# Sourced by ./bgtransfer and .ci/run: exports JAVA_HOME as a JDK 21 or newer (Tycho 5 and the
# Eclipse platform need it; Debian's default is 17), preferring the one already set.
# The JDK's release file names its version; reading it costs nothing, starting a JVM ~0.1 s (which
# every ./bgtransfer command would pay). A JDK without one is asked directly.
java_major() {
  local version
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  [[ -n $version ]] || version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
  echo "${version:-0}"
}
if [[ -z ${JAVA_HOME:-} || ! -x $JAVA_HOME/bin/java || $(java_major "$JAVA_HOME") -lt 21 ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [[ -x $candidate/bin/javac && $(java_major "$candidate") -ge 21 ]]; then
      export JAVA_HOME=$candidate
      break
    fi
  done
fi
if [[ -z ${JAVA_HOME:-} || ! -x $JAVA_HOME/bin/java || $(java_major "$JAVA_HOME") -lt 21 ]]; then
  echo "bgtransfer needs a JDK 21 or newer: install one under /usr/lib/jvm or set JAVA_HOME" >&2
  exit 2
fi
export JAVA_HOME
export PATH=$JAVA_HOME/bin:$PATH
