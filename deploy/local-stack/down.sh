#!/usr/bin/env bash
# Stops, by PID, every process up.sh started.
set -euo pipefail
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/stack.sh" down
