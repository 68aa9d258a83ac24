/*
 * oneDNN 2.6 (Debian libdnnl.so.2, CPU) int8 deconvolution: output rows no input reaches (output padding)
 * are not written, without the harness. One u8 input (6), one s8 weight (1), stride 3x1, oneDNN dilation 0x1,
 * padding_l 0x0, padding_r -2x0 (pads_end - output_padding), so the output is 3x1 and only row 0 is reached;
 * rows 1 and 2 must hold the destination zero point (0 here). The destination buffer is pre-filled with a
 * different byte on every run, and so is the primitive's scratchpad (user mode): a row that follows a pre-fill
 * was never written, or computed from scratchpad bytes the primitive never wrote.
 *
 * Build: gcc -O1 -o /tmp/onednn-int8-deconv-padding scripts/onednn-int8-deconv-padding.c -ldnnl
 * Run:   /tmp/onednn-int8-deconv-padding [SRC_ZP [TAG [OUT_PAD_H [RUNS [STRIDE_H]]]]]
 *        SRC_ZP runtime source zero point (default 3; 0 sets none), TAG nhwc (default) or nchw,
 *        OUT_PAD_H the output padding of H (default 2: output height 1 + OUT_PAD_H, below STRIDE_H), RUNS (default 8),
 *        STRIDE_H (default 3).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <oneapi/dnnl/dnnl.h>

#define CHECK(call)                                                                    \
    do                                                                                 \
    {                                                                                  \
        dnnl_status_t s_ = (call);                                                     \
        if (s_ != dnnl_success)                                                        \
        {                                                                              \
            fprintf(stderr, "%s failed: %d\n", #call, (int)s_);                        \
            exit(3);                                                                   \
        }                                                                              \
    } while (0)

int main(int argc, char **argv)
{
    int zp = argc > 1 ? atoi(argv[1]) : 3;
    const char *tagName = argc > 2 ? argv[2] : "nhwc";
    int outPad = argc > 3 ? atoi(argv[3]) : 2;
    int runs = argc > 4 ? atoi(argv[4]) : 8;
    int strideH = argc > 5 ? atoi(argv[5]) : 3;
    dnnl_format_tag_t tag = strcmp(tagName, "nchw") == 0 ? dnnl_nchw : dnnl_nhwc;
    int oh = 1 + outPad;

    dnnl_engine_t engine;
    dnnl_stream_t stream;
    CHECK(dnnl_engine_create(&engine, dnnl_cpu, 0));
    CHECK(dnnl_stream_create(&stream, engine, dnnl_stream_default_flags));

    dnnl_dims_t srcDims = {1, 1, 1, 1}, weiDims = {1, 1, 1, 1}, dstDims = {1, 1, oh, 1};
    dnnl_memory_desc_t srcMd, weiAny, weiUser, dstMd, zpMd;
    CHECK(dnnl_memory_desc_init_by_tag(&srcMd, 4, srcDims, dnnl_u8, tag));
    CHECK(dnnl_memory_desc_init_by_tag(&weiAny, 4, weiDims, dnnl_s8, dnnl_format_tag_any));
    CHECK(dnnl_memory_desc_init_by_tag(&weiUser, 4, weiDims, dnnl_s8, dnnl_iohw));
    CHECK(dnnl_memory_desc_init_by_tag(&dstMd, 4, dstDims, dnnl_u8, tag));
    dnnl_dims_t one = {1};
    CHECK(dnnl_memory_desc_init_by_tag(&zpMd, 1, one, dnnl_s32, dnnl_x));

    dnnl_dims_t strides = {strideH, 1}, dilates = {0, 1}, padL = {0, 0}, padR = {-outPad, 0};
    dnnl_deconvolution_desc_t desc;
    CHECK(dnnl_dilated_deconvolution_forward_desc_init(&desc, dnnl_forward_inference, dnnl_deconvolution_direct,
        &srcMd, &weiAny, NULL, &dstMd, strides, dilates, padL, padR));

    /* The harness's case: s_src 1/32, s_wei 2, s_dst 0.0029296875, so oscale = s_src * s_wei / s_dst = 64/3. */
    dnnl_primitive_attr_t attr;
    CHECK(dnnl_primitive_attr_create(&attr));
    float oscale = 0.03125f * 2.0f / 0.0029296875f;
    CHECK(dnnl_primitive_attr_set_output_scales(attr, 1, 0, &oscale));
    /* The scratchpad is the caller's, so its bytes can be pre-filled like the destination's. */
    CHECK(dnnl_primitive_attr_set_scratchpad_mode(attr, dnnl_scratchpad_mode_user));
    int runtimeZp = DNNL_RUNTIME_S32_VAL;
    if (zp != 0) CHECK(dnnl_primitive_attr_set_zero_points(attr, DNNL_ARG_SRC, 1, 0, &runtimeZp));

    dnnl_primitive_desc_t pd;
    CHECK(dnnl_primitive_desc_create(&pd, &desc, attr, engine, NULL));
    const char *impl;
    CHECK(dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &impl));
    const dnnl_memory_desc_t *weiMd = dnnl_primitive_desc_query_md(pd, dnnl_query_weights_md, 0);

    const dnnl_memory_desc_t *padMd = dnnl_primitive_desc_query_md(pd, dnnl_query_scratchpad_md, 0);
    size_t padBytes = dnnl_memory_desc_get_size(padMd);
    dnnl_memory_t src, weiU, wei, dst, zpMem, pad;
    CHECK(dnnl_memory_create(&pad, padMd, engine, DNNL_MEMORY_ALLOCATE));
    CHECK(dnnl_memory_create(&src, &srcMd, engine, DNNL_MEMORY_ALLOCATE));
    CHECK(dnnl_memory_create(&weiU, &weiUser, engine, DNNL_MEMORY_ALLOCATE));
    CHECK(dnnl_memory_create(&wei, weiMd, engine, DNNL_MEMORY_ALLOCATE));
    CHECK(dnnl_memory_create(&dst, &dstMd, engine, DNNL_MEMORY_ALLOCATE));
    CHECK(dnnl_memory_create(&zpMem, &zpMd, engine, DNNL_MEMORY_ALLOCATE));
    void *p;
    CHECK(dnnl_memory_get_data_handle(src, &p));
    *(unsigned char *)p = 6;
    CHECK(dnnl_memory_get_data_handle(weiU, &p));
    *(signed char *)p = 1;
    CHECK(dnnl_memory_get_data_handle(zpMem, &p));
    *(int *)p = zp;

    /* Weights into the implementation's format, as the harness does. */
    dnnl_primitive_desc_t rpd;
    dnnl_primitive_t reorder;
    CHECK(dnnl_reorder_primitive_desc_create(&rpd, &weiUser, engine, weiMd, engine, NULL));
    CHECK(dnnl_primitive_create(&reorder, rpd));
    dnnl_exec_arg_t rargs[] = {{DNNL_ARG_FROM, weiU}, {DNNL_ARG_TO, wei}};
    CHECK(dnnl_primitive_execute(reorder, stream, 2, rargs));
    CHECK(dnnl_stream_wait(stream));

    dnnl_primitive_t deconv;
    CHECK(dnnl_primitive_create(&deconv, pd));
    printf("impl %s, src zero point %d, %s, output %dx1, scratchpad %zu bytes\n", impl, zp, tagName, oh, padBytes);
    static const unsigned char fills[] = {0x5B, 0x00, 0xFF, 0x11, 0x80, 0xA5, 0x01, 0x7F};
    for (int r = 0; r < runs; r++)
    {
        unsigned char fill = fills[r % (int)sizeof fills];
        CHECK(dnnl_memory_get_data_handle(dst, &p));
        memset(p, fill, (size_t)oh);
        if (padBytes > 0)
        {
            CHECK(dnnl_memory_get_data_handle(pad, &p));
            memset(p, fill, padBytes);
            CHECK(dnnl_memory_get_data_handle(dst, &p));
        }
        dnnl_exec_arg_t args[] = {{DNNL_ARG_SRC, src}, {DNNL_ARG_WEIGHTS, wei}, {DNNL_ARG_DST, dst},
            {DNNL_ARG_SCRATCHPAD, pad}, {DNNL_ARG_ATTR_ZERO_POINTS | DNNL_ARG_SRC, zpMem}};
        CHECK(dnnl_primitive_execute(deconv, stream, zp != 0 ? 5 : 4, args));
        CHECK(dnnl_stream_wait(stream));
        unsigned char *out = p;
        printf("run %d, pre-fill %3u:", r, fill);
        for (int i = 0; i < oh; i++) printf(" %3u", out[i]);
        printf("\n");
    }
    return 0;
}
