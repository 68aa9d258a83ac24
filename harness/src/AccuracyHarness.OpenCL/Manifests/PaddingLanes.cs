namespace AccuracyHarness.OpenCL.Manifests;

/// <summary>Who zeroes a blocked output's padding lanes (manifest field <c>padding_lanes</c>).</summary>
public enum PaddingLanes
{
    /// <summary>The kernel writes 0 to them (they start as NaN).</summary>
    Written,

    /// <summary>The harness zero-fills them before the launch and checks they are still 0 after it.</summary>
    Untouched,
}
