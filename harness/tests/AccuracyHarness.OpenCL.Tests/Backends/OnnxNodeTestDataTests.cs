using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Onnx;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Backends;

/// <summary>
/// ONNX's own ConvTranspose backend tests, with their own tensors: both OpenCL backends must
/// reproduce the reference within the f32 bound, and so the tests' expected outputs.
/// </summary>
public class OnnxNodeTestDataTests
{
    private static IEnumerable<TestCaseData> Tests()
    {
        var folders = NodeTest.FindConvTransposeTests(NodeTest.DebianTestData);
        if (folders.Count == 0)
            yield return new TestCaseData("(none)").SetName("libonnx-testdata is missing: run scripts/setup.sh");
        foreach (var folder in folders)
            yield return new TestCaseData(folder).SetName(Path.GetRelativePath(NodeTest.DebianTestData, folder));
    }

    [TestCaseSource(nameof(Tests))]
    public void Both_backends_reproduce_the_node_test(string folder)
    {
        Assert.That(Directory.Exists(folder), "libonnx-testdata is missing: run scripts/setup.sh");
        var test = NodeTest.Load(folder);
        var problem = test.Case.Resolve();
        var options = OpenClOptions.Default with { ZeroInsertion = true };
        IBackend[] backends = [new OpenClDirectBackend(TestDevices.Pocl, options),
            new OpenClReplacedBackend(TestDevices.Pocl, options, [])];
        foreach (var data in test.DataSets)
        {
            var reference = ReferenceDeconvolution.Gather(problem, data.Inputs);
            var expected = Comparator.Compare(problem, reference, data.Expected);
            Assert.That(expected.Passed,
                $"{test.Name}: the test's expected output against the reference (bound ratio {expected.BoundRatio})");
            foreach (var backend in backends)
            {
                var output = backend.Run(problem, data.Inputs, CancellationToken.None);
                Assert.That(output, Is.TypeOf<BackendOutput.Produced>(), $"{backend.Name}: {output}");
                var metrics = Comparator.Compare(problem, reference, ((BackendOutput.Produced)output).Output);
                Assert.That(metrics.Passed,
                    $"{backend.Name} on {test.Name}{data.Name}: bound ratio {metrics.BoundRatio}, {metrics.Mismatches} mismatches");
            }
        }
    }
}
