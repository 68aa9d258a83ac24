/* Deconvolution weights IOYX [C, M/G, k] to convolution weights OIYX [M, C/G, k]: in/out
 * channels swapped inside each group and every spatial axis flipped (rotate 180). One
 * work-item per destination element. */
__kernel void weights_reorder(__global const WEI_T* src, __global WEI_T* dst,
                              __global const int* params)
{
    const long flat = get_global_id(0);
    int oc, c, z, y, x;
    CONV_WEI_DECODE(flat, oc, c, z, y, x);
    const int mg = OC / G;
    const int cg = IC / G;
    const int group = oc / mg;
    STORE_WEI(dst, flat, LOAD_WEI(src, WEI_IDX(group * cg + c, oc % mg, KD - 1 - z, KH - 1 - y, KW - 1 - x)));
}
