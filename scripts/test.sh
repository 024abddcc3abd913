#!/usr/bin/env bash
# The whole test suite, against real PostgreSQL 13–18 (installed offline on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export RUST_BACKTRACE=0
export PGFLUX_TEST_MAJORS="${PGFLUX_TEST_MAJORS:-13,14,15,16,17,18}"
cargo test --workspace --quiet --no-fail-fast "$@"
PGFLUX_FUZZ_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}/fuzz" scripts/fuzz.sh 30
scripts/test-editors.sh
