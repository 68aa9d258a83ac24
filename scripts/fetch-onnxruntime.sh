#!/usr/bin/env bash
# Places ONNX Runtime's official linux-x64 native library in .native/onnxruntime/ (git-ignored).
# The NuGet package is not on the feed here; the same library ships in the npm package
# onnxruntime-node. It is fetched with npm (install scripts never run) and checked against
# pinned hashes, so a fresh clone gets exactly the binary the tests were written against.
# Idempotent: does nothing when the library is present with the pinned hash.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

version=1.23.2
tarball_sha256=fe70e8de46560c57c2dfb7170770da32dbb21684504a5c904346c44a56e154f2
library_sha256=733854c3d7ce45256cc1c22cd4a30373247e1f7b7de8f40beab24211ef8e2a76
member=package/bin/napi-v6/linux/x64/libonnxruntime.so.1

dest="$root/.native/onnxruntime"
library="$dest/libonnxruntime.so.1"

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

if [[ -f $library ]] && [[ "$(sha256_of "$library")" == "$library_sha256" ]]; then
  exit 0
fi

command -v npm >/dev/null || { echo "fetch-onnxruntime: npm is required (apt-get install npm)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent --ignore-scripts "onnxruntime-node@$version" >/dev/null 2>"$work/npm.log") || {
  cat "$work/npm.log" >&2
  echo "fetch-onnxruntime: npm pack onnxruntime-node@$version failed" >&2
  exit 1
}
tgz="$work/onnxruntime-node-$version.tgz"
if [[ "$(sha256_of "$tgz")" != "$tarball_sha256" ]]; then
  echo "fetch-onnxruntime: sha256 of $(basename "$tgz") is $(sha256_of "$tgz"), expected $tarball_sha256" >&2
  exit 1
fi
tar -xzf "$tgz" -C "$work" "$member"
if [[ "$(sha256_of "$work/$member")" != "$library_sha256" ]]; then
  echo "fetch-onnxruntime: sha256 of libonnxruntime.so.1 does not match the pin $library_sha256" >&2
  exit 1
fi
mkdir -p "$dest"
install -m 0644 "$work/$member" "$library.tmp"
mv -f "$library.tmp" "$library"
echo "fetch-onnxruntime: ONNX Runtime $version placed in ${library#"$root"/}"
