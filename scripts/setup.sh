#!/usr/bin/env bash
# Installs what the harness needs on a fresh Debian machine, idempotently:
# the OpenCL loader with PoCL and Oclgrind (registered with the loader), oneDNN (libdnnl2), OpenBLAS (libopenblas0-pthread,
# the reference's matrix products), ONNX's node test data,
# and the pinned ONNX Runtime native library. Safe to run again: it only does what is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(ocl-icd-libopencl1 pocl-opencl-icd oclgrind libonnx-testdata clinfo chromium libdnnl2 libopenblas0-pthread)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
sudo_cmd=(); [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian's oclgrind does not register itself with the OpenCL ICD loader: register it the
# standard way, next to PoCL's entry, so every program on the machine sees both platforms.
icd=/etc/OpenCL/vendors/oclgrind.icd
lib=/usr/lib/oclgrind/liboclgrind-rt-icd.so
if [[ ! -f $icd ]] || [[ "$(cat "$icd")" != "$lib" ]]; then
  echo "setup: registering Oclgrind with the OpenCL loader ($icd)"
  echo "$lib" | "${sudo_cmd[@]}" tee "$icd" >/dev/null
fi

if [[ -x "$root/scripts/fetch-onnxruntime.sh" ]]; then
  "$root/scripts/fetch-onnxruntime.sh"
fi
