using System.Globalization;

namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>
/// Reads an expression's text from left to right for <see cref="ExpressionParser"/>: keywords,
/// symbols, words and numbers, skipping white space; errors give the column.
/// </summary>
internal sealed class ExpressionScanner(string text)
{
    public int Position { get; private set; }

    /// <summary>The next character after white space, or null at the end.</summary>
    public char? Peek()
    {
        SkipSpace();
        return Position < text.Length ? text[Position] : null;
    }

    /// <summary>The text not read yet.</summary>
    public string Rest => text[Position..];

    /// <summary>Reads <paramref name="word"/> when it comes next as a whole word.</summary>
    public bool Keyword(string word)
    {
        SkipSpace();
        if (string.CompareOrdinal(text, Position, word, 0, word.Length) != 0) return false;
        var end = Position + word.Length;
        if (end < text.Length && IsWordCharacter(text[end])) return false;
        Position = end;
        return true;
    }

    /// <summary>Reads <paramref name="symbol"/> when it comes next.</summary>
    public bool Symbol(string symbol)
    {
        SkipSpace();
        if (string.CompareOrdinal(text, Position, symbol, 0, symbol.Length) != 0) return false;
        Position += symbol.Length;
        return true;
    }

    /// <summary>Reads letters, digits and '_' from the current position.</summary>
    public string Word()
    {
        var start = Position;
        while (Position < text.Length && IsWordCharacter(text[Position])) Position++;
        return text[start..Position];
    }

    /// <summary>A number, or a list of numbers written like a case id's sizes: 3x3.</summary>
    public double[] Numbers()
    {
        var values = new List<double>();
        while (true)
        {
            var start = Position;
            while (Position < text.Length && IsNumberCharacter(Position)) Position++;
            if (!double.TryParse(text[start..Position], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw Error($"'{text[start..Position]}' is not a number", start);
            values.Add(v);
            if (Position + 1 >= text.Length || text[Position] != 'x' || !char.IsAsciiDigit(text[Position + 1])) break;
            Position++;
        }
        return values.ToArray();
    }

    public FormatException Error(string message, int? at = null) =>
        new($"{message} (column {(at ?? Position) + 1} of '{text}')");

    private static bool IsWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>Digits, '.', and an exponent's 'e' when a digit follows it.</summary>
    private bool IsNumberCharacter(int i) =>
        char.IsAsciiDigit(text[i]) || text[i] == '.'
        || ((text[i] is 'e' or 'E') && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]));

    private void SkipSpace()
    {
        while (Position < text.Length && char.IsWhiteSpace(text[Position])) Position++;
    }
}
