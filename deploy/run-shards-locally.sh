#!/usr/bin/env bash
# The cluster recipe on this machine: the same `batch --shard i/n` commands the Kubernetes
# Indexed Job and the Slurm array run, concurrently with GNU parallel, then `merge` — and a
# byte comparison of the merged dataset with one plain `batch` over the same inputs.
#
#   deploy/run-shards-locally.sh [--shards N] [--work DIR] [INPUT...]
#
# INPUT defaults to Samples/ plus ../shared/corpus/pdf when present. Exits 0 only when every
# file of the merged dataset is byte-identical to the single run's.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shards=4
work=""
while [ $# -gt 0 ]; do
  case $1 in
    --shards) shards=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --) shift; break ;;
    -*) echo "usage: $0 [--shards N] [--work DIR] [INPUT...]" >&2; exit 64 ;;
    *) break ;;
  esac
done
inputs=("$@")
if [ ${#inputs[@]} -eq 0 ]; then
  inputs=("$root/Samples")
  [ -d "$root/../shared/corpus/pdf" ] && inputs+=("$root/../shared/corpus/pdf")
fi
command -v parallel >/dev/null || { echo "run-shards-locally: needs GNU parallel (apt-get install parallel)" >&2; exit 69; }
bin=${BUDGETPDF:-$root/.build/release/budgetpdf}
if [ ! -x "$bin" ]; then
  echo "run-shards-locally: building $bin" >&2
  (cd "$root" && swift build -c release --product budgetpdf >/dev/null)
fi
[ -n "$work" ] || work=$(mktemp -d /tmp/budgetpdf-shards.XXXXXX)
rm -rf "$work/single" "$work/shards" "$work/dataset"
mkdir -p "$work"

echo "== one batch over ${inputs[*]}"
start=$(date +%s%N)
"$bin" batch "${inputs[@]}" --out "$work/single" --jobs 2 --quiet
single_ms=$(( ($(date +%s%N) - start) / 1000000 ))

echo "== $shards shards concurrently (GNU parallel), then merge"
start=$(date +%s%N)
# The command line each cluster task runs, with its index: {} is 1..N.
parallel --halt now,fail=1 --jobs "$shards" \
  "$bin" batch "${inputs[@]}" --out "$work/shards/{}" --shard "{}/$shards" --jobs 1 --quiet ::: $(seq 1 "$shards")
"$bin" merge "$work"/shards/* --out "$work/dataset"
sharded_ms=$(( ($(date +%s%N) - start) / 1000000 ))

echo "== comparison (merged dataset vs single run)"
status=0
count=0
while IFS= read -r -d '' f; do
  rel=${f#"$work/dataset/"}
  count=$((count + 1))
  if cmp -s "$f" "$work/single/$rel"; then
    printf '  identical  %s  %s\n' "$(sha256sum "$f" | cut -c1-16)" "$rel"
  else
    printf '  DIFFERENT  %s\n' "$rel"; status=1
  fi
done < <(cd "$work/dataset" && find . -type f -not -name '.*' -print0 | sort -z | sed -z 's|^\./|'"$work/dataset/"'|')
for s in $(seq 1 "$shards"); do
  n=$(find "$work/shards/$s/documents" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l)
  echo "  shard $s/$shards: $n documents"
done
echo "single run ${single_ms} ms; $shards shards + merge ${sharded_ms} ms; $count dataset files compared; work in $work"
if [ $status -eq 0 ]; then echo "BYTE-IDENTICAL"; else echo "MISMATCH"; fi
exit $status
