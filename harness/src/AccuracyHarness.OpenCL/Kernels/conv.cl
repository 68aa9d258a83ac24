/* Grouped convolution, gather form, OIYX weights: out[n, oc, o] = bias[oc] + sum over the
 * group's channels c and taps t of in[n, g*Cg + c, o*s + t*d - pb] * w[oc, c, t]. Positions
 * outside the input are skipped: worth zero, or in a quantized case the zero point (nothing in
 * real terms), so a negative pad crops. The output size is given, so the end pad is implied.
 * The epilogue is deconv_direct.cl's. */
__kernel void conv(__global const SRC_T* input, __global const WEI_T* weights,
                   __global const BIAS_T* bias, __global DST_T* output,
                   __global const int* params EPILOGUE_ARGS)
{
    const long flat = get_global_id(0);
    int n, oc, oz, oy, ox;
    OUT_DECODE(flat, n, oc, oz, oy, ox);
    if (oc >= OC) {
        STORE_ZERO(output, flat);
        return;
    }
    const int cg = IC / G;
    const int group = oc / (OC / G);
#if QUANTIZED
    ACC_T acc = 0; /* the bias comes after the scales */
#else
    ACC_T acc = HAS_BIAS ? LOAD_BIAS(bias, oc) : 0.0f;
#endif
    for (int c = 0; c < cg; ++c) {
        const int ic = group * cg + c;
        const ACC_T zp = SRC_ZP(ic);
        for (int tz = 0; tz < KD; ++tz) {
            const int iz = oz * SD + tz * DD - PD0;
            if (iz < 0 || iz >= ID) continue;
            for (int ty = 0; ty < KH; ++ty) {
                const int iy = oy * SH + ty * DH - PH0;
                if (iy < 0 || iy >= IH) continue;
                for (int tx = 0; tx < KW; ++tx) {
                    const int ix = ox * SW + tx * DW - PW0;
                    if (ix < 0 || ix >= IW) continue;
                    acc += (LOAD_SRC(input, IN_IDX(n, ic, iz, iy, ix)) - zp)
                         * LOAD_WEI(weights, CONV_WEI_IDX(oc, c, tz, ty, tx));
                }
            }
        }
    }
#if QUANTIZED
    float v = (float)acc * SRC_SCALE * WEI_SCALE(oc) + (HAS_BIAS ? LOAD_BIAS(bias, oc) : 0.0f);
#else
    float v = acc;
#endif
    APPLY_POST_OPS(v, oc, flat);
    STORE_DST(output, flat, v);
}
