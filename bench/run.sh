#!/usr/bin/env bash
# pg-flux dump vs pg_dump --schema-only, side by side on one throwaway server.
#   bench/run.sh [N …]     (numbers of tables; default 1000 10000)
# Results go to stdout and bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
[ $# -gt 0 ] || set -- 1000 10000
cargo run --quiet --release -p pg-flux-tests --bin bench -- "$@"
