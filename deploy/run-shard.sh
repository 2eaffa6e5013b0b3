#!/bin/sh
# One pod of the sweep's Indexed Job: runs shard JOB_COMPLETION_INDEX + 1 of SHARDS (Kubernetes
# numbers pods from 0, the CLI's shards from 1) and writes RESULTS/shard-I-of-N.json. Exits with the
# CLI's code: 2 for bad input (the Job fails that index at once instead of retrying it).
#   JOB_COMPLETION_INDEX  set by Kubernetes in each pod of an Indexed Job (completionMode: Indexed)
#   SHARDS                the Job's completions
#   SEEDS                 the whole seed range, e.g. 1-1000000 (every pod gets the same one)
#   EXPERIMENT            a scenario id, scenario.json or experiment.json (the lab's Share > Save as file)
#   RESULTS               the folder for the shard files, on a volume every pod and the merge share
#   YEARS or DURATION_S   optional: the horizon in hardware years, or in simulated seconds
#   DURABILITY            optional: true runs faults, detection and repair only (no request traffic)
#   WORKERS               optional: worker threads (the pod's CPU limit; default: the CLI's)
set -eu

refuse() {
  echo "run-shard: $1" >&2
  exit 2
}

is_count() {
  case "$1" in
    '' | *[!0-9]*) return 1 ;;
    *) return 0 ;;
  esac
}

[ -n "${JOB_COMPLETION_INDEX:-}" ] || refuse "JOB_COMPLETION_INDEX is not set: Kubernetes sets it in each pod of an Indexed Job (completionMode: Indexed); to run shard i of n by hand, set it to i - 1."
[ -n "${SHARDS:-}" ] || refuse "SHARDS is not set: give the number of shards, the Job's completions."
[ -n "${SEEDS:-}" ] || refuse "SEEDS is not set: give the whole seed range, e.g. SEEDS=1-10000."
[ -n "${EXPERIMENT:-}" ] || refuse "EXPERIMENT is not set: give a scenario id or the path of a scenario or experiment file."
[ -n "${RESULTS:-}" ] || refuse "RESULTS is not set: give the folder the shard files go to (a volume shared with the merge)."
if ! { is_count "$SHARDS" && [ "$SHARDS" -ge 1 ]; }; then
  refuse "SHARDS must be a whole number from 1, got \"$SHARDS\"."
fi
if ! { is_count "$JOB_COMPLETION_INDEX" && [ "$JOB_COMPLETION_INDEX" -lt "$SHARDS" ]; }; then
  refuse "JOB_COMPLETION_INDEX must be a whole number from 0 to SHARDS - 1 = $((SHARDS - 1)), got \"$JOB_COMPLETION_INDEX\": does the Job's completions equal SHARDS?"
fi
case "${DURABILITY:-false}" in
  true | 1) durability=true ;;
  false | 0 | '') durability=false ;;
  *) refuse "DURABILITY must be true or false, got \"$DURABILITY\"." ;;
esac

# The CLI runs from the app's folder: make the paths given absolute first.
mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
[ ! -f "$EXPERIMENT" ] || EXPERIMENT="$(cd "$(dirname "$EXPERIMENT")" && pwd)/$(basename "$EXPERIMENT")"

shard=$((JOB_COMPLETION_INDEX + 1))
# --progress: a line every few seconds in the pod's log (seeds done, rate, time left).
set -- "$EXPERIMENT" --seeds "$SEEDS" --shard "$shard/$SHARDS" --json --out "$RESULTS/shard-$shard-of-$SHARDS.json" --progress
[ -z "${YEARS:-}" ] || set -- "$@" --years "$YEARS"
[ -z "${DURATION_S:-}" ] || set -- "$@" --duration "$DURATION_S"
[ "$durability" = false ] || set -- "$@" --durability
[ -z "${WORKERS:-}" ] || set -- "$@" --workers "$WORKERS"

cd "$(dirname "$0")/.."
echo "run-shard: shard $shard of $SHARDS of seeds $SEEDS" >&2
exec npm run --silent sweep -- "$@"
