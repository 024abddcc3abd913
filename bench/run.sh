#!/usr/bin/env bash
# The benchmarks, side by side on throwaway servers:
#   bench/run.sh [N …]     (numbers of tables; default 1000 10000 50000, about 25 minutes on 2 cores)
# 1. pg-flux dump vs pg_dump --schema-only, verify, migrate generate with 0 changes (bin `bench`);
# 2. the language server (bin `lsp_bench`), 10,000 files/tables:
#    a. on a generated workspace without a database, pg-flux lsp vs postgres-language-server
#       (the peer is installed from npm on first use);
#    b. pg-flux lsp with a database: a dumped 10,000-table workspace, a live database and drift
#       checking in a throwaway shadow cluster (first drift check, pg-flux.refresh, save → drift).
#       A save loads only the changed file and what it touches into the shadow (a partial load).
# 3. issue 20's table of targets, from the newest results (bin `bench_targets`).
# Results go to stdout and bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
[ $# -gt 0 ] || set -- 1000 10000 50000
cargo build --quiet --release -p pg-flux -p pg-flux-tests --bins
cargo run --quiet --release -p pg-flux-tests --bin bench -- "$@"
cargo run --quiet --release -p pg-flux-tests --bin lsp_bench -- 10000
# Issue 20's targets, the figures it started from beside the ones just measured.
cargo run --quiet --release -p pg-flux-tests --bin bench_targets
