using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Kernels;
using AccuracyHarness.OpenCL.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.OpenCL.Tests.Backends;

/// <summary>
/// opencl-direct's tiled kernel, forced onto generated cases (every rank, stride, dilation,
/// padding mode, groups, bias, both fills; channel counts past a block of 16 now and then) in
/// each layout and storage type: within the bound, bit-identical in exact mode, padding lanes zero.
/// Each case builds its own program (the problem is baked in), so fewer cases than the simple kernel's.
/// </summary>
public class TiledKernelTests
{
    private const int CasesPerCombination = 12;

    private static readonly DirectKernelChoice Tiled = new(DirectKernelChoice.Mode.Tiled);

    [Test, Combinatorial]
    public void Tiled_kernel_agrees_with_the_reference(
        [Values(LayoutFamily.Nchw, LayoutFamily.Nhwc, LayoutFamily.Blocked16)] LayoutFamily layout,
        [Values(DataType.F32, DataType.F16)] DataType type)
    {
        var direct = new OpenClDirectBackend(TestDevices.Pocl, OpenClOptions.Default, Tiled);
        var space = new CaseSpace { Layouts = [layout], DataTypes = [type] };
        var property = Prop.ForAll(CaseGen.Arbitrary(space), c =>
        {
            Assert.That(Tiled.For(c.Resolve()).Source.Entry, Is.EqualTo(KernelSource.DeconvTiled.Entry), c.Id);
            var run = CaseRun.Of(direct, c);
            if (!run.IsClean) throw new AssertionException($"tiled: {run.Describe()}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(CasesPerCombination), property);
    }

    /// <summary>Work-items share weights through local memory: Oclgrind would report a race or a stray access.</summary>
    [Test]
    public void Tiled_kernel_is_clean_on_oclgrind()
    {
        var direct = new OpenClDirectBackend(TestDevices.Oclgrind, OpenClOptions.Default, Tiled);
        var run = CaseRun.Of(direct, CaseId.Parse("mb2_ic6_oc20_g2_in3x4_k3x2_s2x1_pb1x0_op1x0_bias_blocked16"));
        Assert.That(run.IsClean, run.Describe());
    }

    [Test]
    public void Auto_takes_the_tiled_kernel_for_large_cases_only()
    {
        var small = CaseId.Parse("ic4_oc8_in5x5_k3x3").Resolve();
        var large = CaseId.Parse("mb2_ic64_oc64_in32x32_k4x4_s2x2_pb1x1_pe1x1").Resolve();
        Assert.That(DirectKernelChoice.Default.For(small).Source.Entry, Is.EqualTo(KernelSource.DeconvDirect.Entry));
        Assert.That(DirectKernelChoice.Default.For(large).Source.Entry, Is.EqualTo(KernelSource.DeconvTiled.Entry));
        Assert.That(new DirectKernelChoice(DirectKernelChoice.Mode.Simple).For(large).Source.Entry,
            Is.EqualTo(KernelSource.DeconvDirect.Entry));
    }

    [Test]
    public void An_unknown_choice_names_the_option_and_the_values()
    {
        var settings = new BackendSettings { Options = new Dictionary<string, string> { [DirectKernelChoice.Option.Name] = "fast" } };
        var e = Assert.Throws<ArgumentException>(() => DirectKernelChoice.From(settings));
        Assert.That(e!.Message, Is.EqualTo("option 'direct-kernel' = 'fast': must be one of auto, simple, tiled"));
    }
}
