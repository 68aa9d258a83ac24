/* Grouped convolution, gather form, OIYX weights: out[n, oc, o] = bias[oc] + sum over the
 * group's channels c and taps t of in[n, g*Cg + c, o*s + t*d - pb] * w[oc, c, t]. Positions
 * outside the input read as zero, so a negative pad crops. The output size is given, so the
 * end pad is implied. */
__kernel void conv(__global const DATA_T* input, __global const DATA_T* weights,
                   __global const DATA_T* bias, __global DATA_T* output,
                   __global const int* params)
{
    const long flat = get_global_id(0);
    int n, oc, oz, oy, ox;
    OUT_DECODE(flat, n, oc, oz, oy, ox);
    if (oc >= OC) {
        STORE(output, flat, 0.0f);
        return;
    }
    const int cg = IC / G;
    const int group = oc / (OC / G);
    ACC_T acc = HAS_BIAS ? LOAD(bias, oc) : 0.0f;
    for (int c = 0; c < cg; ++c) {
        const int ic = group * cg + c;
        for (int tz = 0; tz < KD; ++tz) {
            const int iz = oz * SD + tz * DD - PD0;
            if (iz < 0 || iz >= ID) continue;
            for (int ty = 0; ty < KH; ++ty) {
                const int iy = oy * SH + ty * DH - PH0;
                if (iy < 0 || iy >= IH) continue;
                for (int tx = 0; tx < KW; ++tx) {
                    const int ix = ox * SW + tx * DW - PW0;
                    if (ix < 0 || ix >= IW) continue;
                    acc += LOAD(input, IN_IDX(n, ic, iz, iy, ix))
                         * LOAD(weights, CONV_WEI_IDX(oc, c, tz, ty, tx));
                }
            }
        }
    }
    STORE(output, flat, acc);
}
