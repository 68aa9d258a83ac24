using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Generation;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.Core.Tests.Cases;

public class CaseIdTests
{
    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Canonical_id_parses_back_to_an_equal_case() =>
        Prop.ForAll(CaseGen.Arbitrary(), c =>
        {
            var id = c.Id;
            var parsed = CaseId.Parse(id);
            return (parsed == c && parsed.Id == id).Label($"{id} -> {parsed.Id}");
        });

    [Test]
    public void Short_form_takes_onnx_defaults()
    {
        var c = CaseId.Parse("ic4_oc8_in5x5_k3x3");
        Assert.That(c, Is.EqualTo(DeconvCase.Create(4, 8, new Dims(5, 5), new Dims(3, 3))));
    }

    [Test]
    public void Tokens_may_come_in_any_order_and_exact_layout_names_are_accepted()
    {
        var c = CaseId.Parse("b_fs_yx_fsv16_k3x3_in4x4_oc2_ic2_s2x2_f16_exact_seed9_bias");
        Assert.That(c.Layout, Is.EqualTo(LayoutFamily.Blocked16));
        Assert.That(c.Types.Destination, Is.EqualTo(DataType.F16));
        Assert.That(c.Fill, Is.EqualTo(FillMode.Exact));
        Assert.That(c.Seed, Is.EqualTo(9UL));
        Assert.That(c.HasBias, Is.True);
        Assert.That(c.Strides, Is.EqualTo(new Dims(2, 2)));
    }

    [TestCase("ic4_oc8_in5x5", "lacks 'k'")]
    [TestCase("ic4_oc8_in5x5_k3x3_zz3", "'zz3' is not understood")]
    [TestCase("ic4_oc8_in5x5_k3x3_ap-sideways", "auto_pad must be")]
    [TestCase("ic4_oc8_in5x5_k3x3_k2x2", "given twice")]
    public void Bad_ids_name_the_token(string id, string expected)
    {
        var error = Assert.Throws<FormatException>(() => CaseId.Parse(id))!;
        Assert.That(error.Message, Does.Contain(expected));
    }

    [Test]
    public void Example_id_is_canonical() =>
        Assert.That(CaseId.Parse(CaseId.Example).Id, Is.EqualTo(CaseId.Example));
}
