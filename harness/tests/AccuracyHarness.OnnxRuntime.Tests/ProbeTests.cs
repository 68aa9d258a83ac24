using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Onnx;

namespace AccuracyHarness.OnnxRuntime.Tests;

public class ProbeTests
{
    public static IEnumerable<string> Lines() => Array.Empty<string>().Concat(["mb1_ic1_oc1_in3_k3_s1_d2_op1_f32","mb1_ic1_oc1_in5x5_k3x3_s1x1_d2x2_op1x1_f32","mb1_ic1_oc1_in3x3_k3x3_s1x1_d2x2_op1x0_f32","mb1_ic1_oc1_in3x3_k3x3_s1x1_d2x2_op0x1_f32","mb1_ic1_oc1_in3x3x3_k3x3x3_s1x1x1_d2x2x2_op1x1x1_f32","mb1_ic1_oc1_in3_k3_s2_d3_op2_f32","mb1_ic1_oc1_in4x4_k3x3_s1x1_d2x2_op1x1_f32"]);

    [TestCaseSource(nameof(Lines))]
    public void Probe(string id)
    {
        var problem = CaseId.Parse(id).Resolve();
        var inputs = Fill.For(problem);
        foreach (var w in Enum.GetValues<WeightsSource>())
        {
            var backend = new OnnxRuntimeBackend(w, new OnnxRuntimeOptions());
            var r = backend.Run(problem, inputs, default);
            var text = r switch
            {
                BackendOutput.Produced p => $"produced {p.Output.Shape}; vs spec: {Ort.Describe(Ort.Compare(problem, inputs, p.Output))}; note {p.Note}",
                _ => r.ToString(),
            };
            TestContext.Out.WriteLine($"{id} {w}: {text}");
        }
    }
}
