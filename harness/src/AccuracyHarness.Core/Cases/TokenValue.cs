namespace AccuracyHarness.Core.Cases;

/// <summary>
/// How the value of one case-id token is written and read: the text after the token's prefix in an
/// id, and the value text of a grid parameter (<see cref="TokenValues"/> has the kinds in use).
/// </summary>
public sealed record TokenValue<T>
{
    /// <summary>
    /// Whether the text after an id token's prefix is a value of this kind: the token is then this
    /// entry's, and a wrong value is named by <see cref="Read"/> rather than left "not understood".
    /// </summary>
    public required Func<string, bool> Fits { get; init; }

    /// <summary>Reads the (lowercase) text of a token that <see cref="Fits"/>.</summary>
    public required TokenReader<T> Read { get; init; }

    /// <summary>The canonical text of a value; null for the value an id leaves out (no output_shape).</summary>
    public required Func<T, string?> Write { get; init; }

    /// <summary>
    /// A grid's value text in canonical form, or null for the value that leaves the token out
    /// (<c>os = none</c>); a <see cref="FormatException"/> says what is expected.
    /// </summary>
    public required Func<string, string?> Normalise { get; init; }

    /// <summary>The id text of a grid value at the input's rank (a single size of a broadcast token repeats over the axes).</summary>
    public Func<string, int, string> AtRank { get; init; } = (text, _) => text;

    /// <summary>
    /// Spellings of values that contain the token separator '_' (b_fs_yx_fsv16), each with a spelling
    /// without it: an id is read with these replaced before it is split into tokens.
    /// </summary>
    public IReadOnlyDictionary<string, string> Joined { get; init; } = new Dictionary<string, string>();
}
