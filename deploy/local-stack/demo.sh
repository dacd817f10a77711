#!/usr/bin/env bash
# Runs the demo export again against the running local stack, with the credentials up.sh wrote.
set -euo pipefail
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/stack.sh" demo
