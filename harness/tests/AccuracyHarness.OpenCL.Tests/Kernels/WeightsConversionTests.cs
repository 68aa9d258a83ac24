using System.Text.RegularExpressions;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.OpenCL.Dialects.OpenVino;
using AccuracyHarness.OpenCL.Kernels;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Tests.Kernels;

public partial class WeightsConversionTests
{
    [GeneratedRegex(@"^#define (FILTER_\w+) (\d+)$", RegexOptions.Multiline)]
    private static partial Regex FilterConstant();

    /// <summary>ONNX weight W[g*C/G + i][o][y][x] (IOYX).</summary>
    private static float Onnx(Problem p, float[] w, int g, int o, int i, int y, int x) =>
        w[((((g * p.Cg) + i) * p.Mg + o) * p.Case.Kernel[0] + y) * p.Case.Kernel[1] + x];

    [TestCase("ic4_oc6_g2_in3x3_k3x2")]
    [TestCase("ic3_oc20_in3x3_k2x2")]
    public void Oiyx_and_its_flipped_form_put_each_onnx_weight_where_they_say(string id)
    {
        var p = CaseId.Parse(id).Resolve();
        var w = Fill.For(p).Weights;
        var oiyx = WeightsConversion.ToOrder(p, w, WeightsOrder.Goiyx);
        var flipped = WeightsConversion.ToOrder(p, w, WeightsOrder.OiyxFlipped);
        var (ky, kx) = (p.Case.Kernel[0], p.Case.Kernel[1]);
        for (var g = 0; g < p.Case.Groups; g++)
        for (var o = 0; o < p.Mg; o++)
        for (var i = 0; i < p.Cg; i++)
        for (var y = 0; y < ky; y++)
        for (var x = 0; x < kx; x++)
        {
            var block = (((g * p.Mg) + o) * p.Cg) + i;
            Assert.That(oiyx[(block * ky + y) * kx + x], Is.EqualTo(Onnx(p, w.Data, g, o, i, y, x)));
            Assert.That(flipped[(block * ky + ky - 1 - y) * kx + kx - 1 - x], Is.EqualTo(Onnx(p, w.Data, g, o, i, y, x)));
        }
    }

    /// <summary>
    /// The blocked order against OpenVINO's own index formula for os_is_yx_isv16_osv16 (jitter.cpp,
    /// WeightTensorJitConstant) evaluated with the FILTER pitches the dialect generates: the
    /// conversion and the generated constants agree, tails included.
    /// </summary>
    [TestCase("ic4_oc6_g2_in3x3_k3x2")]
    [TestCase("ic18_oc34_in3x3_k2x3")]
    public void The_blocked_order_matches_openvinos_index_formula_with_the_generated_pitches(string id)
    {
        var p = CaseId.Parse(id).Resolve();
        var w = Fill.For(p).Weights;
        var blocked = WeightsConversion.ToOrder(p, w, WeightsOrder.OsIsYxIsv16Osv16);
        var header = OpenVinoJit.Deconvolution(p, p.Case.Types.Destination, WeightsOrder.OsIsYxIsv16Osv16, "k", false, true);
        var c = FilterConstant().Matches(header).ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value));
        var taps = p.Case.Kernel[0] * p.Case.Kernel[1];
        Assert.That(blocked, Has.Length.EqualTo(p.Case.Groups * ((p.Mg + 15) / 16 * 16) * ((p.Cg + 15) / 16 * 16) * taps));
        for (var g = 0; g < p.Case.Groups; g++)
        for (var o = 0; o < p.Mg; o++)
        for (var i = 0; i < p.Cg; i++)
        for (var y = 0; y < p.Case.Kernel[0]; y++)
        for (var x = 0; x < p.Case.Kernel[1]; x++)
        {
            var index = (g * (p.Case.Groups > 1 ? c["FILTER_GROUPS_PITCH"] : 0)) + (o % 16) + (16 * (
                (x * 16 * c["FILTER_X_PITCH"]) + (y * 16 * c["FILTER_Y_PITCH"]) + (i % 16)
                + (i / 16 * 16 * c["FILTER_IFM_PITCH"]) + (o / 16 * c["FILTER_OFM_PITCH"])));
            Assert.That(blocked[index], Is.EqualTo(Onnx(p, w.Data, g, o, i, y, x)), $"g {g} o {o} i {i} y {y} x {x}");
        }
        Assert.That(blocked.Count(v => v != 0f), Is.EqualTo(w.Data.Count(v => v != 0f)), "every other element is a zero tail");
    }
}
