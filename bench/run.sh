#!/usr/bin/env bash
# The benchmarks, side by side on throwaway servers:
#   bench/run.sh [N …]     (numbers of tables; default 1000 10000 50000, about 25 minutes on 2 cores)
# 1. pg-flux dump vs pg_dump --schema-only, verify, migrate generate with 0 changes (bin `bench`);
# 2. the language server on a 10,000-file workspace, pg-flux lsp vs postgres-language-server
#    (bin `lsp_bench`; the peer is installed from npm on first use).
# Results go to stdout and bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
[ $# -gt 0 ] || set -- 1000 10000 50000
cargo build --quiet --release -p pg-flux -p pg-flux-tests --bins
cargo run --quiet --release -p pg-flux-tests --bin bench -- "$@"
cargo run --quiet --release -p pg-flux-tests --bin lsp_bench -- 10000
