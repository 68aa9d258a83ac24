using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Backends;

/// <summary>The refusal of a backend, or a path of one, that runs plain f32 and f16 cases only (no bf16, integers or post-ops).</summary>
public static class PlainFloatOnly
{
    /// <summary>The case's data types and post-ops, as a refusal names them (<c>u8s8u8 with post-ops relu+sum0.5</c>).</summary>
    public static string Describe(DeconvCase c) => c.Types.Name + (c.PostOps.IsNone ? "" : $" with post-ops {c.PostOps.Text}");

    /// <summary>Not applicable, with the reason, unless the case is plain f32 or f16.</summary>
    public static BackendOutput.NotApplicable? Refuse(string backend, DeconvCase c) =>
        c.PlainFloat is null ? new BackendOutput.NotApplicable($"{backend} runs f32 and f16 without post-ops, not {Describe(c)}") : null;
}
