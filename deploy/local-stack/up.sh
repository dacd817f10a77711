#!/usr/bin/env bash
# Builds the suite (Maven fetches everything, including the PostgreSQL, Kafka and S3 servers), starts it with the
# demo payer data and runs a demo export end to end. Needs only a JDK 17. Stop it with down.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -B -q -T1 install -DskipTests
exec "$root/deploy/local-stack/stack.sh" up
