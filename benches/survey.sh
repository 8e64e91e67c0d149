#!/usr/bin/env bash
# The work-engagement survey as whole processes: `kizuna survey import` of 50,000 UWES-9
# answers (one respondent a row, over the demo organisation) and `kizuna survey report`
# for one workplace, each alone and one after the other.
# Needs hyperfine and python3 (Debian: apt-get install hyperfine python3).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine python3; do
    command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install $tool)" >&2; exit 2; }
done
cargo build --release --locked --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work" XDG_CONFIG_HOME="$work" KIZUNA_NOW=2026-11-25
kizuna=$PWD/target/release/kizuna
answers=${ANSWERS:-50000}
"$kizuna" demo --staff 1 --create-only >/dev/null
# Answers spread over the workplaces that have staff, by their weight; a fixed seed.
python3 - "$answers" fixtures/demo/organisation.tsv >"$work/answers.csv" <<'PY'
import random, sys
n, org = int(sys.argv[1]), sys.argv[2]
places, weights = [], []
for line in open(org, encoding="utf-8"):
    if line.startswith("#"):
        continue
    cells = line.rstrip("\n").split("\t")
    if len(cells) > 4 and cells[4].isdigit() and int(cells[4]) > 0:
        places.append(cells[0]); weights.append(int(cells[4]))
rng = random.Random(20260401)
print("回答者ID,組織コード,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9")
for i, place in enumerate(rng.choices(places, weights, k=n)):
    print(f"R{i:06},{place}," + ",".join(str(rng.randint(0, 6)) for _ in range(9)))
PY
echo "$(($(wc -l <"$work/answers.csv") - 1)) answers"
"$kizuna" --demo survey import "$work/answers.csv" --fy R8
org=$("$kizuna" --demo survey show --fy R8 | awk -F'\t' 'NR == 3 { print $1 }')
echo "report for $org"
# Importing the same year again replaces it, so every run does the same work.
hyperfine --warmup 2 --runs "${RUNS:-20}" \
    --command-name "kizuna survey import (${answers} answers)" \
    "$kizuna --demo survey import $work/answers.csv --fy R8" \
    --command-name "kizuna survey report" \
    "$kizuna --demo survey report --fy R8 --org $org -o $work/sheet.md" \
    --command-name "import, then report" \
    "$kizuna --demo survey import $work/answers.csv --fy R8 && $kizuna --demo survey report --fy R8 --org $org -o $work/sheet.md"
