#!/usr/bin/env bash
# `kizuna serve` under load (benches/serve.rs), several times over, to show how much the
# figures move between whole runs on this machine: each run makes a new demo database
# and server, and prints its own spread over SERVE_RUNS rounds. TIMES runs (default 2);
# SERVE_FIND=0, SERVE_STAFF, SERVE_CLIENTS and SERVE_RUNS pass through to the bench.
set -euo pipefail
cd "$(dirname "$0")/.."
times=${TIMES:-2}
cargo bench --bench serve --no-run --quiet
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for i in $(seq 1 "$times"); do
    echo "== run $i of $times"
    cargo bench --bench serve --quiet >"$log" 2>&1 || { cat "$log"; exit 1; }
    cat "$log"
done
