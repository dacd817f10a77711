#!/usr/bin/env bash
# Runs the local stack's command (up, down or demo) from the built local-stack module; see README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
exec java -XX:+UseSerialGC -Xmx256m -Dsuite.root="$root" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "deploy/local-stack/target/classes:deploy/local-stack/target/lib/*" \
    org.openpayer.bulkexport.stack.cli.SuiteCommand "$@"
