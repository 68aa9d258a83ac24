using System.Globalization;

namespace AccuracyHarness.Core.Cases;

/// <summary>
/// The source zero point of a quantized case: none (0), one value for every channel (<c>zps-2</c>), or a value per
/// input channel drawn from the case seed (<c>zps-pc</c>).
/// </summary>
public readonly record struct ZeroPoint(int Common, bool PerChannel)
{
    public static readonly ZeroPoint None = new(0, false);

    public bool IsNone => this == None;

    /// <summary>The id token's value text after <c>zps</c>; null for none.</summary>
    public string? Text => IsNone ? null : PerChannel ? "-pc" : Common.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => Text ?? "none";
}
