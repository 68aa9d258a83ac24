using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Suites;
using AccuracyHarness.Onnx;

namespace AccuracyHarness.OnnxRuntime.Tests;

/// <summary>cases/regressions/onnxruntime-history: every line runs through both backends with its documented outcome.</summary>
public class HistorySuiteTests
{
    public enum Outcome
    {
        /// <summary>Matches the reference within the bound, no note.</summary>
        Pass,

        /// <summary>Differs from the specification by design: the note says why, and the output matches the reference under ONNX Runtime's
        /// rule.</summary>
        KnownAmbiguity,

        /// <summary>Wrong values in ONNX Runtime 1.23: the note names the defect.</summary>
        KnownDefect,
    }

    /// <summary>The outcomes with ONNX Runtime 1.23.2, explained in the README of AccuracyHarness.OnnxRuntime.</summary>
    private static readonly Dictionary<string, Outcome> Documented = new()
    {
        ["mb1_ic1_oc1_in3x3_k3x3_s2x2_d2x2_bias_f32_nchw"] = Outcome.Pass,
        ["mb1_ic1_oc1_in2x2_k3x3_s1x1_ap-same-upper_f32_nchw"] = Outcome.Pass,
        ["mb1_ic1_oc1_in5x5_k3x3_s2x2_ap-same-upper_f32_nchw"] = Outcome.Pass,
        ["mb1_ic1_oc1_in3x3_k3x3_s2x2_ap-same-upper_f32_nchw"] = Outcome.Pass,
        ["mb1_ic1_oc1_in3x3_k3x3_s2x2_ap-same-lower_f32_nchw"] = Outcome.Pass,
        ["mb1_ic1_oc2_in3x3_k3x3_s2x2_os6x5_bias_f32_nchw"] = Outcome.Pass,
        ["mb1_ic1_oc1_in3x3_k3x3_s2x2_op1x1_ap-same-upper_f32_nchw"] = Outcome.Pass,
        ["mb1_ic1_oc1_in4x4_k3x3_s2x2_d2x2_pb5x5_pe5x5_op1x1_f32_nchw"] = Outcome.Pass,
        ["mb2_ic6_oc9_g3_in4x4_k3x3_s2x2_pb1x1_pe1x1_bias_f32_nchw"] = Outcome.Pass,
        ["mb1_ic1_oc1_in3x3_k3x3_s1x1_d2x2_op1x1_f32_nchw"] = Outcome.KnownDefect,
        ["mb1_ic1_oc1_in3x3_k3x3_s3x3_os11x11_bias_f32_nchw"] = Outcome.KnownAmbiguity,
        ["mb1_ic2_oc1_in3_k3_s2_os10_bias_f32_nchw"] = Outcome.KnownAmbiguity,
    };

    public static string SuitePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "cases", "regressions", "onnxruntime-history");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("cases/regressions/onnxruntime-history not found above " + AppContext.BaseDirectory);
    }

    public static IReadOnlyList<string> Lines() =>
        File.ReadAllLines(SuitePath()).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToList();

    public static IEnumerable<TestCaseData> Cases() => Lines().Select(l => new TestCaseData(l).SetName(l));

    [Test]
    public void EveryLineHasADocumentedOutcome()
    {
        Assert.That(Lines(), Is.EquivalentTo(Documented.Keys));
        // The command line's suite loader reads the same cases.
        Assert.That(SuiteFile.Load(SuitePath()).Cases.Select(c => c.Case), Is.EqualTo(Lines().Select(CaseId.Parse)));
    }

    [Test]
    public void EveryCaseIsPrecededByACommentNamingIt()
    {
        var lines = File.ReadAllLines(SuitePath());
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0 || lines[i].TrimStart().StartsWith('#')) continue;
            var above = lines.Take(i).Reverse().TakeWhile(l => l.Trim().Length > 0).ToList();
            Assert.That(above.Any(l => l.TrimStart().StartsWith('#')), $"line {i + 1} ({lines[i]}) has no comment above it");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void RunsWithItsDocumentedOutcome(string line)
    {
        Ort.Require();
        var problem = CaseId.Parse(line).Resolve();
        var inputs = Fill.For(problem);
        var expected = Documented[line];
        foreach (var weights in Enum.GetValues<WeightsSource>())
        {
            var output = new OnnxRuntimeBackend(weights, new OnnxRuntimeOptions()).Run(problem, inputs, default);
            Assert.That(output, Is.TypeOf<BackendOutput.Produced>(), () => output.ToString());
            var produced = (BackendOutput.Produced)output;
            var spec = Ort.Compare(problem, inputs, produced.Output);
            var known = produced.KnownIssues.IsEmpty ? "" : "; " + ResultText.KnownIssues(produced.KnownIssues);
            TestContext.Out.WriteLine($"{weights}: {(spec.Passed ? "pass" : "fail")} ({Ort.Describe(spec)}){known}");
            switch (expected)
            {
                case Outcome.Pass:
                    Assert.That(spec.Passed, () => Ort.Describe(spec));
                    Assert.That(produced.KnownIssues, Is.Empty);
                    break;
                case Outcome.KnownAmbiguity:
                    Assert.That(spec.Passed, Is.False, "the specification's output differs");
                    Assert.That(produced.KnownIssues.Select(k => k.Kind), Is.EqualTo(new[] { KnownIssueKind.Ambiguity }));
                    Assert.That(produced.KnownIssues[0].Text, Does.StartWith("known ambiguity:"));
                    Assert.That(Comparator.Compare(problem, Ort.ReferenceUnderOrtRule(problem, inputs), produced.Output).Passed,
                        "ONNX Runtime's output is the reference under its own rule");
                    break;
                case Outcome.KnownDefect:
                    Assert.That(spec.Passed, Is.False);
                    Assert.That(produced.KnownIssues.Select(k => k.Kind), Does.Contain(KnownIssueKind.Defect));
                    var defect = produced.KnownIssues.Single(k => k.Kind == KnownIssueKind.Defect);
                    Assert.That(defect.Text, Does.StartWith("known ONNX Runtime defect:"));
                    break;
            }
        }
    }

    [Test]
    public void TheDefectIsSpecificTo2D()
    {
        Ort.Require();
        foreach (var id in new[] { "mb1_ic1_oc1_in3_k3_s1_d2_op1", "mb1_ic1_oc1_in3x3x3_k3x3x3_s1x1x1_d2x2x2_op1x1x1" })
        {
            var problem = CaseId.Parse(id).Resolve();
            var inputs = Fill.For(problem);
            var output = (BackendOutput.Produced)new OnnxRuntimeBackend(WeightsSource.GraphInput, new OnnxRuntimeOptions())
                .Run(problem, inputs, default);
            Assert.That(Comparator.Compare(problem, ReferenceDeconvolution.Gather(problem, inputs), output.Output).Passed, id);
            Assert.That(output.KnownIssues, Is.Empty);
        }
    }
}
