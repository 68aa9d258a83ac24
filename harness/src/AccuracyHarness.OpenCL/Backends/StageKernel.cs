using System.Collections.Immutable;
using AccuracyHarness.OpenCL.Kernels;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// A stage's kernel as <see cref="KernelChoice"/> picks it: the source with its build options, the values of its
/// <c>params</c> buffer (the problem's macros, then whatever else the kernel reads there), and its 1-D range:
/// <see cref="WorkItems"/> in work-groups of <see cref="WorkGroup"/>, rounded up to whole groups (a kernel whose items
/// do not fill the last group returns early past them). <see cref="Note"/> says where the choice was not honoured.
/// </summary>
public sealed record StageKernel(KernelSource Source, ImmutableArray<int> Params, long WorkItems, long WorkGroup, string? Note)
{
    /// <summary>One work-item per element of the destination (the simple kernels), in the harness's usual work-groups.</summary>
    public static StageKernel PerElement(KernelSource source, KernelParams parameters, long elements, string? note = null) =>
        new(source, parameters.Values, elements, DeviceRun.LocalSize(elements), note);
}
