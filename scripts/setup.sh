#!/usr/bin/env bash
# Installs what a fresh machine lacks: libclang (pg_query's bindgen), psql, and PostgreSQL
# 13–18 builds plus client tools (scripts/install-postgres.sh). Idempotent.
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
