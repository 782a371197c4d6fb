#!/usr/bin/env bash
# Fuzz every reader for SECONDS each (default 600) and keep the logs; crashes land as crash-* files.
set -u
cd "$(dirname "$0")/.."
seconds=${1:-600}
mkdir -p fuzz/logs
for target in ${TARGETS:-tbx tmx xliff csv txt xlsx sheet jsonl}; do
  echo "== $target ($seconds s)"
  (cd fuzz/logs && python ../fuzz_readers.py "$target" -max_total_time="$seconds" -rss_limit_mb=4096 \
      -artifact_prefix="crash-$target-" > "$target.log" 2>&1)
  echo "exit $?; $(grep -c '^#' "fuzz/logs/$target.log") status lines; last: $(grep -E '^#[0-9]+' "fuzz/logs/$target.log" | tail -1)"
done
