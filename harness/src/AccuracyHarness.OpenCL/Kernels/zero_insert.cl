/* The fractionally-strided input: "output" is the input with s-1 zeros inserted between
 * neighbours on every axis (OD = (ID-1)*SD + 1, ...), in the same layout. One work-item per
 * destination element, padding lanes included. */
__kernel void zero_insert(__global const DATA_T* input, __global DATA_T* output,
                          __global const int* params)
{
    const long flat = get_global_id(0);
    int n, c, z, y, x;
    OUT_DECODE(flat, n, c, z, y, x);
    const bool source = c < OC && z % SD == 0 && y % SH == 0 && x % SW == 0;
    STORE(output, flat, source ? LOAD(input, IN_IDX(n, c, z / SD, y / SH, x / SW)) : 0.0f);
}
