#!/usr/bin/env bash
# Runs a main class of the pipelines module (main or test sources) in a JVM set up exactly like
# ./quality's: same heap cap (QUALITY_HEAP, default 6g), same JVM flags from the root pom's
# <jvm.flags>, same log4j config, SPARK_LOCAL_IP=127.0.0.1; the classpath adds the test classes
# and test-scope jars (DuckDB, the benchmark peers). Builds the classpath file when stale.
#   bench/java.sh com.dispatch.quality.cli.QualityCli metrics --lake ... --month ...
#   bench/java.sh com.dispatch.quality.bench.GoldReference <lake> <out.json>
#   bench/java.sh --build          (only compile and write the classpath)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cpfile="$root/bench/work/classpath.txt"
mkdir -p "$root/bench/work"
stale() {
  [ ! -s "$cpfile" ] && return 0
  [ -n "$(find "$root/pom.xml" "$root/domain/pom.xml" "$root/pipelines/pom.xml" "$root/reports/pom.xml" \
      "$root/domain/src" "$root/pipelines/src" "$root/reports/src" -newer "$cpfile" -print -quit 2>/dev/null)" ]
}
if stale; then
  echo "bench: compiling main + test classes and writing the test classpath ..." >&2
  (cd "$root" && mvn -q -B -pl pipelines -am test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile") >&2
fi
flags="$(sed -n 's:.*<jvm.flags>\(.*\)</jvm.flags>.*:\1:p' "$root/pom.xml")"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
cls="$1"; shift
[ "$cls" = --build ] && exit 0
# shellcheck disable=SC2086
exec java -Xmx"${QUALITY_HEAP:-6g}" $flags ${QUALITY_JAVA_OPTS:-} \
  -Dlog4j2.configurationFile="$root/pipelines/src/main/resources/log4j2-cli.properties" \
  -cp "$root/pipelines/target/test-classes:$root/pipelines/target/classes:$(cat "$cpfile")" "$cls" "$@"
