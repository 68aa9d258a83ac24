/* A production-style deconvolution for the AccuracyHarness (manifest version 2, harness dialect).
 *
 * Written the way inference-engine kernels are: a 3-D range (x aligned up to the work-group
 * width, y*z, output channel*batch), a fixed work-group width (reqd_work_group_size), the
 * problem baked in as JIT constants (the kernel takes no params buffer, so the harness bakes its
 * header's problem macros; TILE_X, CHUNK and TAPS come from the manifest's "defines"), and
 * convolution-style weights: OIYX with every spatial axis flipped ("weights": "oiyx-flipped").
 *
 * Each work-group stages the weights of its output channel in local memory, CHUNK input channels
 * at a time, then every work-item gathers its output element. Work-items past the output's last
 * column take part in the barriers and compute a clamped column but write nothing, and no work-item touches the padding lanes
 * of a blocked output ("padding_lanes": "untouched": the harness zero-fills them and checks them).
 */

/* Index of tap (kz, ky, kx) of the unflipped kernel in the flipped weights of one (oc, c) pair. */
#define FLIPPED_TAP(kz, ky, kx) ((((KD - 1 - (kz)) * KH) + (KH - 1 - (ky))) * KW + (KW - 1 - (kx)))

/* The input position reached from output position o through tap k, or -1 when none is. */
static int source_position(int o, int pad, int k, int dilation, int stride, int size)
{
    const int reach = o + pad - k * dilation;
    if (reach < 0 || reach % stride != 0) return -1;
    const int i = reach / stride;
    return i < size ? i : -1;
}

/* One chunk's share of an output element: the taps that reach it, over the chunk's channels. */
static ACC_T chunk_sum(__global const DATA_T* input, __local const ACC_T* tile, int n, int first_c, int chunk,
                       int oz, int oy, int ox)
{
    ACC_T sum = 0.0f;
    for (int kz = 0; kz < KD; ++kz) {
        const int iz = source_position(oz, PD0, kz, DD, SD, ID);
        for (int ky = 0; ky < KH; ++ky) {
            const int iy = source_position(oy, PH0, ky, DH, SH, IH);
            for (int kx = 0; kx < KW; ++kx) {
                const int ix = source_position(ox, PW0, kx, DW, SW, IW);
                if (iz >= 0 && iy >= 0 && ix >= 0) {
                    const int tap = FLIPPED_TAP(kz, ky, kx);
                    for (int c = 0; c < chunk; ++c)
                        sum += LOAD(input, IN_IDX(n, first_c + c, iz, iy, ix)) * tile[c * TAPS + tap];
                }
            }
        }
    }
    return sum;
}

__kernel __attribute__((reqd_work_group_size(TILE_X, 1, 1)))
void tiled_deconv(__global DATA_T* output, __global const DATA_T* input,
                  __global const DATA_T* weights, __global const DATA_T* bias, int has_bias)
{
    const int ox = (int)get_global_id(0);
    const int oy = (int)get_global_id(1) % OH;
    const int oz = (int)get_global_id(1) / OH;
    const int oc = (int)get_global_id(2) % OC;
    const int n = (int)get_global_id(2) / OC;
    const int lid = (int)get_local_id(0);
    const int cg = IC / G;
    const int first_ic = (oc / (OC / G)) * cg;
    const bool inside = ox < OW;

    __local ACC_T tile[CHUNK * TAPS];
    ACC_T acc = 0.0f;
    for (int c0 = 0; c0 < cg; c0 += CHUNK) {
        /* the previous chunk's reads are done before it is overwritten */
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int t = lid; t < CHUNK * TAPS; t += TILE_X) {
            const int c = c0 + t / TAPS;
            tile[t] = c < cg ? LOAD(weights, CONV_WEI_IDX(oc, c, 0, 0, 0) + t % TAPS) : 0.0f;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        /* every work-item computes (those past the last column on a clamped column), so no branch
           separates the barriers: PoCL 3.1 mishandles work-items that skip work between them */
        acc += chunk_sum(input, tile, n, first_ic + c0, min(CHUNK, cg - c0), oz, oy, min(ox, OW - 1));
    }
    if (inside) STORE(output, OUT_IDX(n, oc, oz, oy, ox), has_bias ? acc + LOAD(bias, oc) : acc);
}
