#!/usr/bin/python3
"""Checks ONNX Runtime's output for a quantized case outside the harness (numpy only, README "ONNX Runtime: int8 and
post-ops"): the QDQ graph's value, and the same graph with the f32 bias rounded to a multiple of s_src * s_wei, the
rewrite of ONNX Runtime's WeightBiasQuantization.

Usage: scripts/ort-bias-quantization.py DUMP_FOLDER STRIDE GROUPS
  DUMP_FOLDER: dumps/<case id>/ of `scripts/harness run --case ID --backends reference,onnxruntime --dump all`, for a
  case without padding, dilation or post-ops, with per-tensor scales and an integer destination.
"""
import sys
import numpy as np

folder, stride, groups = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
load = lambda name: np.load(f"{folder}/{name}.npy").astype(np.float64)
x, w, bias, ort = load("input"), load("weights"), load("bias"), load("onnxruntime.cpu")
s_src, zp_src, s_wei = load("src_scale").item(), load("src_zero_points").item(), load("wei_scales").item()
s_dst, zp_dst = load("dst_scale").item(), load("dst_zero_point").item()
low, high = (-128, 127) if ort.min() < 0 or zp_dst < 0 else (0, 255)

# ConvTranspose on the dequantized tensors, by scattering every input element (no pads, no dilation).
x_real, w_real = (x - zp_src) * s_src, w * s_wei
n, c = x.shape[:2]
per_group_in, per_group_out, kernel = c // groups, w.shape[1], w.shape[2:]
out = np.zeros((n, per_group_out * groups) + tuple((i - 1) * stride + k for i, k in zip(x.shape[2:], kernel)))
for ci in range(c):
    g = ci // per_group_in
    for at in np.ndindex(*x.shape[2:]):
        corner = tuple(slice(i * stride, i * stride + k) for i, k in zip(at, kernel))
        value = x_real[(slice(None), ci) + at].reshape((n,) + (1,) * len(kernel))
        for m in range(per_group_out):
            out[(slice(None), g * per_group_out + m) + corner] += value * w_real[ci, m]

spatial = (None,) * len(kernel)
def store(b):
    return np.clip(np.round((out + b[(None, slice(None)) + spatial]) / s_dst) + zp_dst, low, high)  # round: half to even

grid = s_src * s_wei
graph, rounded = store(bias), store(np.round(bias / grid) * grid)
print(f"s_src {s_src} zp_src {zp_src} s_wei {s_wei} s_dst {s_dst} zp_dst {zp_dst}; bias grid s_src*s_wei = {grid}")
for at in np.argwhere(ort != graph):
    at = tuple(at)
    print(f"at {list(at)}: real {out[at] + bias[at[1]]:.6f} (bias {bias[at[1]]:.6f} -> {np.round(bias[at[1]] / grid) * grid:.6f}), "
          f"QDQ graph {graph[at]:.0f}, ONNX Runtime {ort[at]:.0f}")
print("ONNX Runtime == the QDQ graph:", bool((ort == graph).all()))
print("ONNX Runtime == the QDQ graph with the bias rounded to the grid:", bool((ort == rounded).all()))
