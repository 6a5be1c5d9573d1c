#!/usr/bin/env bash
# Runs a yrdsim sweep as a Slurm job array: array task I runs shard I/N of the sweep into one
# directory that every node sees; `yrdsim merge` then assembles results.csv (and sensitivity.csv)
# exactly as a single-machine sweep would.
#
# From the repository root, on the login node:
#
#   ./yrdsim --version                          # builds target/yrdsim.jar once
#   ./yrdsim validate scenarios/sweeps/sobol-policy.yaml
#   out=/scratch/$USER/sobol-policy             # any directory on a shared file system
#   job=$(sbatch --parsable --array=0-15 scenarios/sweeps/slurm-array.sh \
#         scenarios/sweeps/sobol-policy.yaml "$out")
#   merge=$(sbatch --parsable --dependency=afterok:$job --output="$out/logs/merge-%j.log" \
#           --wrap "./yrdsim merge $out")
#
# Usage: sbatch --array=0-(N-1) slurm-array.sh SWEEP.yaml OUT_DIR [N]
#   N (the number of shards) defaults to the array's last task id + 1. Give it when resubmitting
#   some tasks only: `sbatch --array=7 slurm-array.sh SWEEP.yaml OUT_DIR 16` reruns shard 7/16,
#   skipping its runs that finished before the task died.
#
# If a task fails or is cancelled, the merge job waits forever (afterok is never met; squeue
# shows it PENDING with reason DependencyNeverSatisfied). Cancel it, rerun the shard, then merge:
#   scancel $merge
#   sbatch --array=7 scenarios/sweeps/slurm-array.sh scenarios/sweeps/sobol-policy.yaml "$out" 16
#   ./yrdsim merge "$out"          # or sbatch --dependency=afterok:<the rerun's job id> ...
#
# Logs: each task writes OUT_DIR/logs/shard-I-of-N.job-JOB_TASK.log (yrdsim's progress lines and
# errors). The logs folder appears once the sweep directory exists: `yrdsim sweep` refuses a
# non-empty directory that is not yet a sweep's, so until then a task keeps its log on the node.
# Slurm's own output file is not needed and goes to /dev/null; a task that fails before the sweep
# directory exists (a bad argument, or an OUT_DIR that belongs to something else) writes its
# error to yrdsim-sweep-JOB_TASK.error in the directory it was submitted from.
#
# Sizing. Each task runs --jobs runs at once, one per CPU it was given. A baseline run at full
# scale needs about 0.5 GB of heap and one core; a run of the two-regions test bed much less.
# The defaults below (2 CPUs, 1 GB each, 4 hours) fit the smallest nodes, so the job starts
# anywhere instead of pending forever on a partition whose nodes have fewer CPUs than asked
# (Slurm then gives no error, only a pending job). To go faster, ask for what a node has:
# `sinfo -o "%P %c %m"` lists CPUs and memory (MB) per node; then, for example,
# `sbatch --cpus-per-task=16 --mem-per-cpu=1G ...` on the command line overrides the lines below.
# More shards (a longer --array) spread the runs over more nodes; shards x runs per shard stays
# the sweep's run count. Set YRDSIM_JAVA_OPTS (for example -Xmx6g) to fit --mem, and load your
# site's Java 17+ module first if `java` is not on the path.
#SBATCH --job-name=yrdsim-sweep
#SBATCH --cpus-per-task=2
#SBATCH --mem-per-cpu=1G
#SBATCH --time=04:00:00
#SBATCH --output=/dev/null
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: sbatch --array=0-(N-1) $0 SWEEP.yaml OUT_DIR [N]" >&2
  exit 2
fi
if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
  echo "$0: not an array task; submit with sbatch --array=0-(N-1)" >&2
  exit 2
fi
sweep=$1
out=$2
shards=${3:-$(( SLURM_ARRAY_TASK_MAX + 1 ))}
shard=$SLURM_ARRAY_TASK_ID
repo=${SLURM_SUBMIT_DIR:-$(pwd)}
task="${SLURM_ARRAY_JOB_ID:-${SLURM_JOB_ID:-0}}_$shard"
if [ "$shard" -ge "$shards" ]; then
  echo "$0: array task $shard is outside $shards shards; use --array=0-$(( shards - 1 ))" \
    > "$repo/yrdsim-sweep-$task.error"
  exit 2
fi

# yrdsim writes to a file on the node until the sweep directory exists, then the whole log is
# copied to OUT_DIR/logs/ and followed there until the shard ends.
early=$(mktemp "${TMPDIR:-/tmp}/yrdsim-sweep-$task.XXXXXX")
trap 'rm -f "$early"' EXIT
"$repo/yrdsim" sweep "$sweep" --out "$out" --shard "$shard/$shards" \
  --jobs "${SLURM_CPUS_PER_TASK:-1}" --quiet > "$early" 2>&1 &
pid=$!
while [ ! -e "$out/sweep.yaml" ] && kill -0 "$pid" 2> /dev/null; do
  sleep 2
done
if [ -e "$out/sweep.yaml" ]; then
  mkdir -p "$out/logs"
  log="$out/logs/shard-$shard-of-$shards.job-$task.log"
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) task $task on $(hostname): shard $shard/$shards of $sweep," \
    "${SLURM_CPUS_PER_TASK:-1} CPUs" > "$log"
  tail -c +1 -f --pid="$pid" "$early" >> "$log"
  wait "$pid"
else
  status=0
  wait "$pid" || status=$?
  cp "$early" "$repo/yrdsim-sweep-$task.error"
  exit "$status"
fi
