namespace AccuracyHarness.Core.Diagnosis.Search;

/// <summary>
/// How a kernel addresses the input: the coordinates it passes to the layout's offset. <see cref="Channels"/> maps the
/// input channel the weights are read for to the one the input is read from; <see cref="Swap"/> exchanges two spatial
/// coordinates (z, y, x = 0, 1, 2) while the sizes stay as declared, so the read lands wherever flat memory puts it.
/// </summary>
public sealed record InputRead(int[]? Channels = null, (int A, int B)? Swap = null)
{
    public static InputRead Correct { get; } = new();
}
