#!/usr/bin/env bash
# The whole nightly: installs what is missing, runs cases/nightly over every backend on PoCL
# and the sampled subset cases/nightly-oclgrind on Oclgrind, each in isolated worker processes
# against the baseline (cases/baseline), then writes every report into reports/nightly-DATE/
# and points reports/latest at it.
# Extra arguments go to both runs, e.g. --shard 2/4 for one of four CI machines.
# Exit code: 0 no divergence outside the baseline; 1 a new divergence; 2 usage; 3 the harness or
# a required backend failed (the worst of the two runs).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" || exit 3
cd "$root"

stamp="$(date +%Y%m%d-%H%M%S)"
out="reports/nightly-$stamp"
mkdir -p "$out"
# --zero-insertion lets opencl-replaced cover strided cases too (the fractionally strided form).
common=(--isolate --jobs "${NIGHTLY_JOBS:-2}" --timeout "${NIGHTLY_TIMEOUT:-300}" --baseline cases/baseline --zero-insertion)

scripts/harness run --suite cases/nightly --out "$out/pocl" "${common[@]}" "$@"
pocl=$?
scripts/harness run --suite cases/nightly-oclgrind --devices oclgrind --backends opencl-direct,opencl-replaced \
  --out "$out/oclgrind" "${common[@]}" "$@"
oclgrind=$?

scripts/harness report --from "$out/pocl" --from "$out/oclgrind" --out "$out"
report=$?
ln -sfn "nightly-$stamp" reports/latest

worst=0
for code in $pocl $oclgrind $report; do
  # 3 (harness failure) outranks 2 (usage) outranks 1 (divergence).
  if ((code > worst)); then worst=$code; fi
done
echo "nightly: reports in $out (also reports/latest); exit $worst"
exit "$worst"
