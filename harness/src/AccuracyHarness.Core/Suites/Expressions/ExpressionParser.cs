namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>
/// Recursive descent: or > and > not > comparison > sum > product > unary > atom. Types are
/// checked while parsing (conditions where conditions belong, numbers in arithmetic, bare words
/// only as values of a symbolic parameter), so evaluation meets no syntax errors.
/// </summary>
internal sealed class ExpressionParser(string text, IReadOnlyDictionary<string, string> names, IReadOnlyList<string> functions)
{
    /// <summary>The functions of suite <c>where</c> expressions.</summary>
    public static readonly IReadOnlyList<string> SuiteFunctions = ["any", "all", "prod", "sum", "min", "max"];

    /// <summary>Functions taking two numbers; <c>min</c> and <c>max</c> also take one list.</summary>
    private static readonly string[] TwoArgumentFunctions = ["align", "min", "max"];

    private readonly ExpressionScanner _scanner = new(text);

    public ExpressionNode ParseAll()
    {
        var node = ParseOr();
        if (_scanner.Peek() is not null) throw Error($"unexpected '{_scanner.Rest}'");
        return node;
    }

    /// <summary>A whole expression that is a number or a condition (not a bare word).</summary>
    public ExpressionNode ParseValue()
    {
        var node = ParseAll();
        return node.IsBoolean ? node : Numeric(node);
    }

    private ExpressionNode ParseOr()
    {
        var left = ParseAnd();
        while (_scanner.Keyword("or")) left = new LogicNode("or", Condition(left), Condition(ParseAnd()));
        return left;
    }

    private ExpressionNode ParseAnd()
    {
        var left = ParseNot();
        while (_scanner.Keyword("and")) left = new LogicNode("and", Condition(left), Condition(ParseNot()));
        return left;
    }

    private ExpressionNode ParseNot() => _scanner.Keyword("not") ? new NotNode(Condition(ParseNot())) : ParseComparison();

    private ExpressionNode ParseComparison()
    {
        var start = _scanner.Position;
        var left = ParseSum();
        foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
        {
            if (!_scanner.Symbol(op)) continue;
            var right = ParseSum();
            return Resolve(op, left, right, start);
        }
        return left;
    }

    /// <summary>Words are only meaningful next to a symbolic parameter; everything else must be numeric.</summary>
    private ComparisonNode Resolve(string op, ExpressionNode left, ExpressionNode right, int start)
    {
        var kind = SymbolicKind(left) ?? SymbolicKind(right);
        if (kind is null) return new ComparisonNode(op, Numeric(left), Numeric(right));
        if (op is not ("==" or "!=")) throw Error($"{kind} can only be compared with == or !=", start);
        return new ComparisonNode(op, AsSymbol(left, kind), AsSymbol(right, kind));
    }

    private static string? SymbolicKind(ExpressionNode node) =>
        node is VariableNode v && SymbolicParameters.Kinds.Contains(v.Name) ? v.Name : null;

    private ExpressionNode AsSymbol(ExpressionNode node, string kind) => node switch
    {
        VariableNode v when v.Name == kind => v,
        UnknownWordNode u => SymbolicParameters.Normalise(kind, u.Name) is { } name
            ? new WordNode(kind, name)
            : throw Error($"'{u.Name}' is not a value of {kind}", u.Position),
        _ => throw Error($"{kind} can only be compared with one of its values (e.g. {kind} == {SymbolicParameters.Example(kind)})"),
    };

    private ExpressionNode ParseSum()
    {
        var left = ParseProduct();
        while (true)
        {
            if (_scanner.Symbol("+")) left = new ArithmeticNode('+', Numeric(left), Numeric(ParseProduct()));
            else if (_scanner.Symbol("-")) left = new ArithmeticNode('-', Numeric(left), Numeric(ParseProduct()));
            else return left;
        }
    }

    private ExpressionNode ParseProduct()
    {
        var left = ParseUnary();
        while (true)
        {
            if (_scanner.Symbol("*")) left = new ArithmeticNode('*', Numeric(left), Numeric(ParseUnary()));
            else if (_scanner.Symbol("/")) left = new ArithmeticNode('/', Numeric(left), Numeric(ParseUnary()));
            else if (_scanner.Symbol("%")) left = new ArithmeticNode('%', Numeric(left), Numeric(ParseUnary()));
            else return left;
        }
    }

    private ExpressionNode ParseUnary() => _scanner.Symbol("-") ? new NegateNode(Numeric(ParseUnary())) : ParseAtom();

    private ExpressionNode ParseAtom()
    {
        var c = _scanner.Peek() ?? throw Error("the expression ends too early");
        if (_scanner.Symbol("("))
        {
            var inner = ParseOr();
            if (!_scanner.Symbol(")")) throw Error("expected ')'");
            return inner;
        }
        if (char.IsAsciiDigit(c)) return new LiteralNode(_scanner.Numbers());
        if (!char.IsAsciiLetter(c) && c != '_') throw Error($"unexpected '{c}'");

        var start = _scanner.Position;
        var word = _scanner.Word();
        if (functions.Contains(word))
        {
            if (!_scanner.Symbol("(")) throw Error($"expected '(' after {word}");
            var arguments = new List<ExpressionNode> { ParseOr() };
            if (TwoArgumentFunctions.Contains(word) && _scanner.Symbol(",")) arguments.Add(ParseOr());
            if (!_scanner.Symbol(")"))
                throw Error(word == "align" ? "expected ', MULTIPLE)' (align(x, m) rounds x up to a multiple of m)" : "expected ')'");
            if (word == "align" && arguments.Count != 2) throw Error("align takes two numbers: align(x, m)");
            return new CallNode(word, arguments.Select(a => word is "any" or "all" ? Condition(a) : Numeric(a)).ToList());
        }
        return names.ContainsKey(word) ? new VariableNode(word) : new UnknownWordNode(word, start);
    }

    private ExpressionNode Condition(ExpressionNode node) => node.IsBoolean
        ? node
        : throw Error(node is UnknownWordNode u ? UnknownName(u) : "expected a condition (a comparison) here");

    private ExpressionNode Numeric(ExpressionNode node) => node switch
    {
        UnknownWordNode u => throw Error(UnknownName(u), u.Position),
        VariableNode v when SymbolicParameters.Kinds.Contains(v.Name) =>
            throw Error($"{v.Name} is not a number; compare it with == or != (e.g. {v.Name} == {SymbolicParameters.Example(v.Name)})"),
        _ when node.IsBoolean => throw Error("a condition is not a number"),
        _ => node,
    };

    private string UnknownName(UnknownWordNode u) =>
        $"unknown name '{u.Name}' (names: {string.Join(", ", names.Keys)}; functions: {string.Join(", ", functions)})";

    private FormatException Error(string message, int? at = null) => _scanner.Error(message, at);
}
