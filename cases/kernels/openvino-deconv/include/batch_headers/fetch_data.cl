/* The AccuracyHarness's stand-in for OpenVINO's include/batch_headers/fetch_data.cl: the index
 * helpers that the generated <NAME>_GET_INDEX macros expand to, for the layouts the harness has
 * (bfyx, byxf, b_fs_yx_fsv16 and their 5-D forms), written from their definitions: plain layouts
 * through the tensor's pitches, blocked ones through its sizes with features in blocks of 16.
 * No tensor the harness describes has padding, so the pad macros do not appear here.
 */
#ifndef ACCURACYHARNESS_OV_FETCH_DATA_CL
#define ACCURACYHARNESS_OV_FETCH_DATA_CL

#include "common.cl"

#define GET_DATA_INDEX(prefix, b, f, y, x) \
    (CAT(prefix, _OFFSET) + (x) * CAT(prefix, _X_PITCH) + (y) * CAT(prefix, _Y_PITCH) + \
     (f) * CAT(prefix, _FEATURE_PITCH) + (b) * CAT(prefix, _BATCH_PITCH))

#define GET_DATA_INDEX_SAFE(prefix, b, f, y, x) \
    GET_DATA_INDEX(prefix, (b) % CAT(prefix, _BATCH_NUM), (f) % CAT(prefix, _FEATURE_NUM), \
                   (y) % CAT(prefix, _SIZE_Y), (x) % CAT(prefix, _SIZE_X))

#define GET_DATA_INDEX_5D(prefix, b, f, z, y, x) \
    (GET_DATA_INDEX(prefix, b, f, y, x) + (z) * CAT(prefix, _Z_PITCH))

#define GET_DATA_INDEX_5D_SAFE(prefix, b, f, z, y, x) \
    GET_DATA_INDEX_5D(prefix, (b) % CAT(prefix, _BATCH_NUM), (f) % CAT(prefix, _FEATURE_NUM), \
                      (z) % CAT(prefix, _SIZE_Z), (y) % CAT(prefix, _SIZE_Y), (x) % CAT(prefix, _SIZE_X))

#define FSV16_BLOCKS(prefix) ((CAT(prefix, _FEATURE_NUM) + 15) / 16)

#define GET_DATA_B_FS_ZYX_FSV16_INDEX(prefix, b, f, z, y, x) \
    (CAT(prefix, _OFFSET) + \
     (((((b) * FSV16_BLOCKS(prefix) + (f) / 16) * CAT(prefix, _SIZE_Z) + (z)) * CAT(prefix, _SIZE_Y) + (y)) \
        * CAT(prefix, _SIZE_X) + (x)) * 16 + (f) % 16)

#define GET_DATA_B_FS_ZYX_FSV16_INDEX_SAFE(prefix, b, f, z, y, x) \
    GET_DATA_B_FS_ZYX_FSV16_INDEX(prefix, (b) % CAT(prefix, _BATCH_NUM), (f) % CAT(prefix, _FEATURE_NUM), \
                                  (z) % CAT(prefix, _SIZE_Z), (y) % CAT(prefix, _SIZE_Y), (x) % CAT(prefix, _SIZE_X))

#define GET_DATA_B_FS_YX_FSV16_INDEX(prefix, b, f, y, x) GET_DATA_B_FS_ZYX_FSV16_INDEX(prefix, b, f, 0, y, x)

#define GET_DATA_B_FS_YX_FSV16_INDEX_SAFE(prefix, b, f, y, x) GET_DATA_B_FS_ZYX_FSV16_INDEX_SAFE(prefix, b, f, 0, y, x)

#endif
