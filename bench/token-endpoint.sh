#!/usr/bin/env bash
# Builds auth-service and the benchmark, then measures auth-service's token endpoint on a fresh PostgreSQL and prints
# a Markdown report; see README.md. Options pass through (--help lists them). BENCH_SKIP_BUILD=1 reuses the last build,
# e.g. to repeat a run or to compare settings on the same jar.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    ./mvnw -B -q -T1 -DskipTests -pl bench,auth-service -am package
fi
# The load generator runs with the full JIT and its own heap; it shares the machine's cores with what it measures.
exec java -Xmx512m -Dsuite.root="$root" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "bench/target/classes:bench/target/lib/*" \
    org.openpayer.bulkexport.bench.TokenEndpointBenchmark "$@"
