/* The rewrite's convolution written in OpenVINO's GPU kernel dialect (role conv, "dialect":
 * "openvino"), by the AccuracyHarness project, for the last stage of opencl-replaced. The harness
 * generates the JIT constants OpenVINO's convolution kernel selector would for the rewritten
 * convolution (INPUT0_*, OUTPUT_*, FILTER_* for the reordered, already flipped weights, STRIDE_,
 * PADDING_ and DILATION_SIZE_*, BIAS_TERM, SKIP_BATCH, the _TYPED activation) and passes input,
 * output, weights and, under BIAS_TERM, the bias, over OpenVINO's reference range (x, y*z,
 * feature*batch).
 *
 * It reads the macros as OpenVINO's reference convolution does: the input position of a tap is an
 * int computed from the output position, the stride and PADDING_SIZE_*, so a begin pad handed over
 * as a uint32 (4294967294 for -2) wraps to the same position as the signed pad; the weights go
 * through GET_FILTER_INDEX. Positions outside the input count as zero.
 */

#include "include/batch_headers/fetch_data.cl"
#include "include/batch_headers/fetch_weights.cl"

KERNEL(conv_ov_style)(
    OPTIONAL_SHAPE_INFO_ARG
    const __global INPUT0_TYPE* input,
    __global OUTPUT_TYPE* output,
    const __global FILTER_TYPE* weights
#if BIAS_TERM
    , const __global BIAS_TYPE* biases
#endif
)
{
    const uint out_x = (uint)get_global_id(0);
    const uint out_y = (uint)get_global_id(1) % OUTPUT_SIZE_Y;
    const uint out_z = (uint)get_global_id(1) / OUTPUT_SIZE_Y;
#if SKIP_BATCH
    const uint batch = 0;
    const uint feature = (uint)get_global_id(2);
#else
    const uint batch = (uint)get_global_id(2) / OUTPUT_FEATURE_NUM;
    const uint feature = (uint)get_global_id(2) % OUTPUT_FEATURE_NUM;
#endif
    const uint group = feature / FILTER_OFM_NUM;
    const uint ofm = feature % FILTER_OFM_NUM;

    const int first_x = out_x * STRIDE_SIZE_X - PADDING_SIZE_X;
    const int first_y = out_y * STRIDE_SIZE_Y - PADDING_SIZE_Y;
    const int first_z = out_z * STRIDE_SIZE_Z - PADDING_SIZE_Z;

    ACCUMULATOR_TYPE acc = ACCUMULATOR_VAL_ZERO;
    for (uint kz = 0; kz < FILTER_SIZE_Z; ++kz) {
        const int in_z = first_z + (int)(kz * DILATION_SIZE_Z);
        if (in_z < 0 || in_z >= INPUT0_SIZE_Z)
            continue;
        for (uint ky = 0; ky < FILTER_SIZE_Y; ++ky) {
            const int in_y = first_y + (int)(ky * DILATION_SIZE_Y);
            if (in_y < 0 || in_y >= INPUT0_SIZE_Y)
                continue;
            for (uint kx = 0; kx < FILTER_SIZE_X; ++kx) {
                const int in_x = first_x + (int)(kx * DILATION_SIZE_X);
                if (in_x < 0 || in_x >= INPUT0_SIZE_X)
                    continue;
                for (uint ifm = 0; ifm < FILTER_IFM_NUM; ++ifm) {
                    const uint in_f = group * FILTER_IFM_NUM + ifm;
#if INPUT0_DIMS == 5
                    const uint input_idx = INPUT0_GET_INDEX(batch, in_f, in_z, in_y, in_x);
                    const uint filter_idx = GET_FILTER_INDEX_5D(FILTER, group, ofm, ifm, kz, ky, kx);
#else
                    const uint input_idx = INPUT0_GET_INDEX(batch, in_f, in_y, in_x);
                    const uint filter_idx = GET_FILTER_INDEX(FILTER, group, ofm, ifm, ky, kx);
#endif
                    acc += TO_ACCUMULATOR_TYPE(input[input_idx]) * TO_ACCUMULATOR_TYPE(weights[filter_idx]);
                }
            }
        }
    }

    ACTIVATION_TYPE value = TO_ACTIVATION_TYPE(acc);
#if BIAS_TERM && BIAS_PER_OFM
    value += TO_ACTIVATION_TYPE(biases[feature]);
#endif
#if OUTPUT_DIMS == 5
    output[OUTPUT_GET_INDEX(batch, feature, out_z, out_y, out_x)] = TO_OUTPUT_TYPE(ACTIVATION_TYPED(value, ACTIVATION_PARAMS_TYPED));
#else
    output[OUTPUT_GET_INDEX(batch, feature, out_y, out_x)] = TO_OUTPUT_TYPE(ACTIVATION_TYPED(value, ACTIVATION_PARAMS_TYPED));
#endif
}
