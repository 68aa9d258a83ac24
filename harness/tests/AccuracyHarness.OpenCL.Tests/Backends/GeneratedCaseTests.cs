using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.OpenCL.Tests.Backends;

/// <summary>
/// FsCheck over generated cases (every rank, stride, dilation, padding mode, groups, bias and
/// both fills) for each layout and storage type, on PoCL. Random fills must stay within the
/// bound, exact fills must be bit-identical; padding lanes must be zero.
/// </summary>
public class GeneratedCaseTests
{
    private const int CasesPerCombination = 40;

    [Test, Combinatorial]
    public void Both_backends_agree_with_the_reference(
        [Values(LayoutFamily.Nchw, LayoutFamily.Nhwc, LayoutFamily.Blocked16)] LayoutFamily layout,
        [Values(DataType.F32, DataType.F16)] DataType type)
    {
        var device = TestDevices.Pocl;
        var direct = new OpenClDirectBackend(device, OpenClOptions.Default);
        var replaced = new OpenClReplacedBackend(device, OpenClOptions.Default with { ZeroInsertion = true }, []);
        var space = new CaseSpace { Layouts = [layout], DataTypes = [CaseTypes.Uniform(type)] };
        var property = Prop.ForAll(CaseGen.Arbitrary(space), c =>
        {
            foreach (var backend in new OpenClBackend[] { direct, replaced })
            {
                var run = CaseRun.Of(backend, c);
                if (!run.IsClean) throw new AssertionException($"{backend.Name}: {run.Describe()}");
            }
        });
        TestSeed.Check(property, CasesPerCombination);
    }
}
