/* The project's deconvolution kernel for large cases, gather form like deconv_direct.cl (the
 * readable one), built with the problem baked in. A work-item computes OCB output channels of one
 * output position; a work-group of LS work-items shares one batch and block of output channels,
 * and stages their weights in local memory, CCH input channels at a time. Positions are numbered
 * by stride phase (x = RX + SW*K), so neighbouring work-items take the same taps and read
 * neighbouring inputs. Build options: OCB, CCH, LS, NKX (positions per x phase, ceil(OW/SW)) and
 * OC_PHYS (output channels in memory: padding lanes of a blocked layout included). Each element
 * sums the bias, then per channel chunk its taps, then the chunk's channels: another order than
 * deconv_direct's, which the bounds allow. */
#define MG (OC / G)
#define CG (IC / G)
#define M_BLOCKS ((MG + OCB - 1) / OCB)
#define KTOT (KD * KH * KW)
#define SPATIAL ((long)OD * OH * SW * NKX)
#define SPATIAL_PADDED (((SPATIAL + LS - 1) / LS) * LS)

__kernel __attribute__((reqd_work_group_size(LS, 1, 1)))
void deconv_tiled(__global const DATA_T* input, __global const DATA_T* weights,
                  __global const DATA_T* bias, __global DATA_T* output,
                  __global const int* params)
{
    __local float wl[CCH * OCB * KTOT];
    const long gid = get_global_id(0);
    const int lid = (int)get_local_id(0);
    const long sp = gid % SPATIAL_PADDED;
    const int block = (int)((gid / SPATIAL_PADDED) % (G * M_BLOCKS));
    const int n = (int)(gid / SPATIAL_PADDED / (G * M_BLOCKS));
    const int group = block / M_BLOCKS;
    const int m0 = (block % M_BLOCKS) * OCB;
    const int k = (int)(sp % NKX);
    const int rx = (int)((sp / NKX) % SW);
    const int oy = (int)((sp / NKX / SW) % OH);
    const int oz = (int)(sp / NKX / SW / OH);
    const int ox = rx + SW * k;
    const bool active = sp < SPATIAL && ox < OW;

    ACC_T acc[OCB];
    for (int b = 0; b < OCB; ++b) acc[b] = (HAS_BIAS && m0 + b < MG) ? LOAD(bias, group * MG + m0 + b) : 0.0f;

    for (int c0 = 0; c0 < CG; c0 += CCH) {
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int e = lid; e < CCH * OCB * KTOT; e += LS) {
            const int t = e % KTOT;
            const int b = (e / KTOT) % OCB;
            const int c = e / (KTOT * OCB);
            wl[e] = (c0 + c < CG && m0 + b < MG) ? LOAD(weights, WEI_IDX(group * CG + c0 + c, m0 + b, 0, 0, 0) + t) : 0.0f;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        if (!active) continue;
        const int channels = min(CCH, CG - c0);
        for (int tz = 0; tz < KD; ++tz) {
            const int nz = oz + PD0 - tz * DD;
            if (nz < 0 || nz % SD != 0 || nz / SD >= ID) continue;
            for (int ty = 0; ty < KH; ++ty) {
                const int ny = oy + PH0 - ty * DH;
                if (ny < 0 || ny % SH != 0 || ny / SH >= IH) continue;
                for (int tx = 0; tx < KW; ++tx) {
                    const int nx = ox + PW0 - tx * DW;
                    if (nx < 0 || nx % SW != 0 || nx / SW >= IW) continue;
                    const int tap = (tz * KH + ty) * KW + tx;
                    for (int c = 0; c < channels; ++c) {
                        const ACC_T v = LOAD(input, IN_IDX(n, group * CG + c0 + c, nz / SD, ny / SH, nx / SW));
                        for (int b = 0; b < OCB; ++b) acc[b] += v * wl[(c * OCB + b) * KTOT + tap];
                    }
                }
            }
        }
    }
    if (!active) return;
    for (int b = 0; b < OCB; ++b) {
        if (m0 + b < MG) STORE(output, OUT_IDX(n, group * MG + m0 + b, oz, oy, ox), acc[b]);
    }
    if (block == G * M_BLOCKS - 1) {
        for (int oc = OC; oc < OC_PHYS; ++oc) STORE(output, OUT_IDX(n, oc, oz, oy, ox), 0.0f);
    }
}
