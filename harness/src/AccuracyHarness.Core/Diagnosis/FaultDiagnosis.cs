using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Core.Diagnosis;

/// <summary>
/// The black-box verdict on a failing output. <see cref="Explained"/> when a fault model
/// reproduces every element within tolerance (<see cref="Equally"/> names other models that
/// reproduce it just as well: on this case they cannot be told apart); otherwise
/// <see cref="Model"/> is the closest one (fewest unexplained elements) or empty when none comes near.
/// </summary>
public sealed record FaultDiagnosis(string Model, string Detail, bool Explained, long Unexplained, long Elements)
{
    public static FaultDiagnosis None(long elements) => new("", "", false, elements, elements);

    public IReadOnlyList<string> Equally { get; init; } = [];

    /// <summary>Every explanation tried that reproduces some of the differing elements, best first.</summary>
    public IReadOnlyList<Explanation> Ranked { get; init; } = [];

    public string Text => Model.Length == 0
        ? "unexplained"
        : Explained
            ? $"{Model}: {Detail}" + (Equally.Count > 0 ? $" (or equally: {string.Join(", ", Equally)})" : "")
            : $"closest: {Model}: {Detail} (leaves {Unexplained} of {Elements} elements unexplained)";
}
