namespace AccuracyHarness.Core.Cases;

/// <summary>
/// The canonical one-line case id, e.g.
/// <c>mb1_ic4_oc8_g2_in5x5_k3x3_s2x2_d1x1_pb1x1_pe1x1_op1x1_ap-notset_bias_f32_nchw_random_seed7</c>.
/// Tokens are separated by '_' and may come in any order when parsed; missing ones take ONNX
/// defaults (only ic, oc, in and k are required). It is safe as a folder name and in a shell.
/// The tokens, their order and their values are the table <see cref="CaseTokens"/>.
/// </summary>
public static class CaseId
{
    public const string Example = "mb1_ic4_oc8_g2_in5x5_k3x3_s2x2_d1x1_pb1x1_pe1x1_op1x1_ap-notset_bias_f32_nchw_random_seed7";

    /// <summary>What every field is before a parsed id sets it (the tokens' defaults need the rank, known only once read).</summary>
    private static readonly DeconvCase Blank = DeconvCase.Create(0, 0, Dims.Empty, Dims.Empty);

    public static string Format(DeconvCase c) => string.Join('_', CaseTokens.All.Select(t => t.Format(c)).OfType<string>());

    /// <summary>Parses an id; throws <see cref="FormatException"/> naming the token that is wrong.</summary>
    public static DeconvCase Parse(string text)
    {
        if (TryParse(text, out var c, out var error)) return c;
        throw new FormatException(error);
    }

    public static bool TryParse(string text, out DeconvCase result, out string error)
    {
        result = null!;
        error = "";
        var read = new Dictionary<CaseToken, Func<DeconvCase, DeconvCase>>();

        // Values whose spelling contains the separator are read as one token.
        var joined = CaseTokens.All.SelectMany(t => t.Joined)
            .Aggregate(text.Trim(), (s, j) => s.Replace(j.Key, j.Value, StringComparison.OrdinalIgnoreCase));

        foreach (var token in joined.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = token.ToLowerInvariant();
            var entry = CaseTokens.All.FirstOrDefault(t => t.Claims(lower));
            if (entry is null)
            {
                error = $"case id token '{token}' is not understood (expected e.g. {Example})";
                return false;
            }
            if (entry.Once && read.ContainsKey(entry))
            {
                error = $"case id token '{token}': '{entry.Param}' is given twice";
                return false;
            }
            if (!entry.TryRead(lower, out var set, out var reason))
            {
                error = $"case id token '{token}': {reason}";
                return false;
            }
            read[entry] = set;
        }

        if (CaseTokens.All.FirstOrDefault(t => t.Required && !read.ContainsKey(t)) is { } missing)
        {
            error = $"case id '{text}' lacks '{missing.Param}' (expected e.g. {Example})";
            return false;
        }

        var given = read.Values.Aggregate(Blank, (c, set) => set(c));
        var rank = given.Rank;
        result = CaseTokens.All.Where(t => !read.ContainsKey(t)).Aggregate(given, (c, t) => t.WithDefault(c, rank));
        return true;
    }
}
