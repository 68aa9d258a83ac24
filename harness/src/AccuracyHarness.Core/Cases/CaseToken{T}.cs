namespace AccuracyHarness.Core.Cases;

/// <summary>A case-id token whose value is a <typeparamref name="T"/>: one entry of <see cref="CaseTokens"/>.</summary>
public sealed class CaseToken<T> : CaseToken
{
    public required TokenValue<T> Value { get; init; }

    public required Func<DeconvCase, T> Get { get; init; }

    public required Func<DeconvCase, T, DeconvCase> Set { get; init; }

    /// <summary>The value of a case whose id leaves the token out, at the input's rank; null for a required token.</summary>
    public Func<int, T>? Default { get; init; }

    public override bool Required => Default is null;

    public override IReadOnlyDictionary<string, string> Joined => Value.Joined;

    public override string? ValueText(DeconvCase c) => Value.Write(Get(c));

    public override bool Claims(string token) =>
        token.StartsWith(Prefix, StringComparison.Ordinal) && Value.Fits(token[Prefix.Length..]);

    public override bool TryRead(string token, out Func<DeconvCase, DeconvCase> set, out string error)
    {
        var read = Value.Read(token[Prefix.Length..], out var value, out error);
        set = c => Set(c, value);
        return read;
    }

    public override DeconvCase WithDefault(DeconvCase c, int rank) =>
        Set(c, (Default ?? throw new InvalidOperationException($"'{Param}' is required and has no default"))(rank));

    public override string? Normalise(string text) => Value.Normalise(text);

    public override string Token(string value, int rank) => Prefix + Value.AtRank(value, rank);
}
