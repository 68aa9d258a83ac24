#!/usr/bin/env bash
# Runs every test of the project after installing what is missing. Ends with the line
# "N passed, N failed, N skipped" counted from the test results, and exits non-zero when
# a test failed or a test assembly did not report.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" || { echo "test: setup failed"; exit 3; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
dotnet test "$root/AccuracyHarness.sln" -c Release --logger "trx" --results-directory "$results" "$@"
status=$?

projects=$(find "$root/harness/tests" -name '*.Tests.csproj' | wc -l)
reports=$(find "$results" -name '*.trx' | wc -l)
passed=0 failed=0 total=0
for trx in "$results"/*.trx; do
  [[ -e $trx ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total=$((total + $(value total))); passed=$((passed + $(value passed))); failed=$((failed + $(value failed)))
done
skipped=$((total - passed - failed))
if ((reports < projects)); then
  echo "test: only $reports of $projects test projects reported results (a test host crashed or did not build)"
  ((status == 0)) && status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
