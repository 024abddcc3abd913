#!/usr/bin/env bash
# Sets up and runs the main job: dumps a throwaway PostgreSQL loaded with a bundled fixture.
#   scripts/demo.sh [FIXTURE] [OUTPUT]      (defaults: 01_saas_app ./schema-demo)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo run --quiet -p pg-flux-tests --bin demo -- "$@"
