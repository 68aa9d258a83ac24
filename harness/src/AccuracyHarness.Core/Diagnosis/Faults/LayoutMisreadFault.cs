using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class LayoutMisreadFault() : FaultModel(FaultCatalogue.LayoutMisread, "data layout misread")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => p.Case.Layout != LayoutFamily.Nchw;

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs)
    {
        var inputLayout = DataLayout.ForInput(p);
        var outputLayout = DataLayout.ForOutput(p);
        var exact = Names.ExactLayout(p.Case.Layout, p.Rank);
        var plain = Names.ExactLayout(LayoutFamily.Nchw, p.Rank);

        // The input buffer in the case's layout, read with plain offsets.
        var packed = inputLayout.Pack(inputs.Input.Data);
        yield return Hypothesis($"input in {exact} read as {plain}", Run(p, inputs, input: packed[..(int)inputLayout.LogicalLength]));

        // The output written with plain offsets into a buffer read back in the case's layout:
        // logical element l is read from physical offset phys(l), where plain element phys(l) was written.
        var offsets = new long[outputLayout.LogicalLength];
        outputLayout.ForEach((logical, physical) => offsets[logical] = physical);
        yield return Hypothesis($"output written as {plain} into {exact}",
            Run(p, inputs).Remap(l => offsets[l] < offsets.Length ? (int)offsets[l] : null));

        if (p.Case.Layout == LayoutFamily.Blocked16 && p.Case.InChannels % DataLayout.BlockSize != 0)
        {
            var full = p.Case.InChannels / DataLayout.BlockSize * DataLayout.BlockSize;
            var plane = (int)p.Case.Input.Product();
            var dropped = (float[])inputs.Input.Data.Clone();
            for (var l = 0; l < dropped.Length; l++)
            {
                if ((l / plane) % p.Case.InChannels >= full) dropped[l] = 0;
            }
            yield return Hypothesis($"input channels {full}..{p.Case.InChannels - 1} of the blocked tail read as zero",
                Run(p, inputs, input: dropped));
        }
    }
}
