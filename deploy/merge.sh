#!/bin/sh
# The sweep's last step, after every pod of the Indexed Job has finished: merges
# RESULTS/shard-1-of-N.json … shard-N-of-N.json into RESULTS/sweep.json and RESULTS/sweep.csv,
# exactly what one machine computes for the whole seed range, and prints the summary. Exits with the CLI's code (2 when the
# shards do not belong together); refuses at once when a shard file is missing.
#   SHARDS   the sweep Job's completions
#   RESULTS  the folder the shard files are in; the merged files go there too
set -eu

refuse() {
  echo "merge: $1" >&2
  exit 2
}

[ -n "${SHARDS:-}" ] || refuse "SHARDS is not set: give the number of shards, the sweep Job's completions."
[ -n "${RESULTS:-}" ] || refuse "RESULTS is not set: give the folder the shard files are in."
case "$SHARDS" in
  '' | *[!0-9]* | 0) refuse "SHARDS must be a whole number from 1, got \"$SHARDS\"." ;;
esac
[ -d "$RESULTS" ] || refuse "RESULTS ($RESULTS) is not a folder: is the results volume mounted?"
RESULTS=$(cd "$RESULTS" && pwd)

missing=''
count=0
i=1
set --
while [ "$i" -le "$SHARDS" ]; do
  file="$RESULTS/shard-$i-of-$SHARDS.json"
  if [ -f "$file" ]; then
    set -- "$@" "$file"
  else
    count=$((count + 1))
    [ "$count" -gt 10 ] || missing="$missing shard-$i-of-$SHARDS.json"
  fi
  i=$((i + 1))
done
[ "$count" -eq 0 ] ||
  refuse "$count of $SHARDS shard files are missing from $RESULTS (${missing# }$([ "$count" -le 10 ] || echo ' …')): has the sweep Job completed?"

cd "$(dirname "$0")/.."
echo "merge: $SHARDS shards into $RESULTS/sweep.json and sweep.csv" >&2
npm run --silent sweep -- --merge "$@" --json --out "$RESULTS/sweep.json"
npm run --silent sweep -- --merge "$@" --csv --out "$RESULTS/sweep.csv"
# The summary in words, for the merge Job's log.
npm run --silent sweep -- --merge "$@"
