using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Reports.Tests;

/// <summary>
/// A result table made the way a run makes one: the reference and the judge on small cases, with
/// outputs that a faulty kernel would give (a fault model's prediction, one corrupted element, a
/// NaN), so diagnoses, locations and heat maps are the real ones.
/// </summary>
public static class SampleRun
{
    public const string ErrorMessage = "clBuildProgram failed: <b>error</b>: use of undeclared identifier 'acc' & \"more\"";

    public static ResultTable Table { get; } = Build();

    private static ResultTable Build()
    {
        var results = new List<CaseResult>
        {
            Evaluate("ic4_oc8_g2_in5x5_k3x3_s2x2_pb1x1_pe1x1_op1x1_bias", "opencl-direct", "pocl", o => o),
            Evaluate("ic4_oc8_g2_in5x5_k3x3_s2x2_pb1x1_pe1x1_op1x1_bias", "onnxruntime", "cpu", o => o),
            Evaluate("mb1_ic3_oc4_in6x7_k3x3_bias_nhwc", "opencl-rewrite", "pocl", Fault(FaultCatalogue.WeightsNotFlipped)),
            Evaluate("mb1_ic3_oc4_in6x7_k3x3_bias_nhwc", "onnxruntime", "cpu", o => o),
            Evaluate("ic2_oc2_in9_k3_s2_op1_bias_f16", "opencl-direct", "pocl", Fault(FaultCatalogue.BiasMissing)),
            Evaluate("mb2_ic4_oc6_g2_in5x6_k3x3_s2x2_pb1x1_pe0x1_op1x1_bias", "opencl-direct", "pocl",
                Fault(FaultCatalogue.OutputPaddingDropped)),
            Evaluate("ic4_oc4_g4_in5x5_k3x3_s2x2_d2x2_f16_blocked16", "opencl-direct", "pocl", Corrupt(37, 0.25f)),
            Evaluate("ic2_oc6_g2_in4x4_k2x2_s3x3_nchw", "ext:mykernel", "oclgrind", Corrupt(11, float.NaN)),
            Evaluate("ic2_oc6_g2_in4x4_k2x2_s3x3_nchw", "onnxruntime", "cpu", o => o),
            Evaluate("ic2_oc3_in3x3x3_k2x2x2_s2x2x2_bias", "opencl-direct", "pocl", o => o),
            Evaluate("ic2_oc2_in9_k3_s2_op1_bias_f16", "ext:mykernel", "oclgrind", new BackendOutput.Failed(ErrorMessage)),
            Evaluate("ic2_oc2_in9_k3_s2_op1_bias_f16", "onnxruntime", "cpu",
                new BackendOutput.NotApplicable("ONNX Runtime has no CPU ConvTranspose kernel for float16")),
        };
        var environment = new List<KeyValuePair<string, string>>
        {
            new("machine", "ci-runner-7, 16 cores, Debian GNU/Linux 12"),
            new("onnxruntime", "ONNX Runtime 1.23.2"),
            new("commit", "0123456789abcdef0123456789abcdef01234567"),
        };
        var info = new RunInfo(environment) { Started = new DateTimeOffset(2026, 11, 21, 23, 0, 0, TimeSpan.Zero),
            CommandLine = "scripts/harness run --suite cases/smoke" };
        return new ResultTable(results, info);
    }

    public static IEnumerable<CaseResult> Failing => Table.Results.Where(r => r.Status == Status.Fail);

    private static CaseResult Evaluate(string id, string backend, string device, Func<Tensor, Tensor> kernel) =>
        Evaluate(id, backend, device, (p, inputs, reference) => BackendOutput.Produced.Of(kernel(Rounded(p, reference))));

    private static CaseResult Evaluate(string id, string backend, string device, Func<Problem, CaseInputs, Tensor> kernel) =>
        Evaluate(id, backend, device, (p, inputs, _) => BackendOutput.Produced.Of(kernel(p, inputs)));

    private static CaseResult Evaluate(string id, string backend, string device, BackendOutput output) =>
        Evaluate(id, backend, device, (_, _, _) => output);

    private static CaseResult Evaluate(
        string id, string backend, string device, Func<Problem, CaseInputs, ReferenceResult, BackendOutput> run)
    {
        var p = CaseId.Parse(id).Resolve();
        var inputs = Fill.For(p);
        var reference = ReferenceDeconvolution.Gather(p, inputs);
        var output = run(p, inputs, reference);
        var basis = Core.Comparison.ComparisonBasis.Of(p, reference);
        var subject = new ResultSubject(p.Case, backend, device, "cases/smoke:3");
        var (judged, metrics) = Core.Comparison.ResultEvaluator.Evaluate(basis, subject, output, 0.01 * id.Length);
        return Core.Comparison.ResultEvaluator.Explain(basis, inputs, reference, output, judged, metrics);
    }

    private static Tensor Rounded(Problem p, ReferenceResult reference) =>
        new(p.OutputShape, reference.Output.Select(v => Tensor.Round(v, p.Case.Types.Destination)).ToArray(), p.Case.Types.Destination);

    private static Func<Problem, CaseInputs, Tensor> Fault(string model) =>
        (p, inputs) => Diagnoser.AsOutput(p, FaultCatalogue.Get(model).Propose(p, inputs).First().Prediction);

    private static Func<Tensor, Tensor> Corrupt(int index, float value) => t =>
    {
        var data = (float[])t.Data.Clone();
        data[index] = float.IsNaN(value) ? value : data[index] + value;
        return new Tensor(t.Shape, data, t.StorageType);
    };

    /// <summary>A fresh folder under the test's work directory, kept after the run for a look.</summary>
    public static string Folder(string name)
    {
        var dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "reports-tests", name);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
