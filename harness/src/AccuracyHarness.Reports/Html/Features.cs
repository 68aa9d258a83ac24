using System.Globalization;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Reports.Html;

/// <summary>
/// The case features of the pass/fail matrix, each a coarse class of a case parameter, so that a
/// column of failures lines up with the feature a kernel gets wrong (e.g. every failure has
/// stride 1: suspect the stride-1 rewrite).
/// </summary>
public static class Features
{
    public static IReadOnlyList<(string Name, Func<DeconvCase, string> Value)> All { get; } =
    [
        ("layout", c => Names.Of(c.Layout)),
        ("dtype", c => c.Types.Name),
        ("stride", c => Uniform(c.Strides)),
        ("groups", c => c.Groups == 1 ? "1" : c.Groups == c.InChannels && c.Groups == c.OutChannels ? "depthwise" : "grouped"),
        ("dilation", c => Uniform(c.Dilations)),
        ("output padding", c => c.OutputPadding.All(v => v == 0) ? "0" : ">0"),
        ("rank", c => $"{c.Rank}D"),
    ];

    /// <summary>"feature=value" tokens that the page's text filter matches, e.g. "stride=2".</summary>
    public static string Tokens(DeconvCase c) => string.Join(" ", All.Select(f => $"{f.Name.Replace(' ', '-')}={f.Value(c)}"));

    /// <summary>"2" for 2x2, "1x2" when axes differ: the matrix stays short.</summary>
    private static string Uniform(Dims d) => d.Distinct().Count() == 1 ? d[0].ToString(CultureInfo.InvariantCulture) : d.ToString();
}
