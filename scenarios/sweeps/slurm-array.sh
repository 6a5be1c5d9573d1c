#!/usr/bin/env bash
# Runs a yrdsim sweep as a Slurm job array: array task I runs shard I/N of the sweep into one
# directory that every node sees; `yrdsim merge` then assembles results.csv (and sensitivity.csv)
# exactly as a single-machine sweep would.
#
# From the repository root, on the login node:
#
#   ./yrdsim --version                          # builds target/yrdsim.jar once
#   out=/scratch/$USER/sobol-policy             # any directory on a shared file system
#   job=$(sbatch --parsable --array=0-15 scenarios/sweeps/slurm-array.sh \
#         scenarios/sweeps/sobol-policy.yaml "$out")
#   sbatch --dependency=afterok:$job --wrap "./yrdsim merge $out"
#
# Usage: sbatch --array=0-(N-1) slurm-array.sh SWEEP.yaml OUT_DIR [N]
#   N (the number of shards) defaults to the array's last task id + 1. Give it when resubmitting
#   some tasks only: `sbatch --array=7 slurm-array.sh SWEEP.yaml OUT_DIR 16` reruns shard 7/16,
#   skipping its runs that finished before the task died.
#
# Each task runs its runs in parallel on its CPUs, one run per CPU. A baseline run at full scale
# needs about 0.5 GB; set YRDSIM_JAVA_OPTS (for example -Xmx6g) to fit --mem. Load your site's
# Java 17+ module first if `java` is not on the path.
#SBATCH --job-name=yrdsim-sweep
#SBATCH --cpus-per-task=8
#SBATCH --mem-per-cpu=1G
#SBATCH --time=04:00:00
#SBATCH --output=yrdsim-sweep-%A_%a.log
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
if [ "$shard" -ge "$shards" ]; then
  echo "$0: array task $shard is outside $shards shards; use --array=0-$(( shards - 1 ))" >&2
  exit 2
fi

repo=${SLURM_SUBMIT_DIR:-$(pwd)}
exec "$repo/yrdsim" sweep "$sweep" --out "$out" --shard "$shard/$shards" \
  --jobs "${SLURM_CPUS_PER_TASK:-1}" --quiet
