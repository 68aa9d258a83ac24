/* The project's deconvolution kernel, gather form: one work-item per output element (padding
 * lanes included) collects the inputs that reach it, solving i = (o + pb - t*d) / s per axis
 * and keeping the taps where i is an integer inside the input. A quantized case sums
 * (src - zp_src[c]) * w in integers (a tap that is skipped is worth the zero point, i.e.
 * nothing), then scales, adds the bias and applies the post-ops in f32; STORE_DST requantizes. */
__kernel void deconv_direct(__global const SRC_T* input, __global const WEI_T* weights,
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
    const int mg = OC / G;
    const int cg = IC / G;
    const int group = oc / mg;
    const int m = oc % mg;
#if QUANTIZED
    ACC_T acc = 0; /* the bias comes after the scales */
#else
    ACC_T acc = HAS_BIAS ? LOAD_BIAS(bias, oc) : 0.0f;
#endif
    for (int c = 0; c < cg; ++c) {
        const int ic = group * cg + c;
        const ACC_T zp = SRC_ZP(ic);
        for (int tz = 0; tz < KD; ++tz) {
            const int nz = oz + PD0 - tz * DD;
            if (nz < 0 || nz % SD != 0 || nz / SD >= ID) continue;
            for (int ty = 0; ty < KH; ++ty) {
                const int ny = oy + PH0 - ty * DH;
                if (ny < 0 || ny % SH != 0 || ny / SH >= IH) continue;
                for (int tx = 0; tx < KW; ++tx) {
                    const int nx = ox + PW0 - tx * DW;
                    if (nx < 0 || nx % SW != 0 || nx / SW >= IW) continue;
                    acc += (LOAD_SRC(input, IN_IDX(n, ic, nz / SD, ny / SH, nx / SW)) - zp)
                         * LOAD_WEI(weights, WEI_IDX(ic, m, tz, ty, tx));
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
