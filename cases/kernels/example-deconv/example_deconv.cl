/* Example user kernel for the AccuracyHarness kernel contract (role "deconv").
 *
 * The harness prepends a header that defines DATA_T, ACC_T, LOAD, STORE, the problem macros
 * (N IC OC G ID IH IW OD OH OW KD KH KW SD SH SW PD0 PH0 PW0 PD1 PH1 PW1 DD DH DW OPD OPH OPW
 * HAS_BIAS) and the index macros IN_IDX, OUT_IDX, WEI_IDX, OUT_DECODE for the case's layout,
 * so this one source serves every layout and both storage types.
 *
 * One work-item per output element in the output's layout, padding lanes included. Unlike the
 * harness's own kernel, which walks every tap, this one walks the input positions that can
 * reach the output: o = i*s + t*d - pb, so i runs over [ceil((o+pb-(k-1)*d)/s), floor((o+pb)/s)]
 * and the tap is t = (o + pb - i*s) / d when that divides exactly.
 */

/* The input positions [*first, *last] of one axis that can feed output position o. */
static void input_range(int o, int pb, int k, int s, int d, int in, int* first, int* last)
{
    const int reach = o + pb;
    const int lowest = reach - (k - 1) * d;
    *first = max(0, lowest <= 0 ? 0 : (lowest + s - 1) / s);
    *last = min(in - 1, reach < 0 ? -1 : reach / s);
}

__kernel void example_deconv(__global const DATA_T* input, __global const DATA_T* weights,
                             __global const DATA_T* bias, __global DATA_T* output,
                             __global const int* params)
{
    const long flat = get_global_id(0);
    int n, oc, oz, oy, ox;
    OUT_DECODE(flat, n, oc, oz, oy, ox);
    if (oc >= OC) {             /* a padding lane of a blocked layout: must be zero */
        STORE(output, flat, 0.0f);
        return;
    }
    const int cg = IC / G;
    const int m = oc % (OC / G);
    const int first_ic = (oc / (OC / G)) * cg;

    int z0, z1, y0, y1, x0, x1;
    input_range(oz, PD0, KD, SD, DD, ID, &z0, &z1);
    input_range(oy, PH0, KH, SH, DH, IH, &y0, &y1);
    input_range(ox, PW0, KW, SW, DW, IW, &x0, &x1);

    ACC_T acc = HAS_BIAS ? LOAD(bias, oc) : 0.0f;
    for (int iz = z0; iz <= z1; ++iz) {
        const int rz = oz + PD0 - iz * SD;
        if (rz % DD != 0) continue;
        for (int iy = y0; iy <= y1; ++iy) {
            const int ry = oy + PH0 - iy * SH;
            if (ry % DH != 0) continue;
            for (int ix = x0; ix <= x1; ++ix) {
                const int rx = ox + PW0 - ix * SW;
                if (rx % DW != 0) continue;
                for (int c = 0; c < cg; ++c) {
                    acc += LOAD(input, IN_IDX(n, first_ic + c, iz, iy, ix))
                         * LOAD(weights, WEI_IDX(first_ic + c, m, rz / DD, ry / DH, rx / DW));
                }
            }
        }
    }
    STORE(output, flat, acc);
}
