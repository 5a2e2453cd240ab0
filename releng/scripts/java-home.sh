# Sourced by ./bgtransfer and .ci/run: exports JAVA_HOME as a JDK 21 or newer (Tycho 5 and the
# Eclipse platform need it; Debian's default is 17), preferring the one already set.
# The JDK's release file names its version: read with bash alone it costs well under a
# millisecond, where starting a JVM costs ~0.1 s and each sed a fork (every ./bgtransfer command
# pays this). A JDK without one is asked directly.

# Sets java_version to the major version of the JDK in $1 (0 when it is none).
java_major() {
  java_version=0
  local line
  if [[ -r $1/release ]]; then
    while IFS= read -r line; do
      if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then
        java_version=${BASH_REMATCH[1]}
        return
      fi
    done < "$1/release"
  fi
  if [[ -x $1/bin/java ]]; then
    line=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    java_version=${line:-0}
  fi
}

# Whether $1 is a JDK 21 or newer.
is_recent_jdk() {
  [[ -n $1 && -x $1/bin/java ]] || return 1
  java_major "$1"
  ((java_version >= 21))
}

if ! is_recent_jdk "${JAVA_HOME:-}"; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [[ -x $candidate/bin/javac ]] && is_recent_jdk "$candidate"; then
      export JAVA_HOME=$candidate
      break
    fi
  done
  if ! is_recent_jdk "${JAVA_HOME:-}"; then
    echo "bgtransfer needs a JDK 21 or newer: install one under /usr/lib/jvm or set JAVA_HOME" >&2
    exit 2
  fi
fi
export JAVA_HOME
export PATH=$JAVA_HOME/bin:$PATH
