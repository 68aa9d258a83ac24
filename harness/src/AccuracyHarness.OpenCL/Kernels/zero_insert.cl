/* The fractionally-strided input: "output" is the input with s-1 zeros inserted between
 * neighbours on every axis (OD = (ID-1)*SD + 1, ...), in the same layout; in a quantized case
 * the inserted values are the channel's zero point, worth nothing in real terms. One
 * work-item per destination element, padding lanes included. */
__kernel void zero_insert(__global const SRC_T* input, __global SRC_T* output,
                          __global const int* params EPILOGUE_ARGS)
{
    const long flat = get_global_id(0);
    int n, c, z, y, x;
    OUT_DECODE(flat, n, c, z, y, x);
    const bool source = c < OC && z % SD == 0 && y % SH == 0 && x % SW == 0;
    STORE_SRC(output, flat, source ? LOAD_SRC(input, IN_IDX(n, c, z / SD, y / SH, x / SW)) : c < OC ? SRC_ZP(c) : 0);
}
