#!/usr/bin/env bash
# Proves that the reference computes the same bits as at another revision: builds
# harness/tools/ReferenceHashes against this checkout's Core and against REV's (extracted with
# git archive into a temporary folder), runs both over SUITE and compares their hashes of the
# gather's output, |addend| sums and term counts, the scatter's output and every fault model's
# prediction. Exit 0 identical, 1 a case differs (the first ones are printed), 2 usage.
# It checks the loops only: the tool wires no BLAS, so no case takes the matrix products
# (Core/Reference/ReferenceColumns), which sum in another order and are checked against the loops
# within the double rounding of that order by harness/tests/AccuracyHarness.Blas.Tests.
#   scripts/reference-identity.sh [REV (default main)] [SUITE (default cases/nightly)]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rev="${1:-main}"
suite="${2:-cases/nightly}"
git -C "$root" rev-parse --verify --quiet "$rev^{commit}" >/dev/null || { echo "reference-identity: unknown revision '$rev'" >&2; exit 2; }
[[ -e "$root/$suite" || -e "$suite" ]] || { echo "reference-identity: no suite '$suite'" >&2; exit 2; }
[[ -e "$suite" ]] || suite="$root/$suite"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/base"
git -C "$root" archive "$rev" harness | tar -x -C "$work/base"
# The tool builds inside each tree, against that tree's Core and build settings.
mkdir -p "$work/base/harness/tools"
cp -r "$root/harness/tools/ReferenceHashes" "$work/base/harness/tools/"
rm -rf "$work/base/harness/tools/ReferenceHashes/bin" "$work/base/harness/tools/ReferenceHashes/obj"
build() { dotnet build "$1/harness/tools/ReferenceHashes" -c Release -nologo -v q -o "$2" >"$2.log" 2>&1 || { cat "$2.log" >&2; exit 3; }; }
build "$work/base" "$work/base-bin"
build "$root" "$work/head-bin"
"$work/base-bin/ReferenceHashes" "$suite" >"$work/base.txt" &
base=$!
"$work/head-bin/ReferenceHashes" "$suite" >"$work/head.txt"
wait "$base"
cases=$(wc -l <"$work/head.txt")
if cmp -s "$work/base.txt" "$work/head.txt"; then
    echo "reference-identity: $cases cases of $suite: identical to $rev"
else
    echo "reference-identity: differs from $rev:" >&2
    diff "$work/base.txt" "$work/head.txt" | head -20 >&2
    exit 1
fi
