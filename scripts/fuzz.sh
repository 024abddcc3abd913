#!/usr/bin/env bash
# Fuzzing with cargo fuzz (libFuzzer): the source model (parse and split arbitrary text) and
# the language server's document store (arbitrary edits). `scripts/fuzz.sh [SECONDS]` runs
# each target for SECONDS (default 600, the long run, optimized build); a run under two minutes
# is a smoke run (CI: 30 s) and builds unoptimized, which takes a quarter of the time. A crash
# stops the run, leaves its input in fuzz/artifacts/<target>/ and must become a regression test.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-600}"
command -v cargo-fuzz >/dev/null || cargo install --quiet --locked cargo-fuzz
# cargo fuzz passes -Z flags: allowed on the stable toolchain with RUSTC_BOOTSTRAP.
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${PGFLUX_FUZZ_TARGET_DIR:-$PWD/target}"
# Seeds: the bundled fixtures.
mkdir -p corpus/source_model corpus/document
for f in ../schema-fixtures/*/*.sql; do
  cp "$f" "corpus/source_model/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
done
profile=()
if [ "$seconds" -lt 120 ]; then profile=(--dev); fi
for target in source_model document; do
  log="$CARGO_TARGET_DIR/fuzz-$target.log"
  mkdir -p "$CARGO_TARGET_DIR"
  if cargo fuzz run "${profile[@]}" "$target" "corpus/$target" -- -max_total_time="$seconds" >"$log" 2>&1; then
    echo "fuzz $target: ${seconds}s, $(grep -Eo '#[0-9]+' "$log" | tail -1 | tr -d '#') runs, no crash"
  else
    tail -n 40 "$log"
    echo "fuzz $target: FAILED (input in fuzz/artifacts/$target/)"
    exit 1
  fi
done
