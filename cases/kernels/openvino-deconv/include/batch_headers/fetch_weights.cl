/* The AccuracyHarness's stand-in for the part of OpenVINO's include/batch_headers/fetch_weights.cl
 * that a convolution over plain (oiyx/goiyx, oizyx/goizyx) weights reads: GET_FILTER_INDEX and
 * GET_FILTER_INDEX_5D, written from their definitions (the filter's offset plus each index times
 * its pitch; the group pitch is 1 and the group 0 for one group).
 */
#ifndef ACCURACYHARNESS_OV_FETCH_WEIGHTS_CL
#define ACCURACYHARNESS_OV_FETCH_WEIGHTS_CL

#include "common.cl"

#define GET_FILTER_GOIZYX(prefix, g, o, i, z, y, x) \
    (CAT(prefix, _OFFSET) + (x) * CAT(prefix, _X_PITCH) + (y) * CAT(prefix, _Y_PITCH) + (z) * CAT(prefix, _Z_PITCH) + \
     (i) * CAT(prefix, _IFM_PITCH) + (o) * CAT(prefix, _OFM_PITCH) + (g) * CAT(prefix, _GROUPS_PITCH))

#define GET_FILTER_INDEX(prefix, g, o, i, y, x) GET_FILTER_GOIZYX(prefix, g, o, i, 0, y, x)

#define GET_FILTER_INDEX_5D(prefix, g, o, i, z, y, x) GET_FILTER_GOIZYX(prefix, g, o, i, z, y, x)

#endif
