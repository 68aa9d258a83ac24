using System.Security.Cryptography;
using System.Runtime.InteropServices;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Suites;

// One line per case: its id and hashes of the gather's output, |addend| sums and term counts,
// the scatter's output, and every fault model's prediction (the reference run on other weights,
// geometry or rounding). Two builds that print the same lines computed the same bits. No BLAS is
// wired: these are the loops' bits, as a large case without OpenBLAS gets them.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: ReferenceHashes SUITE");
    return 2;
}
foreach (var suiteCase in SuiteFile.Load(args[0]).Cases)
{
    var problem = suiteCase.Case.Resolve();
    var inputs = Fill.For(problem);
    var gather = ReferenceDeconvolution.Gather(problem, inputs);
    var scatter = ReferenceDeconvolution.Scatter(problem, inputs);
    var line = $"{suiteCase.Case.Id} gather {Hash(gather.Output)} {Hash(gather.AbsSum)} {Hash(gather.Terms)} scatter {Hash(scatter)}";
    foreach (var model in FaultCatalogue.All)
    {
        foreach (var h in model.Propose(problem, inputs))
        {
            line += $" {h.Model}:{Hash(h.Prediction.Output)}/{Hash(h.Prediction.AbsSum)}/{Hash(h.Prediction.Terms)}";
        }
    }
    Console.WriteLine(line);
}
return 0;

static string Hash<T>(T[] values) where T : struct =>
    Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(values.AsSpan())))[..16];
