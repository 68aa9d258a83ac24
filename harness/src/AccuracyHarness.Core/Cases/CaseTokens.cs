namespace AccuracyHarness.Core.Cases;

/// <summary>
/// The case-id grammar as one table (docs/ARCHITECTURE.md section 9.1, README "Case ids (contract)"):
/// every token in the order of the canonical id, which is also the order of the grid parameters.
/// <see cref="CaseId"/> formats and parses ids with it, <c>Suites/GridParams</c> reads grid values with it.
/// </summary>
/// <remarks>
/// A new token is one entry here, at its place in the canonical id, plus its field on
/// <see cref="DeconvCase"/>: its value is one of the kinds in <see cref="TokenValues"/>. A token that
/// an id leaves out at its default (zero points, post-ops) keeps every older id as it was. No prefix
/// may claim another entry's tokens: a token is read by the first entry that claims it, and the tests check that each canonical
/// token is claimed by its own entry alone.
/// </remarks>
public static class CaseTokens
{
    private static readonly TokenValue<Dims> Broadcast = TokenValues.Axes(broadcast: true);

    public static IReadOnlyList<CaseToken> All { get; } =
    [
        new CaseToken<int>
        {
            Param = "mb", Prefix = "mb", Value = TokenValues.Count("batch takes one value"),
            Get = c => c.Batch, Set = (c, v) => c with { Batch = v }, Default = _ => 1,
        },
        new CaseToken<int>
        {
            Param = "ic", Prefix = "ic", Value = TokenValues.Count("takes one value"), Once = true,
            Get = c => c.InChannels, Set = (c, v) => c with { InChannels = v },
        },
        new CaseToken<int>
        {
            Param = "oc", Prefix = "oc", Value = TokenValues.Count("takes one value"), Once = true,
            Get = c => c.OutChannels, Set = (c, v) => c with { OutChannels = v },
        },
        new CaseToken<int>
        {
            Param = "g", Prefix = "g", Value = TokenValues.Count("takes one value"), Once = true,
            Get = c => c.Groups, Set = (c, v) => c with { Groups = v }, Default = _ => 1,
        },
        // The input's sizes give the rank, so a single value is one axis, never broadcast.
        new CaseToken<Dims>
        {
            Param = "in", Prefix = "in", Value = TokenValues.Axes(broadcast: false), Once = true,
            Get = c => c.Input, Set = (c, v) => c with { Input = v },
        },
        new CaseToken<Dims>
        {
            Param = "k", Prefix = "k", Value = Broadcast, Once = true,
            Get = c => c.Kernel, Set = (c, v) => c with { Kernel = v },
        },
        new CaseToken<Dims>
        {
            Param = "s", Prefix = "s", Value = Broadcast, Once = true,
            Get = c => c.Strides, Set = (c, v) => c with { Strides = v }, Default = rank => Dims.Fill(rank, 1),
        },
        new CaseToken<Dims>
        {
            Param = "d", Prefix = "d", Value = Broadcast, Once = true,
            Get = c => c.Dilations, Set = (c, v) => c with { Dilations = v }, Default = rank => Dims.Fill(rank, 1),
        },
        new CaseToken<Dims>
        {
            Param = "pb", Prefix = "pb", Value = Broadcast, Once = true,
            Get = c => c.PadsBegin, Set = (c, v) => c with { PadsBegin = v }, Default = rank => Dims.Fill(rank, 0),
        },
        new CaseToken<Dims>
        {
            Param = "pe", Prefix = "pe", Value = Broadcast, Once = true,
            Get = c => c.PadsEnd, Set = (c, v) => c with { PadsEnd = v }, Default = rank => Dims.Fill(rank, 0),
        },
        new CaseToken<Dims>
        {
            Param = "op", Prefix = "op", Value = Broadcast, Once = true,
            Get = c => c.OutputPadding, Set = (c, v) => c with { OutputPadding = v }, Default = rank => Dims.Fill(rank, 0),
        },
        new CaseToken<Dims?>
        {
            Param = "os", Prefix = "os", Value = TokenValues.OptionalAxes(), Once = true,
            Get = c => c.OutputShape, Set = (c, v) => c with { OutputShape = v }, Default = _ => null,
        },
        new CaseToken<AutoPad>
        {
            Param = "ap", Prefix = "ap-",
            Value = TokenValues.Words<AutoPad>(
                text => Names.TryParseAutoPad(text, out var a) ? a : null, a => Names.Of(a).ToLowerInvariant().Replace('_', '-'),
                expected: "notset, same-upper, same-lower or valid",
                idError: "auto_pad must be ap-notset, ap-same-upper, ap-same-lower or ap-valid"),
            Get = c => c.AutoPad, Set = (c, v) => c with { AutoPad = v }, Default = _ => AutoPad.NotSet,
        },
        new CaseToken<bool>
        {
            Param = "bias", Prefix = "",
            Value = TokenValues.Words<bool>(
                text => text switch { "bias" => true, "nobias" => false, _ => null }, b => b ? "bias" : "nobias",
                expected: "bias/nobias (or yes/no, true/false)",
                gridParse: text => text.ToLowerInvariant() switch
                {
                    "bias" or "yes" or "true" => true,
                    "nobias" or "no" or "false" => false,
                    _ => null,
                }),
            Get = c => c.HasBias, Set = (c, v) => c with { HasBias = v }, Default = _ => false,
        },
        new CaseToken<CaseTypes>
        {
            Param = "dtype", Prefix = "",
            Value = TokenValues.Words<CaseTypes>(
                text => CaseTypes.TryParse(text, out var t) ? t : null, t => t.Name, expected: $"one of {CaseTypes.Choices}"),
            Get = c => c.Types, Set = (c, v) => c with { Types = v }, Default = _ => CaseTypes.F32,
        },
        new CaseToken<ZeroPoint>
        {
            Param = "zps", Prefix = "zps", Value = TokenValues.ZeroPoints(), Once = true,
            Get = c => c.SourceZeroPoint, Set = (c, v) => c with { SourceZeroPoint = v }, Default = _ => ZeroPoint.None,
        },
        new CaseToken<int>
        {
            Param = "zpd", Prefix = "zpd", Value = TokenValues.SignedOrZero("the destination zero point must be a whole number"),
            Once = true,
            Get = c => c.DestinationZeroPoint, Set = (c, v) => c with { DestinationZeroPoint = v }, Default = _ => 0,
        },
        new CaseToken<bool>
        {
            Param = "sw", Prefix = "sw-", Value = TokenValues.Flag("pc", "tensor"), Once = true,
            Get = c => c.PerChannelWeightScales, Set = (c, v) => c with { PerChannelWeightScales = v }, Default = _ => false,
        },
        new CaseToken<PostOps>
        {
            Param = "po", Prefix = "po-", Value = TokenValues.PostOpChain(), Once = true,
            Get = c => c.PostOps, Set = (c, v) => c with { PostOps = v }, Default = _ => PostOps.None,
        },
        new CaseToken<LayoutFamily>
        {
            Param = "layout", Prefix = "",
            Value = TokenValues.Words<LayoutFamily>(
                text => Names.TryParseLayout(text, out var l) ? l : null, Names.Of, expected: $"one of {Names.LayoutChoices}",
                joined: JoinedLayoutNames()),
            Get = c => c.Layout, Set = (c, v) => c with { Layout = v }, Default = _ => LayoutFamily.Nchw,
        },
        new CaseToken<FillMode>
        {
            Param = "fill", Prefix = "",
            Value = TokenValues.Words<FillMode>(
                text => Names.TryParseFill(text, out var f) ? f : null, Names.Of, expected: "random or exact"),
            Get = c => c.Fill, Set = (c, v) => c with { Fill = v }, Default = _ => FillMode.Random,
        },
        new CaseToken<ulong>
        {
            Param = "seed", Prefix = "seed", Value = TokenValues.Unsigned("seed must be an unsigned 64-bit integer"),
            Get = c => c.Seed, Set = (c, v) => c with { Seed = v }, Default = _ => 1,
        },
    ];

    private static readonly Dictionary<string, CaseToken> ByParam = All.ToDictionary(t => t.Param, StringComparer.Ordinal);

    /// <summary>The token of a grid parameter name.</summary>
    public static CaseToken Get(string param) =>
        ByParam.TryGetValue(param, out var token)
            ? token
            : throw new KeyNotFoundException($"'{param}' is not a case-id token (tokens: {string.Join(", ", All.Select(t => t.Param))})");

    /// <summary>Exact layout names written with '_' (b_fs_yx_fsv16), each read as its family's name.</summary>
    private static Dictionary<string, string> JoinedLayoutNames() =>
        (from family in Enum.GetValues<LayoutFamily>()
         from rank in Enumerable.Range(1, 3)
         let exact = Names.ExactLayout(family, rank)
         where exact.Contains('_')
         select (exact, Names.Of(family))).ToDictionary(p => p.exact, p => p.Item2, StringComparer.Ordinal);
}
