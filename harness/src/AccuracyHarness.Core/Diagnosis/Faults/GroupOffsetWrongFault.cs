using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class GroupOffsetWrongFault()
    : FaultModel(FaultCatalogue.GroupOffsetWrong, "group offsets computed with the wrong channel count")
{
    /// <summary>Groups whose input and output channel counts differ: only then is the one count mistaken for the other.</summary>
    public override bool AppliesTo(Problem p, CaseInputs inputs) => p.Case.Groups != 1 && p.Cg != p.Mg;

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
    [
        Hypothesis("input channel offset of a group uses M/G (inputs and weights)",
            Run(p, inputs, input: InputMisread(p, inputs.Input.Data), weights: WeightsMisread(p, inputs.Weights.Data))),
        Hypothesis("input channel offset of a group uses M/G (inputs only)", Run(p, inputs, input: InputMisread(p, inputs.Input.Data))),
        Hypothesis("output channel offset of a group uses C/G", OutputMisplaced(p, Run(p, inputs))),
    ];

    /// <summary>The weights of input channel g*Cg + c read from channel g*Mg + c (zero where that is past C).</summary>
    private static float[] WeightsMisread(Problem p, float[] w)
    {
        var block = p.Mg * (int)p.Case.Kernel.Product();
        var result = new float[w.Length];
        for (var g = 0; g < p.Case.Groups; g++)
        for (var c = 0; c < p.Cg; c++)
        {
            var read = (g * p.Mg) + c;
            if (read < p.Case.InChannels) Array.Copy(w, read * block, result, ((g * p.Cg) + c) * block, block);
        }
        return result;
    }

    private static float[] InputMisread(Problem p, float[] x)
    {
        var plane = (int)p.Case.Input.Product();
        var result = new float[x.Length];
        for (var n = 0; n < p.Case.Batch; n++)
        for (var g = 0; g < p.Case.Groups; g++)
        for (var c = 0; c < p.Cg; c++)
        {
            var read = (g * p.Mg) + c;
            if (read >= p.Case.InChannels) continue;
            Array.Copy(x, ((n * p.Case.InChannels) + read) * plane, result, ((n * p.Case.InChannels) + (g * p.Cg) + c) * plane, plane);
        }
        return result;
    }

    /// <summary>
    /// Each group's outputs written at channel g*Cg + m instead of g*Mg + m; the channels nothing lands on are not written.
    /// </summary>
    private static Prediction OutputMisplaced(Problem p, Prediction correct)
    {
        var plane = (int)p.Output.Product();
        return correct.Remap(i =>
        {
            var n = i / (p.Case.OutChannels * plane);
            var written = i / plane % p.Case.OutChannels;
            var g = written / p.Cg;
            var m = written % p.Cg;
            if (g >= p.Case.Groups || m >= p.Mg) return null;
            return (((n * p.Case.OutChannels) + (g * p.Mg) + m) * plane) + (i % plane);
        });
    }
}
