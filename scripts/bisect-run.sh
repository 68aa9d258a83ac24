#!/usr/bin/env bash
# A `git bisect run` step for a user's kernel repository: runs one case through the kernel a
# manifest names (backend ext:NAME) and answers git bisect:
#   0    the case passes                        (good)
#   1    the case fails or errors               (bad)
#   125  the kernel cannot be tested here: it does not build, its manifest or source is
#        missing or invalid, or it does not support the case (n/a)   (skip)
#   128  the harness cannot run (bad arguments, no OpenCL device, ...): git bisect stops
#
# Usage, from inside the kernel repository:
#   git bisect start BAD GOOD
#   git bisect run /path/to/AccuracyHarness/scripts/bisect-run.sh --kernel kernels/manifest.json --case ID [--device pocl] [run options]
# Extra options go to `scripts/harness run` (e.g. --fill exact, --jit-constants).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly GOOD=0 BAD=1 SKIP=125 ABORT=128

usage() {
  echo "bisect-run: $1" >&2
  echo "usage: bisect-run.sh --kernel MANIFEST --case ID [--device DEVICE] [run options]" >&2
  exit $ABORT
}

manifest="" case_id="" device=""
extra=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --kernel) [[ $# -ge 2 ]] || usage "--kernel needs a manifest"; manifest=$2; shift 2 ;;
    --case) [[ $# -ge 2 ]] || usage "--case needs a case id"; case_id=$2; shift 2 ;;
    --device) [[ $# -ge 2 ]] || usage "--device needs a device"; device=$2; shift 2 ;;
    *) extra+=("$1"); shift ;;
  esac
done
[[ -n $manifest ]] || usage "--kernel MANIFEST is required"
[[ -n $case_id ]] || usage "--case ID is required"

# A commit where the manifest is missing cannot be tested, which is not the same as failing.
if [[ ! -f $manifest ]]; then
  echo "bisect-run: skip: $manifest does not exist at this commit" >&2
  exit $SKIP
fi
manifest=$(cd "$(dirname "$manifest")" && pwd)/$(basename "$manifest")
name=$(sed -n 's/.*"name"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$manifest" | head -n 1)
if [[ -z $name ]]; then
  echo "bisect-run: skip: $manifest has no \"name\" at this commit" >&2
  exit $SKIP
fi

out=$(mktemp -d "${TMPDIR:-/tmp}/bisect-run.XXXXXX")
trap 'rm -rf "$out"' EXIT
args=(run --kernel "$manifest" --case "$case_id" --backends "ext:$name" --out "$out")
[[ -n $device ]] && args+=(--devices "$device")
"$root/scripts/harness" "${args[@]}" "${extra[@]}" >"$out/stdout" 2>"$out/stderr"
rc=$?
results="$out/results.jsonl"

# The OpenCL backends report a failed build, and a missing entry point, as an error result
# whose message names the OpenCL call (clBuildProgram, with the build log) or status.
builds_not() { grep -q -E 'clBuildProgram|CL_BUILD_PROGRAM_FAILURE|CL_INVALID_PROGRAM_EXECUTABLE|CL_INVALID_KERNEL_NAME' "$results" 2>/dev/null; }

case $rc in
  0)
    if grep -q '"status":"pass"' "$results" 2>/dev/null; then
      echo "bisect-run: good: $case_id passes on ext:$name" >&2
      exit $GOOD
    fi
    echo "bisect-run: skip: ext:$name does not run $case_id (n/a): $(sed -n 's/.*"message":"\([^"]*\)".*/\1/p' "$results" | head -n 1)" >&2
    exit $SKIP ;;
  1)
    if builds_not; then
      echo "bisect-run: skip: ext:$name does not build at this commit" >&2
      exit $SKIP
    fi
    echo "bisect-run: bad: $case_id fails on ext:$name: $(sed -n 's/.*"diagnosis":"\([^"]*\)".*/\1/p' "$results" | head -n 1)" >&2
    exit $BAD ;;
  2)
    # The harness checks manifests before running: an unusable one at this commit is a skip.
    if grep -q -- '--kernel:' "$out/stderr"; then
      echo "bisect-run: skip: $(head -n 1 "$out/stderr")" >&2
      exit $SKIP
    fi
    echo "bisect-run: abort: $(head -n 1 "$out/stderr")" >&2
    exit $ABORT ;;
  *)
    echo "bisect-run: abort: the harness failed (exit $rc):" >&2
    tail -n 5 "$out/stderr" >&2
    exit $ABORT ;;
esac
