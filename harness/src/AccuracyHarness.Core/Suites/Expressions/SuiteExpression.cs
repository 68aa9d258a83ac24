using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>
/// The constraint language of suite files (<c>where EXPR</c>): arithmetic, comparisons and
/// <c>and</c>/<c>or</c>/<c>not</c> over a case's parameters. Spatial parameters are lists with one
/// value per axis; arithmetic works axis by axis (a single value applies to every axis) and a
/// comparison of lists holds when it holds on every axis, unless wrapped in <c>any(...)</c>.
/// <see cref="ExpressionParser"/> builds the syntax tree (<see cref="ExpressionNode"/>),
/// <see cref="ExpressionEvaluator"/> evaluates it over a case's <see cref="CaseVariables"/>.
/// </summary>
public sealed class SuiteExpression
{
    private readonly ExpressionNode _root;

    private SuiteExpression(string text, ExpressionNode root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>Every name an expression may use, with what it means (the README lists the same).</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        ["mb"] = "batch", ["ic"] = "input channels", ["oc"] = "output channels", ["g"] = "groups",
        ["cg"] = "input channels per group", ["mg"] = "output channels per group", ["rank"] = "spatial rank",
        ["in"] = "input size per axis", ["k"] = "kernel", ["s"] = "strides", ["d"] = "dilations",
        ["pb"] = "effective begin pads", ["pe"] = "effective end pads", ["op"] = "output padding",
        ["out"] = "output size per axis", ["bias"] = "1 with bias, else 0", ["seed"] = "fill seed",
        ["macs"] = "multiply-adds: mb*oc*prod(out)*cg*prod(k)",
        ["elements"] = "elements of input, weights and output together",
        ["dtype"] = $"data types: {CaseTypes.Choices}",
        ["zps"] = "source zero point: none, common or pc", ["zpd"] = "destination zero point",
        ["sw"] = "weight scales: tensor or pc", ["po"] = "number of post-ops", ["layout"] = "nchw, nhwc or blocked16", ["fill"] = "random or exact",
        ["ap"] = "auto_pad: notset, same_upper, same_lower or valid", ["os"] = "1 when output_shape is given, else 0",
    };

    public string Text { get; }

    /// <summary>Parses an expression; a <see cref="FormatException"/> says what is wrong and where (column).</summary>
    public static SuiteExpression Parse(string text)
    {
        var root = new ExpressionParser(text, Names, ExpressionParser.SuiteFunctions).ParseAll();
        if (!root.IsBoolean)
            throw new FormatException($"'{text}' is not a condition (expected a comparison such as 'ic % g == 0')");
        return new SuiteExpression(text, root);
    }

    /// <summary>Whether a valid case satisfies the expression.</summary>
    public bool Holds(Problem problem) => ExpressionEvaluator.Evaluate(_root, new CaseVariables(problem)).AsBool();
}
