namespace AccuracyHarness.Core.Running;

/// <summary>
/// One line of a run's profile: a step, and for a backend which one ("NAME@DEVICE") or for
/// reporting which file. Written "backend onnxruntime@cpu", "reporting results.jsonl", "reference".
/// </summary>
public sealed record ProfileStage(ProfileStageKind Kind, string Of = "")
{
    public static ProfileStage Inputs { get; } = new(ProfileStageKind.Inputs);
    public static ProfileStage Reference { get; } = new(ProfileStageKind.Reference);
    public static ProfileStage Comparison { get; } = new(ProfileStageKind.Comparison);
    public static ProfileStage Diagnosis { get; } = new(ProfileStageKind.Diagnosis);

    public static ProfileStage Backend(string name, string device) => new(ProfileStageKind.Backend, $"{name}@{device}");

    /// <param name="file">The report or file written; empty for dumps.</param>
    public static ProfileStage Reporting(string file = "") => new(ProfileStageKind.Reporting, file);

    public override string ToString() => Kind.ToString().ToLowerInvariant() + (Of.Length > 0 ? " " + Of : "");
}
