using System.Globalization;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>
/// A number computed from a case, for kernel manifests (<c>global</c>, <c>local</c>, <c>defines</c>,
/// scalar <c>args</c>): the language of suite <c>where</c> expressions with the problem macros of
/// <see cref="ProblemMacros"/> added (<c>OC*N</c>, <c>align(OW, 32)</c>), and <c>align</c>, <c>ceil</c>,
/// <c>floor</c> and two-number <c>min</c>/<c>max</c>. A condition counts as 1 or 0. Lists (the
/// per-axis names such as <c>k</c>) must be reduced to one number (<c>prod(k)</c>).
/// </summary>
public sealed class ProblemExpression
{
    private static readonly IReadOnlyList<string> Functions = [.. ExpressionParser.SuiteFunctions, "align", "ceil", "floor"];

    private readonly ExpressionNode _root;

    private ProblemExpression(string text, ExpressionNode root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>Every name a problem expression may use: the suite names and the problem macros.</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = SuiteExpression.Names
        .Concat(ProblemMacros.Names.Select(n => new KeyValuePair<string, string>(n, "problem macro")))
        .ToDictionary();

    public string Text { get; }

    /// <summary>Parses an expression; a <see cref="FormatException"/> says what is wrong and where (column).</summary>
    public static ProblemExpression Parse(string text) => new(text, new ExpressionParser(text, Names, Functions).ParseValue());

    /// <summary>A constant (a JSON number in a manifest).</summary>
    public static ProblemExpression Constant(double value) => Parse(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>The value for one valid case; a list of several values is an error that says how to reduce it.</summary>
    public double Evaluate(Problem problem)
    {
        var value = ExpressionEvaluator.Evaluate(_root, new CaseVariables(problem));
        var numbers = value switch
        {
            BooleanValue b => [b.AsBool() ? 1.0 : 0.0],
            NumberValue n => n.Values,
            _ => throw new FormatException($"'{Text}' compares names; it is not a number"),
        };
        if (numbers.Length != 1)
        {
            throw new FormatException($"'{Text}' is a list of {numbers.Length} values (one per axis); "
                + "reduce it with prod, sum, min or max, or use a macro such as OW");
        }
        return numbers[0];
    }
}
