namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>Evaluates a syntax tree over one case; lists work axis by axis, a single value applying to every axis.</summary>
internal static class ExpressionEvaluator
{
    public static ExpressionValue Evaluate(ExpressionNode node, CaseVariables variables) => node switch
    {
        LiteralNode l => new NumberValue(l.Values),
        VariableNode v => variables.Get(v.Name),
        WordNode w => new SymbolValue(w.Kind, w.Name),
        NegateNode n => new NumberValue(Numbers(Evaluate(n.Operand, variables)).Select(x => -x).ToArray()),
        ArithmeticNode a => Arithmetic(a.Op, Numbers(Evaluate(a.Left, variables)), Numbers(Evaluate(a.Right, variables))),
        ComparisonNode c => Compare(c.Op, Evaluate(c.Left, variables), Evaluate(c.Right, variables)),
        LogicNode l => new BooleanValue([l.Op == "and"
            ? Evaluate(l.Left, variables).AsBool() && Evaluate(l.Right, variables).AsBool()
            : Evaluate(l.Left, variables).AsBool() || Evaluate(l.Right, variables).AsBool()]),
        NotNode n => new BooleanValue([!Evaluate(n.Operand, variables).AsBool()]),
        CallNode call => Apply(call.Name, call.Arguments.Select(a => Evaluate(a, variables)).ToArray()),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static NumberValue Arithmetic(char op, double[] left, double[] right) => new(Zip(left, right, (x, y) => op switch
    {
        '+' => x + y,
        '-' => x - y,
        '*' => x * y,
        '/' => x / y,
        _ => x % y,
    }));

    private static ExpressionValue Apply(string function, ExpressionValue[] arguments)
    {
        var argument = arguments[0];
        if (arguments.Length == 2)
        {
            var (a, b) = (Numbers(arguments[0]), Numbers(arguments[1]));
            return new NumberValue(function switch
            {
                "align" => Zip(a, b, (x, m) => Math.Ceiling(x / m) * m),
                "min" => Zip(a, b, Math.Min),
                _ => Zip(a, b, Math.Max),
            });
        }
        return function switch
        {
            "any" => new BooleanValue([((BooleanValue)argument).Values.Any(v => v)]),
            "all" => new BooleanValue([((BooleanValue)argument).Values.All(v => v)]),
            "prod" => new NumberValue([Numbers(argument).Aggregate(1.0, (p, v) => p * v)]),
            "sum" => new NumberValue([Numbers(argument).Sum()]),
            "min" => new NumberValue([Numbers(argument).Min()]),
            "ceil" => new NumberValue(Numbers(argument).Select(Math.Ceiling).ToArray()),
            "floor" => new NumberValue(Numbers(argument).Select(Math.Floor).ToArray()),
            _ => new NumberValue([Numbers(argument).Max()]),
        };
    }

    private static BooleanValue Compare(string op, ExpressionValue left, ExpressionValue right)
    {
        if (left is SymbolValue ls && right is SymbolValue rs)
            return new BooleanValue([op == "==" ? ls.Name == rs.Name : ls.Name != rs.Name]);
        return new BooleanValue(Zip(Numbers(left), Numbers(right), (x, y) => op switch
        {
            "==" => x == y,
            "!=" => x != y,
            "<" => x < y,
            "<=" => x <= y,
            ">" => x > y,
            _ => x >= y,
        }));
    }

    private static double[] Numbers(ExpressionValue v) =>
        v is NumberValue n ? n.Values : throw new FormatException("expected a number");

    /// <summary>Axis by axis; a single value applies to every axis.</summary>
    private static T[] Zip<T>(double[] a, double[] b, Func<double, double, T> f)
    {
        if (a.Length != b.Length && a.Length != 1 && b.Length != 1)
        {
            throw new FormatException($"a list of {a.Length} values meets one of {b.Length} "
                + "(a literal such as 3x3 must have one value per axis of the case, or be a single value)");
        }
        var n = Math.Max(a.Length, b.Length);
        var result = new T[n];
        for (var i = 0; i < n; i++) result[i] = f(a[a.Length == 1 ? 0 : i], b[b.Length == 1 ? 0 : i]);
        return result;
    }
}
