/* A deconvolution written in OpenVINO's GPU kernel dialect ("dialect": "openvino"), by the
 * AccuracyHarness project: the harness generates the JIT constants OpenVINO's kernel selector
 * would (INPUT0_*, OUTPUT_*, FILTER_*, BIAS_*, STRIDE_/PADDING_/DILATION_SIZE_*, GROUPED,
 * ACCUMULATOR_/ACTIVATION_ types, KERNEL(name), DIM_ORDER_XYBF with the reference kernel's range)
 * and passes input, output, filter and, under BIAS_TERM, bias, as OpenVINO does.
 *
 * It reads like OpenVINO's reference deconvolution: a 3-D range over (x, y*z, batch*feature) or
 * (batch*feature, x, y*z), the filter in OIYX order (GOIYX with groups) not flipped, and indices
 * through the _GET_INDEX macros, which expand to fetch_data.cl's helpers. Unlike OpenVINO's
 * reference kernel it honours dilation. It never touches the padding lanes of a blocked output.
 */

#include "include/batch_headers/fetch_data.cl"

KERNEL(deconv_ov_style)(
    const __global INPUT0_TYPE* input,
    __global OUTPUT_TYPE* output,
    const __global FILTER_TYPE* filter
#if BIAS_TERM
    , const __global BIAS_TYPE* bias
#endif
)
{
#if DIM_ORDER_XYBF
    const uint out_x = (uint)get_global_id(0);
    const uint out_yz = (uint)get_global_id(1);
    const uint batch = (uint)get_global_id(2) / OUTPUT_FEATURE_NUM;
    const uint feature = (uint)get_global_id(2) % OUTPUT_FEATURE_NUM;
    if (out_x >= OUTPUT_SIZE_X)
        return;
#else
    const uint out_x = (uint)get_global_id(1);
    const uint out_yz = (uint)get_global_id(2);
    const uint batch = (uint)get_global_id(0) % OUTPUT_BATCH_NUM;
    const uint feature = (uint)get_global_id(0) / OUTPUT_BATCH_NUM;
#endif
    const uint out_y = out_yz % OUTPUT_SIZE_Y;
    const uint out_z = out_yz / OUTPUT_SIZE_Y;

    const uint group = feature / FILTER_OFM_NUM;
    const uint ofm = feature % FILTER_OFM_NUM;
    const uint filter_base = group * FILTER_GROUPS_PITCH + ofm * FILTER_OFM_PITCH;

    ACCUMULATOR_TYPE acc = ACCUMULATOR_VAL_ZERO;
    for (uint kz = 0; kz < FILTER_SIZE_Z; ++kz) {
        const int reach_z = (int)out_z + PADDING_SIZE_Z - (int)(kz * DILATION_SIZE_Z);
        if (reach_z < 0 || reach_z % STRIDE_SIZE_Z != 0 || reach_z / STRIDE_SIZE_Z >= INPUT0_SIZE_Z)
            continue;
        for (uint ky = 0; ky < FILTER_SIZE_Y; ++ky) {
            const int reach_y = (int)out_y + PADDING_SIZE_Y - (int)(ky * DILATION_SIZE_Y);
            if (reach_y < 0 || reach_y % STRIDE_SIZE_Y != 0 || reach_y / STRIDE_SIZE_Y >= INPUT0_SIZE_Y)
                continue;
            for (uint kx = 0; kx < FILTER_SIZE_X; ++kx) {
                const int reach_x = (int)out_x + PADDING_SIZE_X - (int)(kx * DILATION_SIZE_X);
                if (reach_x < 0 || reach_x % STRIDE_SIZE_X != 0 || reach_x / STRIDE_SIZE_X >= INPUT0_SIZE_X)
                    continue;
                const uint in_z = (uint)reach_z / STRIDE_SIZE_Z;
                const uint in_y = (uint)reach_y / STRIDE_SIZE_Y;
                const uint in_x = (uint)reach_x / STRIDE_SIZE_X;
                uint filter_idx = filter_base + kz * FILTER_Z_PITCH + ky * FILTER_Y_PITCH + kx * FILTER_X_PITCH;
                for (uint ifm = 0; ifm < FILTER_IFM_NUM; ++ifm) {
                    const uint in_f = group * FILTER_IFM_NUM + ifm;
#if INPUT0_DIMS == 5
                    const uint input_idx = INPUT0_GET_INDEX(batch, in_f, in_z, in_y, in_x);
#else
                    const uint input_idx = INPUT0_GET_INDEX(batch, in_f, in_y, in_x);
#endif
                    acc += TO_ACCUMULATOR_TYPE(input[input_idx]) * TO_ACCUMULATOR_TYPE(filter[filter_idx]);
                    filter_idx += FILTER_IFM_PITCH;
                }
            }
        }
    }

    ACTIVATION_TYPE value = TO_ACTIVATION_TYPE(acc);
#if BIAS_TERM
    value += TO_ACTIVATION_TYPE(bias[BIAS_GET_INDEX(0, feature, 0, 0)]);
#endif
    const OUTPUT_TYPE result = TO_OUTPUT_TYPE(ACTIVATION(value, ACTIVATION_PARAMS));
#if OUTPUT_DIMS == 5
    output[OUTPUT_GET_INDEX(batch, feature, out_z, out_y, out_x)] = result;
#else
    output[OUTPUT_GET_INDEX(batch, feature, out_y, out_x)] = result;
#endif
}
