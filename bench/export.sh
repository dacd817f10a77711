#!/usr/bin/env bash
# Builds the suite and the benchmark, then measures a bulk export end to end on fresh native servers with the
# synthetic dataset and prints a Markdown report; see README.md. Usage: bench/export.sh [--members N] (default 10000).
# BENCH_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    ./mvnw -B -q -T1 -DskipTests install
fi
# stack.full-jit: every server and service runs with the full JIT, as in production (the local stack stops at C1).
exec java -Xmx1g -XX:+UseSerialGC -Dsuite.root="$root" -Dstack.full-jit=true -Dbench.commit="$(git rev-parse --short HEAD)" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "bench/target/classes:bench/target/lib/*" \
    org.openpayer.bulkexport.bench.export.ExportBenchmark "$@"
