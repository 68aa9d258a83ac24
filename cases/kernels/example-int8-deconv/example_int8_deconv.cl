/* An example int8 deconvolution under the harness contract (README "Your own kernels"):
 * one work-item per output element in the case's layout. The header gives the storage types
 * (SRC_T, WEI_T, DST_T), LOAD_SRC/LOAD_WEI (as int), the zero points SRC_ZP(c) and the scales
 * SRC_SCALE, WEI_SCALE(oc), the post-op chain APPLY_POST_OPS and STORE_DST, which requantizes
 * (round half to even of real / s_dst, plus zp_dst, saturated). EPILOGUE_ARGS declares the
 * arguments that follow params: scales, zero_points, prior (for sum) and operands (add-pc). */
__kernel void example_int8_deconv(__global const SRC_T* input, __global const WEI_T* weights,
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
    int acc = 0;
    for (int c = 0; c < cg; ++c) {
        const int ic = (oc / mg) * cg + c;
        for (int t = 0; t < KD * KH * KW; ++t) {
            const int tz = t / (KH * KW), ty = t / KW % KH, tx = t % KW;
            const int nz = oz + PD0 - tz * DD, ny = oy + PH0 - ty * DH, nx = ox + PW0 - tx * DW;
            /* A tap that falls between inputs or outside them is worth the zero point: nothing. */
            if (nz < 0 || ny < 0 || nx < 0 || nz % SD || ny % SH || nx % SW) continue;
            if (nz / SD >= ID || ny / SH >= IH || nx / SW >= IW) continue;
            acc += (LOAD_SRC(input, IN_IDX(n, ic, nz / SD, ny / SH, nx / SW)) - SRC_ZP(ic))
                 * LOAD_WEI(weights, WEI_IDX(ic, oc % mg, tz, ty, tx));
        }
    }
    float v = acc * (SRC_SCALE * WEI_SCALE(oc)) + (HAS_BIAS ? LOAD_BIAS(bias, oc) : 0.0f);
    APPLY_POST_OPS(v, oc, flat);
    STORE_DST(output, flat, v);
}
