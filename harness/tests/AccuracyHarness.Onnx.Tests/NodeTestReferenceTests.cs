using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Onnx.Tests;

/// <summary>Every ONNX ConvTranspose test's expected output is what the harness's reference computes from its tensors.</summary>
public class NodeTestReferenceTests
{
    [Test]
    public void TheTestDataHasConvTransposeTests() =>
        Assert.That(NodeTest.FindConvTransposeTests(OnnxTestData.Root), Has.Count.GreaterThanOrEqualTo(10), "run scripts/setup.sh");

    [TestCaseSource(typeof(OnnxTestData), nameof(OnnxTestData.ConvTransposeTests))]
    public void ReferenceReproducesTheExpectedOutput(string folder)
    {
        Assert.That(Directory.Exists(folder), "libonnx-testdata is missing: run scripts/setup.sh");
        var test = NodeTest.Load(folder);
        var problem = test.Case.Resolve();
        Assert.That(test.DataSets, Is.Not.Empty);
        foreach (var set in test.DataSets)
        {
            Assert.That(set.Expected.Shape, Is.EqualTo(problem.OutputShape), $"{set.Name}: output shape of {test.Case.Id}");
            var gather = ReferenceDeconvolution.Gather(problem, set.Inputs);
            var gathered = Comparator.Compare(problem, gather, set.Expected);
            Assert.That(gathered.Passed, $"{set.Name} gather: {gathered.Mismatches} mismatches, bound ratio {gathered.BoundRatio}");

            // The scatter form is judged against the same per-element bounds.
            var scatter = ReferenceDeconvolution.Scatter(problem, set.Inputs);
            var scattered = Comparator.Compare(problem, gather with { Output = scatter }, set.Expected);
            Assert.That(scattered.Passed, $"{set.Name} scatter: {scattered.Mismatches} mismatches, bound ratio {scattered.BoundRatio}");
        }
    }
}
