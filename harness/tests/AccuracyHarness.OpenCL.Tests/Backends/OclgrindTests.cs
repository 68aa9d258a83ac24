using AccuracyHarness.Core.Cases;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Manifests;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Backends;

/// <summary>Oclgrind simulates every work-item: cases here are tiny.</summary>
public class OclgrindTests
{
    /// <summary>Reads one element past the end of the input and multiplies it by zero: the numbers cannot tell.</summary>
    private const string OutOfBoundsKernel = """
        __kernel void oob_deconv(__global const DATA_T* input, __global const DATA_T* weights,
                                 __global const DATA_T* bias, __global DATA_T* output,
                                 __global const int* params)
        {
            const long flat = get_global_id(0);
            int n, oc, oz, oy, ox;
            OUT_DECODE(flat, n, oc, oz, oy, ox);
            const int mg = OC / G, cg = IC / G;
            ACC_T acc = HAS_BIAS ? LOAD(bias, oc) : 0.0f;
            for (int c = 0; c < cg; ++c)
            for (int ty = 0; ty < KH; ++ty)
            for (int tx = 0; tx < KW; ++tx) {
                const int ny = oy + PH0 - ty * DH, nx = ox + PW0 - tx * DW;
                if (ny < 0 || nx < 0 || ny % SH || nx % SW || ny / SH >= IH || nx / SW >= IW) continue;
                const int ic = (oc / mg) * cg + c;
                acc += LOAD(input, IN_IDX(n, ic, 0, ny / SH, nx / SW)) * LOAD(weights, WEI_IDX(ic, oc % mg, 0, ty, tx));
            }
            const ACC_T beyond = LOAD(input, IN_IDX(N, 0, 0, 0, 0));
            acc += 0.0f * fmin(fabs(beyond), 1.0f);
            STORE(output, flat, acc);
        }
        """;

    [TestCase("ic2_oc3_in3x3_k2x2_s2x1_pb1x0_bias_f32_nchw")]
    [TestCase("ic3_oc2_in4_k3_d2_f16_blocked16_exact")]
    [TestCase("ic2_oc2_g2_in2x2x2_k2x2x2_s1x2x1_op0x1x0_bias_f32_nhwc")]
    public void A_representative_subset_runs_clean(string id)
    {
        var device = TestDevices.Oclgrind;
        var options = OpenClOptions.Default with { ZeroInsertion = true };
        foreach (var backend in new OpenClBackend[] { new OpenClDirectBackend(device, options), new OpenClReplacedBackend(device, options, []) })
        {
            var run = CaseRun.Of(backend, CaseId.Parse(id));
            Assert.That(run.IsClean, $"{backend.Name}: {run.Describe()}");
        }
    }

    [Test]
    public void A_read_past_the_end_is_reported_even_when_the_numbers_agree()
    {
        var manifest = KernelManifest.Load(Paths.WriteManifest("oob", "deconv", OutOfBoundsKernel, "oob_deconv", layouts: "\"nchw\"", dtypes: "\"f32\""));
        var c = CaseId.Parse("ic1_oc2_in3x3_k2x2_s2x2_bias_f32_nchw");

        var oclgrind = CaseRun.Of(new ExternalDeconvBackend(manifest, TestDevices.Oclgrind, OpenClOptions.Default), c);
        Assert.That(oclgrind.Metrics.Passed, oclgrind.Describe());
        Assert.That(oclgrind.Produced.Findings, Is.Not.Empty);
        Assert.That(string.Join("\n", oclgrind.Produced.Findings), Does.Contain("Invalid read"));

        var pocl = CaseRun.Of(new ExternalDeconvBackend(manifest, TestDevices.Pocl, OpenClOptions.Default), c);
        Assert.That(pocl.IsClean, "PoCL cannot see the read: " + pocl.Describe());

        var clean = CaseRun.Of(new OpenClDirectBackend(TestDevices.Oclgrind, OpenClOptions.Default), c);
        Assert.That(clean.Produced.Findings, Is.Empty, "findings stay with the launch that caused them");
    }
}
