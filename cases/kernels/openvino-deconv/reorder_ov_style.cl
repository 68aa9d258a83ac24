/* A weights reorder in OpenVINO's dialect (role weights_reorder, "dialect": "openvino"), by the
 * AccuracyHarness project, for the rewrite's first stage in opencl-replaced. It has the signature
 * of OpenVINO's reorder_weights kernel (input, output) and its range (groups*output features, input
 * features, taps); INPUT0 is the deconvolution's filter as OpenVINO holds it (OIYX or GOIYX, not
 * flipped) and REORDER_ROTATE asks for the 180-degree rotation that pre_replace_deconv sets.
 */

#include "include/batch_headers/common.cl"

#if OUTPUT_GROUPED && OUTPUT_DIMS == 6
#define WEIGHTS_INDEX(prefix, g, o, i, z, y, x) CAT(prefix, _GET_INDEX)(g, o, i, z, y, x)
#elif OUTPUT_GROUPED
#define WEIGHTS_INDEX(prefix, g, o, i, z, y, x) CAT(prefix, _GET_INDEX)(g, o, i, y, x)
#elif OUTPUT_DIMS == 5
#define WEIGHTS_INDEX(prefix, g, o, i, z, y, x) CAT(prefix, _GET_INDEX)(o, i, z, y, x)
#else
#define WEIGHTS_INDEX(prefix, g, o, i, z, y, x) CAT(prefix, _GET_INDEX)(o, i, y, x)
#endif

KERNEL(reorder_ov_style)(const __global INPUT0_TYPE* input, __global OUTPUT_TYPE* output)
{
    const uint g = (uint)get_global_id(0) / OUTPUT_OFM_NUM;
    const uint o = (uint)get_global_id(0) % OUTPUT_OFM_NUM;
    const uint i = (uint)get_global_id(1);
    const uint zyx = (uint)get_global_id(2);
    const uint x = zyx % OUTPUT_SIZE_X;
    const uint y = zyx / OUTPUT_SIZE_X % OUTPUT_SIZE_Y;
    const uint z = zyx / (OUTPUT_SIZE_X * OUTPUT_SIZE_Y);

    const uint input_idx = WEIGHTS_INDEX(INPUT0, g, o, i, z, y, x);
#if REORDER_ROTATE
    const uint output_idx = WEIGHTS_INDEX(OUTPUT, g, o, i, OUTPUT_SIZE_Z - 1 - z, OUTPUT_SIZE_Y - 1 - y, OUTPUT_SIZE_X - 1 - x);
#else
    const uint output_idx = WEIGHTS_INDEX(OUTPUT, g, o, i, z, y, x);
#endif
    output[output_idx] = TO_OUTPUT_TYPE(input[input_idx]);
}
