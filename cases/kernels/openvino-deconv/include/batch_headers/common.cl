/* The AccuracyHarness's stand-in for the part of OpenVINO's include/batch_headers/common.cl
 * that the generated JIT constants and deconv_ov_style.cl need, written from its documented
 * behaviour. Point "include_dirs" at your OpenVINO checkout's cl_kernels folder to use the real one.
 */
#ifndef ACCURACYHARNESS_OV_COMMON_CL
#define ACCURACYHARNESS_OV_COMMON_CL

#if defined(cl_khr_fp16)
#pragma OPENCL EXTENSION cl_khr_fp16 : enable
#endif

#define __CAT(x, y) x##y
#define CAT(x, y) __CAT(x, y)

#endif
