#!/usr/bin/env bash
# `kizuna search yamada` as a whole process, side by side with `fzf --filter yamada`
# over the same 50,000 people (name, reading, romaji, unit and title per line).
# Needs hyperfine and fzf (Debian: apt-get install hyperfine fzf).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine fzf; do
    command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install $tool)" >&2; exit 2; }
done
cargo build --release --locked --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work" XDG_CONFIG_HOME="$work" KIZUNA_NOW=2026-11-25
kizuna=$PWD/target/release/kizuna
staff=${STAFF:-50000}
"$kizuna" demo --staff "$staff" --create-only >/dev/null
"$kizuna" --demo search --all --limit "$staff" --format json "" |
    python3 -c 'import json,sys
for p in json.load(sys.stdin):
    print("\t".join([p["staff_no"], p["name"], p["reading"], p["romaji"], p["unit"], p["title"] or ""]))' \
    >"$work/names.txt"
echo "$(wc -l <"$work/names.txt") names"
# Both run through the shell (fzf reads its standard input); hyperfine subtracts the
# shell's own start-up from each.
hyperfine --warmup 5 --runs "${RUNS:-40}" \
    --command-name "kizuna search yamada" "$kizuna --demo search yamada" \
    --command-name "fzf --filter yamada" "fzf --filter yamada < $work/names.txt"
