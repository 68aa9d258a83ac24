
namespace AccuracyHarness.Onnx.Tests;

/// <summary>The ConvTranspose tests of Debian's libonnx-testdata (installed by scripts/setup.sh).</summary>
public static class OnnxTestData
{
    public const string Root = NodeTest.DebianTestData;

    public static IEnumerable<TestCaseData> ConvTransposeTests()
    {
        var folders = NodeTest.FindConvTransposeTests(Root);
        if (folders.Count == 0)
        {
            yield return new TestCaseData("(none)").SetName("libonnx-testdata is missing: run scripts/setup.sh");
            yield break;
        }
        foreach (var folder in folders)
            yield return new TestCaseData(folder).SetName(Path.GetRelativePath(Root, folder));
    }
}
