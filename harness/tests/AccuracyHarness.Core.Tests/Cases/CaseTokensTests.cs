using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.Core.Suites;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.Core.Tests.Cases;

public class CaseTokensTests
{
    private static readonly DeconvCase Base = CaseId.Parse("ic2_oc2_in4x4_k3x3");

    /// <summary>For every token, a value other than its default: as a grid writes it, normalised, and as the case's id writes it.</summary>
    private static readonly Dictionary<string, (string Grid, string Normalised, string Token)> Samples = new()
    {
        ["mb"] = (" 3 ", "3", "mb3"),
        ["ic"] = ("6", "6", "ic6"),
        ["oc"] = ("4", "4", "oc4"),
        ["g"] = ("2", "2", "g2"),
        ["in"] = ("5x6", "5x6", "in5x6"),
        ["k"] = ("2", "2", "k2x2"),
        ["s"] = ("2x1", "2x1", "s2x1"),
        ["d"] = ("2", "2", "d2x2"),
        ["pb"] = ("-1", "-1", "pb-1x-1"),
        ["pe"] = ("1x0", "1x0", "pe1x0"),
        ["op"] = ("01x1", "1x1", "op1x1"),
        ["os"] = ("9x10", "9x10", "os9x10"),
        ["ap"] = ("SAME_UPPER", "same-upper", "ap-same-upper"),
        ["bias"] = ("yes", "bias", "bias"),
        ["dtype"] = ("half", "f16", "f16"),
        ["layout"] = ("b_fs_yx_fsv16", "blocked16", "blocked16"),
        ["fill"] = ("exact", "exact", "exact"),
        ["seed"] = ("18446744073709551615", "18446744073709551615", "seed18446744073709551615"),
        ["zps"] = ("pc", "-pc", "zps-pc"),
        ["zpd"] = ("-3", "-3", "zpd-3"),
        ["sw"] = ("PC", "pc", "sw-pc"),
        ["po"] = ("relu+SUM0.5+clip-1to6", "relu+sum0.5+clip-1to6", "po-relu+sum0.5+clip-1to6"),
    };

    private static IEnumerable<string> Params() => CaseTokens.All.Select(t => t.Param);

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property A_case_survives_its_id_in_any_order_and_its_grid_values() =>
        Prop.ForAll(CaseGen.Arbitrary(CaseSpace.EveryType), c =>
        {
            var id = CaseId.Format(c);
            var tokens = id.Split('_');
            var values = GridParams.Of(c);
            var fromGrid = GridParams.Id(values);
            return (CaseId.Parse(id) == c
                    && CaseId.Parse(string.Join('_', tokens.Reverse())) == c
                    && fromGrid == id
                    && CaseId.Parse(fromGrid) == c
                    && values.All(kv => GridParams.Normalise(kv.Key, kv.Value) == kv.Value)
                    && tokens.All(t => CaseTokens.All.Count(entry => entry.Claims(t)) == 1))
                .Label($"{id} -> grid {fromGrid}");
        });

    [Test]
    public void Every_token_has_a_sample() => Assert.That(Samples.Keys, Is.EquivalentTo(Params()));

    [TestCaseSource(nameof(Params))]
    public void A_token_means_the_same_in_a_grid_and_in_an_id_and_only_it_reads_its_text(string param)
    {
        var token = CaseTokens.Get(param);
        var (grid, normalised, text) = Samples[param];
        Assert.That(GridParams.Normalise(param, grid), Is.EqualTo(normalised));

        var values = GridParams.Of(Base);
        values[param] = normalised;
        var fromGrid = CaseId.Parse(GridParams.Id(values));
        Assert.That(token.Format(fromGrid), Is.EqualTo(text));
        Assert.That(CaseTokens.All.Where(t => t != token).Select(t => t.Format(fromGrid)),
            Is.EqualTo(CaseTokens.All.Where(t => t != token).Select(t => t.Format(Base))), "the other tokens keep their values");

        // The same token written by hand, first in an id whose other tokens come in canonical order.
        var byHand = string.Join('_', Base.Id.Split('_').Where(t => !token.Claims(t)).Prepend(text));
        Assert.That(CaseId.Parse(byHand), Is.EqualTo(fromGrid), byHand);
        Assert.That(CaseTokens.All.Where(t => t.Claims(text)), Is.EqualTo(new[] { token }));
    }

    [Test]
    public void The_canonical_id_writes_every_token_in_the_contract_order() =>
        Assert.That(CaseId.Parse("seed3_exact_nhwc_f16_bias_ap-valid_os7_op1_pe1_pb1_d2_s2_k3_in4_g1_oc2_ic2_mb2").Id,
            Is.EqualTo("mb2_ic2_oc2_g1_in4_k3_s2_d2_pb1_pe1_op1_os7_ap-valid_bias_f16_nhwc_exact_seed3"));

    [Test]
    public void Required_tokens_are_those_without_a_default() =>
        Assert.That(CaseTokens.All.Where(t => t.Required).Select(t => t.Param), Is.EqualTo(new[] { "ic", "oc", "in", "k" }));

    [Test]
    public void Options_given_twice_take_the_last_one_written()
    {
        var c = CaseId.Parse("ic1_oc1_in3_k3_f32_f16_mb2_mb3_seed4_seed5_bias_nobias_ap-valid_ap-same-lower");
        Assert.That((c.Types.Destination, c.Batch, c.Seed, c.HasBias, c.AutoPad), Is.EqualTo((DataType.F16, 3, 5UL, false, AutoPad.SameLower)));
    }

    [Test]
    public void Exact_layout_names_with_the_separator_are_read_in_any_case() =>
        Assert.That(CaseId.Parse("IC1_OC1_IN3X3_K3X3_B_FS_YX_FSV16").Layout, Is.EqualTo(LayoutFamily.Blocked16));

    [TestCase("mb1x2_ic1_oc1_in3_k3", "case id token 'mb1x2': batch takes one value")]
    [TestCase("ic4x4_oc1_in3_k3", "case id token 'ic4x4': takes one value")]
    [TestCase("ic1_oc1_in3_k3_seed18446744073709551616",
        "case id token 'seed18446744073709551616': seed must be an unsigned 64-bit integer")]
    [TestCase("ic1_oc1_in3_k3_Ap-Sideways",
        "case id token 'Ap-Sideways': auto_pad must be ap-notset, ap-same-upper, ap-same-lower or ap-valid")]
    [TestCase("ic1_oc1_in3_k3_k2", "case id token 'k2': 'k' is given twice")]
    [TestCase("ic1_oc1_in3_k99999999999", "case id token 'k99999999999' is not understood (expected e.g. " + CaseId.Example + ")")]
    [TestCase("ic1_oc1_in3_k3_seed-1", "case id token 'seed-1' is not understood (expected e.g. " + CaseId.Example + ")")]
    [TestCase(" oc1_in3_k3", "case id ' oc1_in3_k3' lacks 'ic' (expected e.g. " + CaseId.Example + ")")]
    [TestCase("ic1_oc1_in3_k3_po-relu+gelu", "case id token 'po-relu+gelu': post-op 'gelu' is not one of: " + PostOp.Grammar)]
    [TestCase("ic1_oc1_in3_k3_po-clip3to1", "case id token 'po-clip3to1': post-op 'clip3to1': clip's lower bound 3 is above its upper bound 1")]
    [TestCase("ic1_oc1_in3_k3_po-sum1e3", "case id token 'po-sum1e3': post-op 'sum1e3' is not one of: " + PostOp.Grammar)]
    [TestCase("ic1_oc1_in3_k3_po-leaky2000", "case id token 'po-leaky2000': post-op 'leaky2000' is not one of: " + PostOp.Grammar)]
    [TestCase("ic1_oc1_in3_k3_zpd99999999999", "case id token 'zpd99999999999': the destination zero point must be a whole number")]
    [TestCase("ic1_oc1_in3_k3_zps1_zps2", "case id token 'zps2': 'zps' is given twice")]
    public void Bad_ids_are_named_in_full(string id, string expected)
    {
        Assert.That(CaseId.TryParse(id, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(expected));
    }

    [Test]
    public void Negative_sizes_are_read_so_that_validation_can_name_them() =>
        Assert.That(CaseId.Parse("ic1_oc1_in3x3_k3x3_pb-1x0").PadsBegin, Is.EqualTo(new Dims(-1, 0)));
}
