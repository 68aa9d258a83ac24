using System.Collections.Immutable;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Backends;

/// <summary>What a backend returns for a case.</summary>
public abstract record BackendOutput
{
    private BackendOutput()
    {
    }

    /// <summary>
    /// An output in logical order. <paramref name="Stages"/> are the intermediates of a
    /// multi-stage backend in pipeline order; <paramref name="Findings"/> are problems a device
    /// saw even when the numbers may agree (e.g. Oclgrind's invalid accesses);
    /// <paramref name="NonZeroPaddingLanes"/> counts padding lanes of a blocked output that
    /// were not zero; <paramref name="Note"/> says how the result was obtained when that matters.
    /// </summary>
    public sealed record Produced(
        Tensor Output,
        ImmutableArray<StageOutput> Stages,
        ImmutableArray<string> Findings,
        long NonZeroPaddingLanes = 0,
        string? Note = null) : BackendOutput
    {
        /// <summary>Divergences the backend knows it has on this case; a failure with one is diagnosed with it.</summary>
        public ImmutableArray<KnownIssue> KnownIssues { get; init; } = [];

        /// <summary>Device time of each launch, in launch order.</summary>
        public ImmutableArray<DeviceTime> DeviceTimes { get; init; } = [];

        /// <summary>
        /// The implementation the library picked for the case (oneDNN's impl info, e.g. "jit:avx2"),
        /// since a divergence in one implementation is a different bug from one in another.
        /// </summary>
        public string? Impl { get; init; }

        public static Produced Of(Tensor output) => new(output, [], []);
    }

    /// <summary>The backend cannot run this case by design (unsupported dtype, rule does not apply).</summary>
    public sealed record NotApplicable(string Reason) : BackendOutput;

    /// <summary>The backend tried and failed (build error, native error); the run goes on.</summary>
    public sealed record Failed(string Message) : BackendOutput;
}
