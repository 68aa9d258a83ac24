using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Kernels;
using AccuracyHarness.OpenCL.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.OpenCL.Tests.Backends;

/// <summary>
/// tiled.cl in both forms, forced onto generated cases (every rank, stride, dilation, padding
/// mode, groups, bias, both fills; channel counts past a block of 16 now and then) in each layout
/// and storage type: as opencl-direct's kernel and as opencl-replaced's conv stage (with zero
/// insertion, so strided cases are convolutions too). Within the bound, bit-identical in exact
/// mode, padding lanes zero. Fewer cases than the simple kernels': the tile, baked into the program,
/// follows the channels and positions, so generated cases still build a program every few cases.
/// </summary>
public class TiledKernelTests
{
    private const int CasesPerCombination = 12;

    private static readonly KernelChoice Tiled = new(KernelChoice.DirectOption, KernelChoice.Mode.Tiled);

    private static readonly KernelChoice TiledConv = new(KernelChoice.ConvOption, KernelChoice.Mode.Tiled);

    [Test, Combinatorial]
    public void Tiled_kernel_agrees_with_the_reference(
        [Values(LayoutFamily.Nchw, LayoutFamily.Nhwc, LayoutFamily.Blocked16)] LayoutFamily layout,
        [Values(DataType.F32, DataType.F16)] DataType type)
    {
        var direct = new OpenClDirectBackend(TestDevices.Pocl, OpenClOptions.Default, Tiled);
        var space = new CaseSpace { Layouts = [layout], DataTypes = [CaseTypes.Uniform(type)] };
        var property = Prop.ForAll(CaseGen.Arbitrary(space), c =>
        {
            Assert.That(Choose(Tiled, c.Resolve()).Entry, Is.EqualTo(KernelSource.DeconvTiled.Entry), c.Id);
            var run = CaseRun.Of(direct, c);
            if (!run.IsClean) throw new AssertionException($"tiled: {run.Describe()}");
        });
        TestSeed.Check(property, CasesPerCombination);
    }

    [Test, Combinatorial]
    public void Tiled_convolution_stage_agrees_with_the_reference(
        [Values(LayoutFamily.Nchw, LayoutFamily.Nhwc, LayoutFamily.Blocked16)] LayoutFamily layout,
        [Values(DataType.F32, DataType.F16)] DataType type)
    {
        var replaced = new OpenClReplacedBackend(TestDevices.Pocl, OpenClOptions.Default with { ZeroInsertion = true }, [], TiledConv);
        var space = new CaseSpace { Layouts = [layout], DataTypes = [CaseTypes.Uniform(type)] };
        var ran = 0;
        var property = Prop.ForAll(CaseGen.Arbitrary(space), c =>
        {
            var run = CaseRun.Of(replaced, c);
            if (run.Output is BackendOutput.NotApplicable) return;
            ran++;
            if (!run.IsClean) throw new AssertionException($"tiled conv: {run.Describe()}");
        });
        TestSeed.Check(property, CasesPerCombination);
        Assert.That(ran, Is.GreaterThanOrEqualTo(CasesPerCombination / 2), "the rewrite must apply to most generated cases");
    }

    /// <summary>
    /// A tile reaches past the input's edges and past the last position and channel: Oclgrind would
    /// report a stray access.
    /// </summary>
    [TestCase("mb2_ic6_oc20_g2_in3x4_k3x2_s2x1_pb1x0_op1x0_bias_blocked16")]
    [TestCase("ic3_oc35_in2x19_k3x5_s1x3_d1x2_pb2x1_pe0x2_f16_nhwc")]
    public void Both_forms_are_clean_on_oclgrind(string id)
    {
        var direct = new OpenClDirectBackend(TestDevices.Oclgrind, OpenClOptions.Default, Tiled);
        var replaced = new OpenClReplacedBackend(TestDevices.Oclgrind, OpenClOptions.Default with { ZeroInsertion = true }, [], TiledConv);
        foreach (var run in new[] { CaseRun.Of(direct, CaseId.Parse(id)), CaseRun.Of(replaced, CaseId.Parse(id)) })
            Assert.That(run.IsClean, run.Describe());
    }

    /// <summary>
    /// Both shapes are one tile (16 channels by one vector of 16 positions) and one kernel size (3x3), so the second
    /// needs no program of its own; the first's 11 work-items leave 5 of its work-group of 16 to return early.
    /// </summary>
    [Test]
    public void Shapes_of_one_tile_share_one_program()
    {
        var direct = new OpenClDirectBackend(TestDevices.Pocl, OpenClOptions.Default, Tiled);
        var first = CaseRun.Of(direct, CaseId.Parse("ic4_oc16_in5x9_k3x3_bias"));
        Assert.That(first.IsClean, first.Describe());
        var builds = DeviceSession.For(TestDevices.Pocl).ProgramBuilds;
        var second = CaseRun.Of(direct, CaseId.Parse("mb2_ic6_oc32_g2_in4x6_k3x3_s2x2_pb1x0"));
        Assert.That(second.IsClean, second.Describe());
        Assert.That(DeviceSession.For(TestDevices.Pocl).ProgramBuilds, Is.EqualTo(builds));
    }

    [Test]
    public void Auto_takes_the_tiled_kernel_for_large_cases_only()
    {
        var small = CaseId.Parse("ic4_oc8_in5x5_k3x3").Resolve();
        var large = CaseId.Parse("mb2_ic64_oc64_in32x32_k4x4_s2x2_pb1x1_pe1x1").Resolve();
        var auto = new KernelChoice(KernelChoice.DirectOption, KernelChoice.Mode.Auto);
        var autoConv = new KernelChoice(KernelChoice.ConvOption, KernelChoice.Mode.Auto);
        Assert.That(Choose(auto, small).Entry, Is.EqualTo(KernelSource.DeconvDirect.Entry));
        Assert.That(Choose(auto, large).Entry, Is.EqualTo(KernelSource.DeconvTiled.Entry));
        Assert.That(Choose(autoConv, small).Entry, Is.EqualTo(KernelSource.Conv.Entry));
        Assert.That(Choose(autoConv, large).Entry, Is.EqualTo(KernelSource.ConvTiled.Entry));
        Assert.That(Choose(new KernelChoice(KernelChoice.DirectOption, KernelChoice.Mode.Simple), large).Entry,
            Is.EqualTo(KernelSource.DeconvDirect.Entry));
    }

    [TestCase("u8s8u8")]
    [TestCase("bf16")]
    [TestCase("f32_po-relu")]
    public void Cases_other_than_plain_f32_and_f16_run_the_simple_kernel_even_when_tiled_is_forced(string types)
    {
        var p = CaseId.Parse("mb2_ic64_oc64_in32x32_k4x4_s2x2_pb1x1_pe1x1_" + types).Resolve();
        var tiled = new KernelChoice(KernelChoice.DirectOption, KernelChoice.Mode.Tiled);
        var chosen = tiled.For(KernelParams.ForDeconvolution(p), DataLayout.ForOutput(p), p.MultiplyAdds(), KernelTypes.Of(p.Case));
        Assert.That(chosen.Source.Entry, Is.EqualTo(KernelSource.DeconvDirect.Entry));
        Assert.That(chosen.Note, Does.Contain("tiled.cl runs f32 and f16 without post-ops only"));
    }

    private static KernelSource Choose(KernelChoice choice, Problem p) =>
        choice.For(KernelParams.ForDeconvolution(p), DataLayout.ForOutput(p), p.MultiplyAdds(), KernelTypes.Of(p.Case)).Source;

    [Test]
    public void An_unknown_choice_names_the_option_and_the_values()
    {
        var settings = new BackendSettings { Options = new Dictionary<string, string> { [KernelChoice.DirectOption.Name] = "fast" } };
        var e = Assert.Throws<ArgumentException>(() => KernelChoice.From(settings, KernelChoice.DirectOption));
        Assert.That(e!.Message, Is.EqualTo("option 'direct-kernel' = 'fast': must be one of auto, simple, tiled"));
    }
}
