using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Onnx;
using AccuracyHarness.OnnxRuntime.Interop;

namespace AccuracyHarness.OnnxRuntime.Tests;

/// <summary>Every libonnx-testdata ConvTranspose model, as its own file, runs in ONNX Runtime and gives the expected output.</summary>
public class NodeTestsThroughOrtTests
{
    public const string Root = "/usr/share/libonnx-testdata/data";

    public static IEnumerable<TestCaseData> Tests() =>
        NodeTest.FindConvTransposeTests(Root).Select(f => new TestCaseData(f).SetName(Path.GetRelativePath(Root, f)));

    [Test]
    public void TheTestDataIsInstalled() =>
        Assert.That(NodeTest.FindConvTransposeTests(Root), Has.Count.GreaterThanOrEqualTo(10), "run scripts/setup.sh");

    [TestCaseSource(nameof(Tests))]
    public void OrtMatchesTheExpectedOutput(string folder)
    {
        Ort.Require();
        var test = NodeTest.Load(folder);
        var problem = test.Case.Resolve();
        using var session = OrtSession.Create(test.ModelBytes, 1);
        var names = ConvTransposeReader.RuntimeInputs(test.Model.Graph);
        foreach (var set in Directory.GetDirectories(folder, "test_data_set_*").Order(StringComparer.Ordinal))
        {
            var feeds = names.Select((name, i) => (name, OnnxTensors.Read(Path.Combine(set, $"input_{i}.pb")))).ToList();
            var got = session.Run(feeds, test.Model.Graph.Output[0].Name);
            var data = test.DataSets.Single(d => d.Name == Path.GetFileName(set));
            Assert.That(got.Shape, Is.EqualTo(data.Expected.Shape));
            var metrics = Comparator.Compare(problem, ReferenceDeconvolution.Gather(problem, data.Inputs), got);
            Assert.That(metrics.Passed, () => $"{test.Name}/{data.Name} vs reference: {Ort.Describe(metrics)}");
            // The expected output is itself a rounded f32 result: each is within the bound of the
            // exact value, so they are within twice the bound of each other.
            var reference = ReferenceDeconvolution.Gather(problem, data.Inputs);
            var far = Enumerable.Range(0, got.Length).Count(i =>
                Math.Abs(got.Data[i] - data.Expected.Data[i]) > 2 * Tolerance.Bound(reference.Output[i], reference.AbsSum[i],
                    reference.Terms[i], problem.Case.Types.Destination));
            Assert.That(far, Is.Zero, $"{test.Name}/{data.Name}: elements farther from the expected output than twice their bound");
        }
    }
}
