using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Kernels;
using AccuracyHarness.OpenCL.Manifests;
using AccuracyHarness.OpenCL.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.OpenCL.Tests.Backends;

/// <summary>
/// Generated int8, bf16 and post-op cases (zero points, per-channel scales and post-op chains drawn too) through both
/// project backends on PoCL, in every layout: each result within its admissible set or bound, padding lanes zero.
/// Few cases per combination: every new header (types, post-ops) is a program build.
/// </summary>
public class QuantizedCaseTests
{
    private const int CasesPerCombination = 6;

    public enum Family { Int8, BF16, FloatPostOps }

    [Test, Combinatorial]
    public void Both_backends_agree_with_the_reference(
        [Values(LayoutFamily.Nchw, LayoutFamily.Nhwc, LayoutFamily.Blocked16)] LayoutFamily layout,
        [Values] Family family)
    {
        var device = TestDevices.Pocl;
        var direct = new OpenClDirectBackend(device, OpenClOptions.Default);
        var replaced = new OpenClReplacedBackend(device, OpenClOptions.Default with { ZeroInsertion = true }, []);
        var every = CaseSpace.EveryType;
        var space = every with
        {
            Layouts = [layout],
            DataTypes = family switch
            {
                Family.Int8 => every.DataTypes.Where(t => t.IsQuantized).ToList(),
                Family.BF16 => [CaseTypes.BF16, new CaseTypes(DataType.BF16, DataType.BF16, DataType.F32)],
                _ => [CaseTypes.F32, CaseTypes.F16],
            },
            PostOpChains = family == Family.FloatPostOps ? every.PostOpChains.Where(o => !o.IsNone).ToList() : every.PostOpChains,
        };
        var property = Prop.ForAll(CaseGen.Arbitrary(space), c =>
        {
            foreach (var backend in new OpenClBackend[] { direct, replaced })
            {
                var run = CaseRun.Of(backend, c);
                if (run.Output is BackendOutput.NotApplicable && backend == replaced) continue;
                if (!run.IsClean) throw new AssertionException($"{backend.Name}: {run.Describe()}");
            }
        });
        TestSeed.Check(property, CasesPerCombination);
    }

    [Test]
    public void A_user_kernel_runs_the_types_it_declares_and_post_ops_only_when_it_says_so()
    {
        var types = new HashSet<CaseTypes> { CaseTypes.F32, new(DataType.U8, DataType.S8, DataType.U8) };
        var manifest = new KernelManifest("direct-as-user-kernel", KernelRole.Deconv, "(test)", KernelSource.DeconvDirect,
            Enum.GetValues<LayoutFamily>().ToHashSet(), types)
        {
            PostOps = true,
        };
        var quantized = CaseId.Parse("ic3_oc4_in4x4_k3x3_s2x2_bias_u8s8u8_zps-pc_zpd3_sw-pc_po-relu+sum0.5_nhwc");
        Assert.That(CaseRun.Of(new ExternalDeconvBackend(manifest, TestDevices.Pocl, OpenClOptions.Default), quantized).IsClean);

        var withoutPostOps = new ExternalDeconvBackend(manifest with { PostOps = false }, TestDevices.Pocl, OpenClOptions.Default);
        var refused = CaseRun.Of(withoutPostOps, quantized).Output;
        Assert.That(refused, Is.TypeOf<BackendOutput.NotApplicable>());
        Assert.That(((BackendOutput.NotApplicable)refused).Reason, Does.Contain("post-ops relu+sum0.5").And.Contain("post_ops"));
        var undeclared = CaseRun.Of(withoutPostOps, CaseId.Parse("ic3_oc4_in4x4_k3x3_s8s8s8")).Output;
        Assert.That(((BackendOutput.NotApplicable)undeclared).Reason, Does.Contain("data type s8s8s8 (it declares f32, u8s8u8)"));
    }

    [TestCase("ic3_oc4_in5x5_k3x3_s2x2_bias_u8s8u8_zps-pc_zpd3_sw-pc_po-relu+sum0.5_nhwc")]
    [TestCase("ic4_oc6_g2_in4x3_k2x3_s1x2_d1x2_pb1x0_bias_s8s8s32_zps-2_sw-pc_po-leaky0.1+add-pc_blocked16")]
    [TestCase("ic3_oc5_in3x3x3_k2x2x2_s2x1x2_u8s8f32_zps7")]
    public void The_int8_example_kernel_agrees_with_the_reference(string id)
    {
        var manifest = KernelManifest.Load(Path.Combine(Paths.Repository, "cases", "kernels", "example-int8-deconv", "manifest.json"));
        var run = CaseRun.Of(new ExternalDeconvBackend(manifest, TestDevices.Pocl, OpenClOptions.Default), CaseId.Parse(id));
        Assert.That(run.IsClean, run.Describe());
    }
}
