using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Fills;

namespace AccuracyHarness.Core.Tests.Diagnosis;

public class FaultCatalogueTests
{
    [Test]
    public void Names_are_unique_and_each_model_is_found_by_its_name()
    {
        var names = FaultCatalogue.All.Select(m => m.Name).ToList();
        Assert.That(names, Is.Unique);
        Assert.That(names, Has.None.Empty);
        foreach (var model in FaultCatalogue.All)
            Assert.That(FaultCatalogue.Get(model.Name), Is.SameAs(model), model.Name);
    }

    [Test]
    public void An_unknown_name_lists_the_known_ones() =>
        Assert.That(() => FaultCatalogue.Get("weights-upside-down"),
            Throws.TypeOf<KeyNotFoundException>().With.Message.Contains(FaultCatalogue.HalfAccumulation));

    [Test]
    public void Every_model_has_a_description_and_its_hypotheses_carry_its_name()
    {
        var p = CaseId.Parse("mb2_ic6_oc4_g2_in4x5_k3x2_s2x3_d2x1_pb2x0_pe1x1_op1x2_bias_f16_blocked16_seed11").Resolve();
        var inputs = Fill.For(p);
        foreach (var model in FaultCatalogue.All)
        {
            Assert.That(model.Description, Is.Not.Empty, model.Name);
            Assert.That(model.Propose(p, inputs).Select(h => h.Model), Has.All.EqualTo(model.Name), model.Name);
        }
    }
}
