#!/usr/bin/env bash
# Runs `yrdsim atlas` as a Slurm job array, the way slurm-array.sh runs a sweep: array task I
# runs shard I/N of the atlas (its share of the comparison's runs, of the channel decomposition's
# and of the Sobol sweep's, each shared as sweep shards share theirs) into one directory that
# every node sees; a last job, the same command without --shard, finds the runs complete and
# writes atlas.csv, channels.csv, sensitivity.csv and the report exactly as one machine would.
#
# From the repository root, on the login node:
#
#   ./yrdsim --version                          # builds target/yrdsim.jar once
#   out=/scratch/$USER/atlas                    # any directory on a shared file system
#   job=$(sbatch --parsable --array=0-15 scenarios/sweeps/atlas-slurm-array.sh "$out")
#   sbatch --dependency=afterok:$job --output="$out.logs/assemble-%j.log" \
#          --wrap "./yrdsim atlas --out $out --quiet"
#
# Usage: sbatch --array=0-(N-1) atlas-slurm-array.sh OUT_DIR [N [ATLAS OPTIONS...]]
#   N defaults to the array's last task id + 1; give it when resubmitting some tasks only
#   (`sbatch --array=7 atlas-slurm-array.sh OUT_DIR 16` reruns shard 7/16, keeping its finished
#   runs). Options after N (--replications, --parameter-draws, --set ...) go to every shard and
#   must be given to the assembling command too: a shard of other options is refused.
#
# Logs: each task writes OUT_DIR.logs/shard-I-of-N.job-JOB_TASK.log (beside the atlas directory,
# which must hold nothing but yrdsim's files). Sizing as in slurm-array.sh: a full-size run needs
# about 0.5 GB of heap and one core; --jobs follows --cpus-per-task.
#SBATCH --job-name=yrdsim-atlas
#SBATCH --cpus-per-task=2
#SBATCH --mem-per-cpu=1G
#SBATCH --time=04:00:00
#SBATCH --output=/dev/null
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: sbatch --array=0-(N-1) $0 OUT_DIR [N [ATLAS OPTIONS...]]" >&2
  exit 2
fi
if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
  echo "$0: not an array task; submit with sbatch --array=0-(N-1)" >&2
  exit 2
fi
out=$1
shards=${2:-$(( SLURM_ARRAY_TASK_MAX + 1 ))}
shift $(( $# < 2 ? $# : 2 ))
shard=$SLURM_ARRAY_TASK_ID
repo=${SLURM_SUBMIT_DIR:-$(pwd)}
task="${SLURM_ARRAY_JOB_ID:-${SLURM_JOB_ID:-0}}_$shard"
if [ "$shard" -ge "$shards" ]; then
  echo "$0: array task $shard is outside $shards shards; use --array=0-$(( shards - 1 ))" >&2
  exit 2
fi
mkdir -p "$out.logs"
cd "$repo"
exec "$repo/yrdsim" atlas --out "$out" --shard "$shard/$shards" --jobs "${SLURM_CPUS_PER_TASK:-1}" --quiet "$@" \
  > "$out.logs/shard-$shard-of-$shards.job-$task.log" 2>&1
