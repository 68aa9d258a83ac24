/* The project's deconvolution kernel, gather form: one work-item per output element (padding
 * lanes included) collects the inputs that reach it, solving i = (o + pb - t*d) / s per axis
 * and keeping the taps where i is an integer inside the input. */
__kernel void deconv_direct(__global const DATA_T* input, __global const DATA_T* weights,
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
    const int mg = OC / G;
    const int cg = IC / G;
    const int group = oc / mg;
    const int m = oc % mg;
    ACC_T acc = HAS_BIAS ? LOAD(bias, oc) : 0.0f;
    for (int c = 0; c < cg; ++c) {
        const int ic = group * cg + c;
        for (int tz = 0; tz < KD; ++tz) {
            const int nz = oz + PD0 - tz * DD;
            if (nz < 0 || nz % SD != 0 || nz / SD >= ID) continue;
            for (int ty = 0; ty < KH; ++ty) {
                const int ny = oy + PH0 - ty * DH;
                if (ny < 0 || ny % SH != 0 || ny / SH >= IH) continue;
                for (int tx = 0; tx < KW; ++tx) {
                    const int nx = ox + PW0 - tx * DW;
                    if (nx < 0 || nx % SW != 0 || nx / SW >= IW) continue;
                    acc += LOAD(input, IN_IDX(n, ic, nz / SD, ny / SH, nx / SW))
                         * LOAD(weights, WEI_IDX(ic, m, tz, ty, tx));
                }
            }
        }
    }
    STORE(output, flat, acc);
}
