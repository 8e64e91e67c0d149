#!/usr/bin/env bash
# `kizuna skills gaps` (the city-wide worst-first report) as a whole process over a
# demo database of 50,000 staff with two dated levels for every required skill.
# Needs hyperfine (Debian: apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
cargo build --release --locked --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work" XDG_CONFIG_HOME="$work" KIZUNA_NOW=2026-11-25
kizuna=$PWD/target/release/kizuna
staff=${STAFF:-50000}
"$kizuna" demo --staff "$staff" --create-only >/dev/null
"$kizuna" --demo skills gaps | head -5
hyperfine --warmup 3 --runs "${RUNS:-30}" --shell=none \
    --command-name "kizuna skills gaps ($staff staff)" "$kizuna --demo skills gaps" \
    --command-name "kizuna skills gaps --org 0102" "$kizuna --demo skills gaps --org 0102"
