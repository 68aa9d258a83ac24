#!/usr/bin/env bash
# The main job: installs what is missing, then runs the default suite (cases/smoke) over every
# backend (opencl-replaced with zero insertion, so strided cases are rewritten too) against the
# baseline of known divergences, and writes the reports to reports/latest (results.csv,
# results.jsonl, junit.xml, report.html).
# Extra arguments go to `harness run` (e.g. --dump failing, --devices pocl,oclgrind).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
cd "$root"
rm -rf reports/latest  # a folder of its own (the nightly makes it a link)
exec scripts/harness run --suite cases/smoke --baseline cases/baseline --zero-insertion --jobs 2 --out reports/latest "$@"
