namespace AccuracyHarness.Core.Cases;

/// <summary>
/// One token of the case-id grammar (docs/ARCHITECTURE.md section 9.1): its grid parameter name,
/// how an id writes it (<see cref="Prefix"/> and the value text), how its value reads and normalises,
/// its default and which field of a <see cref="DeconvCase"/> it stands for. <see cref="CaseTokens"/>
/// lists every token; case ids (<see cref="CaseId"/>) and suite grids read nothing else.
/// </summary>
public abstract class CaseToken
{
    /// <summary>The grid parameter name (<c>k = 3x3</c>).</summary>
    public required string Param { get; init; }

    /// <summary>
    /// What an id writes before the value: <c>k</c> in <c>k3x3</c>, <c>ap-</c> in <c>ap-valid</c>; empty for
    /// a token that is a word of its own (<c>bias</c>, <c>f16</c>, <c>nhwc</c>).
    /// </summary>
    public required string Prefix { get; init; }

    /// <summary>
    /// Whether a second token of this kind in one id is an error (a repeated size is a typo);
    /// otherwise the last one written wins, so that an id may be extended (<c>..._f32</c> + <c>_f16</c>).
    /// </summary>
    public bool Once { get; init; }

    /// <summary>Whether an id must give the token: it has no default.</summary>
    public abstract bool Required { get; }

    /// <summary>Spellings of values that contain the separator '_', each with a spelling without it.</summary>
    public abstract IReadOnlyDictionary<string, string> Joined { get; }

    /// <summary>The canonical value text of the case's field, or null where the id leaves the token out.</summary>
    public abstract string? ValueText(DeconvCase c);

    /// <summary>The token in the case's canonical id, or null where the id leaves it out.</summary>
    public string? Format(DeconvCase c) => ValueText(c) is { } value ? Prefix + value : null;

    /// <summary>Whether a (lowercase) id token is this token, its value right or wrong.</summary>
    public abstract bool Claims(string token);

    /// <summary>Reads a token this claims: the change it makes to a case, or what the token must say instead.</summary>
    public abstract bool TryRead(string token, out Func<DeconvCase, DeconvCase> set, out string error);

    /// <summary>The case with this token's field at its default for the input's rank.</summary>
    public abstract DeconvCase WithDefault(DeconvCase c, int rank);

    /// <summary>A grid's value text in canonical form, or null for the value that leaves the token out.</summary>
    /// <exception cref="FormatException">The text is not a value of this token; the message says what is expected.</exception>
    public abstract string? Normalise(string text);

    /// <summary>The id token of a normalised grid value, at the input's rank.</summary>
    public abstract string Token(string value, int rank);
}
