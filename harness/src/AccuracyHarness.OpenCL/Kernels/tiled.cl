/* The project's kernels for large cases: deconv_tiled (gather form, like deconv_direct.cl) and,
 * with TILED_CONV defined, conv_tiled (the rewrite's convolution, like conv.cl). Those two stay
 * the readable ones. One build serves every shape of a tile: the problem comes from params.
 * A work-item computes XB*VW output positions along x for OCB output channels of one (n, z, y),
 * held as OCB*XB vectors of VW lanes: each input vector feeds OCB*VW multiply-adds, and no branch
 * depends on a lane, so the compiler sees straight vector code.
 * The deconvolution numbers x positions by stride phase: lane j of phase r is ox = r + SW*(k0 + j),
 * so for tap tx its input is ix = (r + PW0 - tx*DW)/SW + k0 + j: the tap reaches every lane or
 * none, and the lanes read neighbouring inputs. The convolution has one phase: lane j is
 * ox = k0 + j and reads ix = ox*SW + tx*DW - PW0.
 * Each element sums the bias, then per input channel its taps z, y, x: the simple kernels' order.
 * Build options: VW (lanes: 2, 4, 8 or 16), XB (vectors of positions), OCB (channels per item),
 * TILE_KD, TILE_KH and TILE_KW (the kernel's size, which replaces the header's KD, KH and KW: the
 * tap loops then unroll and a weight channel's step is a constant, measured 5-10% of the device
 * time on cases/perf), TILE_ARGS (where the tile's values start in params) and, for a convolution
 * of stride 1 along x, LANE_STEP=1 (the lanes then read neighbouring inputs, which the compiler
 * must know to load them as one vector). params[TILE_ARGS...] hold NKX (positions per phase,
 * ceil(OW / PHASES)), OC_PHYS (output channels in memory, a blocked layout's padding lanes
 * included) and ITEMS (work-items that compute: the range is rounded up to whole work-groups, and
 * the surplus ones return). Every other value of the problem comes from params. */
#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#define VEC_T CAT(float, VW)
#define MG (OC / G)
#define CG (IC / G)
#define M_BLOCKS ((MG + OCB - 1) / OCB)
#define LANES (VW * XB)
#define K_BLOCKS ((NKX + LANES - 1) / LANES)
#undef KD
#define KD TILE_KD
#undef KH
#define KH TILE_KH
#undef KW
#define KW TILE_KW
#define NKX (params[TILE_ARGS])
#define OC_PHYS (params[TILE_ARGS + 1])
#define ITEMS (params[TILE_ARGS + 2])
/* The accumulators stay in registers only where the loops over them are unrolled: PoCL 3.1's code
 * for the loop kept them in memory, a load and a store around every multiply-add. */
#define UNROLL _Pragma("unroll")
#define NOT_REACHED (-0x40000000)
/* How far apart neighbouring x positions of one channel lie in the input's layout. */
#define IN_XSTEP ((int)(IN_IDX(0, 0, 0, 0, 1) - IN_IDX(0, 0, 0, 0, 0)))

#ifdef TILED_CONV
#define PHASES 1
#ifndef LANE_STEP
#define LANE_STEP SW
#endif
/* The input index that output o reads through tap t on one axis (always defined for a convolution). */
inline int source(int o, int t, int s, int d, int p) { return o * s + t * d - p; }
#define WEIGHT_IDX(group, c, m, tz, ty, tx) CONV_WEI_IDX((group) * MG + (m), c, tz, ty, tx)
#else
#define PHASES SW
#define LANE_STEP 1
/* The input index that reaches output o through tap t on one axis, or NOT_REACHED: i = (o + p - t*d) / s
 * where that is an integer. */
inline int source(int o, int t, int s, int d, int p)
{
    const int num = o + p - t * d;
    return num % s == 0 ? num / s : NOT_REACHED;
}
#define WEIGHT_IDX(group, c, m, tz, ty, tx) WEI_IDX((group) * CG + (c), m, tz, ty, tx)
#endif

/* The taps of one axis that reach output o, in increasing order: t0, t0 + step, ... below the kernel's size k
 * (where (o + p - t*d) / s is an integer for a deconvolution, every tap for a convolution), their input
 * indices i0, i0 - di, ... Found once per work-item, so the loops over channels and taps divide nothing. */
typedef struct { int t0; int step; int i0; int di; } Taps;

inline Taps taps(int o, int k, int s, int d, int p)
{
    Taps found = { k, k, 0, 0 };
    for (int t = 0; t < k; ++t) {
        const int i = source(o, t, s, d, p);
        if (i == NOT_REACHED) continue;
        if (found.t0 == k) {
            found.t0 = t;
            found.i0 = i;
        } else {
            /* The taps that reach o are those t with t*d = o + p (mod s): every (t - t0)-th from t0. */
            found.step = t - found.t0;
            found.di = found.i0 - i;
            break;
        }
    }
    return found;
}

/* Lanes i0, i0 + LANE_STEP, ... of one input row, zero where they fall outside it. */
inline VEC_T load_lanes(__global const DATA_T* input, long row, int i0, __global const int* params)
{
    float lanes[VW];
    if (i0 >= 0 && i0 + (VW - 1) * LANE_STEP < IW) {
        UNROLL for (int j = 0; j < VW; ++j) lanes[j] = LOAD(input, row + (long)(i0 + j * LANE_STEP) * IN_XSTEP);
    } else {
        UNROLL for (int j = 0; j < VW; ++j) {
            const int i = i0 + j * LANE_STEP;
            lanes[j] = (i >= 0 && i < IW) ? LOAD(input, row + (long)i * IN_XSTEP) : 0.0f;
        }
    }
    return CAT(vload, VW)(0, lanes);
}

#ifdef TILED_CONV
__kernel void conv_tiled(
#else
__kernel void deconv_tiled(
#endif
    __global const DATA_T* input, __global const DATA_T* weights, __global const DATA_T* bias,
    __global DATA_T* output, __global const int* params)
{
    long rest = get_global_id(0);
    if (rest >= ITEMS) return;
    const int k0 = (int)(rest % K_BLOCKS) * LANES; rest /= K_BLOCKS;
    const int r = (int)(rest % PHASES); rest /= PHASES;
    const int oy = (int)(rest % OH); rest /= OH;
    const int oz = (int)(rest % OD); rest /= OD;
    const int block = (int)(rest % (G * M_BLOCKS));
    const int n = (int)(rest / (G * M_BLOCKS));
    const int group = block / M_BLOCKS;
    const int m0 = (block % M_BLOCKS) * OCB;

    /* Channels past the group's last one (a partial block) compute a copy of it and are not stored. */
    VEC_T acc[OCB][XB];
    UNROLL for (int b = 0; b < OCB; ++b) {
        const float start = HAS_BIAS ? LOAD(bias, group * MG + min(m0 + b, MG - 1)) : 0.0f;
        UNROLL for (int v = 0; v < XB; ++v) acc[b][v] = (VEC_T)(start);
    }

    const Taps z = taps(oz, KD, SD, DD, PD0);
    const Taps y = taps(oy, KH, SH, DH, PH0);
    const Taps x = taps(r + PHASES * k0, KW, SW, DW, PW0);
    /* Weight (c, m, tz, ty, tx) lies at WEIGHT_IDX(group, c, 0, 0, 0, 0) + m * the channel step + (tz * KH + ty) * KW + tx
     * in both weight orders. */
    long channel[OCB];
    UNROLL for (int b = 0; b < OCB; ++b)
        channel[b] = min(m0 + b, MG - 1) * (WEIGHT_IDX(0, 0, 1, 0, 0, 0) - WEIGHT_IDX(0, 0, 0, 0, 0, 0));
    for (int c = 0; c < CG; ++c) {
        const int ic = group * CG + c;
        const long first = WEIGHT_IDX(group, c, 0, 0, 0, 0);
        for (int tz = z.t0, iz = z.i0; tz < KD; tz += z.step, iz -= z.di) {
            if (iz < 0 || iz >= ID) continue;
            for (int ty = y.t0, iy = y.i0; ty < KH; ty += y.step, iy -= y.di) {
                if (iy < 0 || iy >= IH) continue;
                const long row = IN_IDX(n, ic, iz, iy, 0);
                const long plane = first + ((long)tz * KH + ty) * KW;
                for (int tx = x.t0, i0 = x.i0; tx < KW; tx += x.step, i0 -= x.di) {
                    VEC_T in[XB];
                    UNROLL for (int v = 0; v < XB; ++v) in[v] = load_lanes(input, row, i0 + v * VW * LANE_STEP, params);
                    UNROLL for (int b = 0; b < OCB; ++b) {
                        const float w = LOAD(weights, plane + channel[b] + tx);
                        UNROLL for (int v = 0; v < XB; ++v) acc[b][v] += in[v] * w;
                    }
                }
            }
        }
    }

    float lanes[LANES];
    for (int b = 0; b < OCB && m0 + b < MG; ++b) {
        UNROLL for (int v = 0; v < XB; ++v) CAT(vstore, VW)(acc[b][v], v, lanes);
        for (int j = 0; j < LANES && k0 + j < NKX; ++j) {
            const int ox = r + PHASES * (k0 + j);
            if (ox < OW) STORE(output, OUT_IDX(n, group * MG + m0 + b, oz, oy, ox), lanes[j]);
        }
    }
    if (block == G * M_BLOCKS - 1) {
        for (int j = 0; j < LANES && k0 + j < NKX; ++j) {
            const int ox = r + PHASES * (k0 + j);
            for (int oc = OC; oc < OC_PHYS && ox < OW; ++oc) STORE(output, OUT_IDX(n, oc, oz, oy, ox), 0.0f);
        }
    }
}
