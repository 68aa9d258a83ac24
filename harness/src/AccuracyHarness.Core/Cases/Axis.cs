namespace AccuracyHarness.Core.Cases;

/// <summary>One spatial axis of a resolved problem, with its effective pads and output size.</summary>
public readonly record struct Axis(int In, int Kernel, int Stride, int Dilation, int PadBegin, int PadEnd, int OutputPadding, int Out)
{
    /// <summary>A unit axis that lets lower ranks run through three-dimensional loops.</summary>
    public static Axis Unit => new(1, 1, 1, 1, 0, 0, 0, 1);
}
