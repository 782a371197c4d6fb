#!/usr/bin/env bash
# Every output termkit writes on the reference inputs, into one folder, so that two versions of
# the code can be compared byte for byte (refactors must not change them):
#
#     bash bench/outputs.sh /tmp/before      # on the old code
#     bash bench/outputs.sh /tmp/after       # on the new code
#     diff -r /tmp/before /tmp/after && echo identical
#
# The run folder, mine JSONL and CSV, check JSON/HTML/CSV, lookup JSON, export TBX v2/v3 CSV XLSX
# (XLSX unzipped, without its dates), align beads on MAC-Dev when ../shared is there, align TMX on
# the UNPC dev set (without its creation date).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: bench/outputs.sh OUT_DIR}"
rm -rf "$out" && mkdir -p "$out"
g=glossaries/un-drug-control.csv
termkit -q run seeds -g "$g" -o "$out/run" --fail-on never
termkit -q mine seeds -g "$g" -o "$out/mine.jsonl"
termkit -q mine seeds -o "$out/mine-no-glossary.csv"
termkit -q check seeds -g "$g" -o "$out/check/" --fail-on never
termkit -q check seeds -o "$out/check-no-glossary.json" --fail-on never
termkit -q lookup 艾滋病病毒 'money laundering' 芬坦尼 fentanil 'ai zi bing du' -g "$g" --format json > "$out/lookup.jsonl"
termkit -q export "$g" -o "$out/export-v3.tbx"
termkit -q export "$g" -o "$out/export-v2.tbx" --tbx-version 2
termkit -q export "$g" -o "$out/export-wide.csv"
termkit -q export "$g" -o "$out/export-long.csv" --shape long
termkit -q export "$g" -o "$out/export.xlsx" && mkdir "$out/export.xlsx.d" && (cd "$out/export.xlsx.d" && python -m zipfile -e ../export.xlsx . ) && rm "$out/export.xlsx" "$out/export.xlsx.d/docProps/core.xml"  # its dates
termkit -q segment seeds -o "$out/segments.tsv"
mac=../shared/data/align/mac-dev
if [ -d "$mac" ]; then
    for f in "$mac"/zh/*; do
        n=$(basename "$f")
        termkit -q align "$mac/en/$n" "$mac/zh/$n" --presplit --src-lang zh --format beads -o "$out/mac-$n.beads"
    done
fi
termkit -q align tests/data/unpc/UNv1.0.devset.en tests/data/unpc/UNv1.0.devset.zh -o "$out/unpc.tmx"
sed -i 's/ creationdate="[0-9TZ]*"//' "$out/unpc.tmx"  # the one date in these outputs
for x in "$out"/run/report.xlsx "$out"/check/report.xlsx; do  # unzipped, without their dates
    [ -f "$x" ] && mkdir "$x.d" && (cd "$x.d" && python -m zipfile -e "../$(basename "$x")" .) && rm "$x" "$x.d/docProps/core.xml"
done
