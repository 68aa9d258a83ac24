#!/usr/bin/env bash
# The whole nightly: installs what is missing, runs cases/nightly over every backend on PoCL
# and the sampled subset cases/nightly-oclgrind on Oclgrind, each in isolated worker processes
# against the baseline (cases/baseline), then writes every report into reports/nightly-DATE/
# and points reports/latest at it.
# Extra arguments go to both runs, e.g. --shard 2/4 for one of four CI machines
# (.github/workflows/nightly.yml runs it so); a shard that holds none of a suite's cases (the small
# Oclgrind sample split many ways) writes that run's reports empty and exits 0, so the merge below
# and CI's still find both folders. The environment may choose other suites and folders:
# NIGHTLY_SUITE (default cases/nightly, e.g. cases/nightly-large), NIGHTLY_OCLGRIND_SUITE (default
# cases/nightly-oclgrind; empty: no Oclgrind run) and NIGHTLY_OUT (default reports/nightly-DATE).
# Exit code: 0 no divergence outside the baseline; 1 a new divergence; 2 usage; 3 the harness or
# a required backend failed (the worst of the two runs).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" || exit 3
cd "$root"

stamp="$(date +%Y%m%d-%H%M%S)"
out="${NIGHTLY_OUT:-reports/nightly-$stamp}"
suite="${NIGHTLY_SUITE:-cases/nightly}"
oclgrind_suite="${NIGHTLY_OCLGRIND_SUITE-cases/nightly-oclgrind}"
mkdir -p "$out"
# --zero-insertion lets opencl-replaced cover strided cases too (the fractionally strided form).
common=(--isolate --jobs "${NIGHTLY_JOBS:-2}" --timeout "${NIGHTLY_TIMEOUT:-300}" --baseline cases/baseline --zero-insertion)

scripts/harness run --suite "$suite" --out "$out/pocl" "${common[@]}" "$@"
pocl=$?
runs=(--from "$out/pocl")
oclgrind=0
if [[ -n "$oclgrind_suite" ]]; then
  scripts/harness run --suite "$oclgrind_suite" --devices oclgrind --backends opencl-direct,opencl-replaced \
    --out "$out/oclgrind" "${common[@]}" "$@"
  oclgrind=$?
  runs+=(--from "$out/oclgrind")
fi

scripts/harness report "${runs[@]}" --out "$out"
report=$?
# A folder chosen through NIGHTLY_OUT (a CI shard) leaves reports/latest alone.
if [[ -z "${NIGHTLY_OUT:-}" ]]; then ln -sfn "nightly-$stamp" reports/latest; fi

worst=0
for code in $pocl $oclgrind $report; do
  # 3 (harness failure) outranks 2 (usage) outranks 1 (divergence).
  if ((code > worst)); then worst=$code; fi
done
echo "nightly: reports in $out; exit $worst"
exit "$worst"
