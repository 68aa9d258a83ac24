using System.Globalization;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Suites;

/// <summary>
/// The constraint language of suite files (<c>where EXPR</c>): arithmetic, comparisons and
/// <c>and</c>/<c>or</c>/<c>not</c> over a case's parameters. Spatial parameters are lists with one
/// value per axis; arithmetic works axis by axis (a single value applies to every axis) and a
/// comparison of lists holds when it holds on every axis, unless wrapped in <c>any(...)</c>.
/// </summary>
public sealed class SuiteExpression
{
    /// <summary>Every name an expression may use, with what it means (the README lists the same).</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        ["mb"] = "batch", ["ic"] = "input channels", ["oc"] = "output channels", ["g"] = "groups",
        ["cg"] = "input channels per group", ["mg"] = "output channels per group", ["rank"] = "spatial rank",
        ["in"] = "input size per axis", ["k"] = "kernel", ["s"] = "strides", ["d"] = "dilations",
        ["pb"] = "effective begin pads", ["pe"] = "effective end pads", ["op"] = "output padding",
        ["out"] = "output size per axis", ["bias"] = "1 with bias, else 0", ["seed"] = "fill seed",
        ["macs"] = "multiply-adds: mb*oc*prod(out)*cg*prod(k)", ["elements"] = "elements of input, weights and output together",
        ["dtype"] = "f32 or f16", ["layout"] = "nchw, nhwc or blocked16", ["fill"] = "random or exact",
        ["ap"] = "auto_pad: notset, same_upper, same_lower or valid", ["os"] = "1 when output_shape is given, else 0",
    };

    private static readonly string[] Functions = ["any", "all", "prod", "sum", "min", "max"];

    private readonly Node _root;

    private SuiteExpression(string text, Node root)
    {
        Text = text;
        _root = root;
    }

    public string Text { get; }

    /// <summary>Parses an expression; a <see cref="FormatException"/> says what is wrong and where (column).</summary>
    public static SuiteExpression Parse(string text)
    {
        var parser = new Parser(text);
        var root = parser.ParseAll();
        RequireBoolean(root, text);
        return new SuiteExpression(text, root);
    }

    /// <summary>Whether a valid case satisfies the expression.</summary>
    public bool Holds(Problem problem) => Eval(_root, new Env(problem)).AsBool();

    private static void RequireBoolean(Node node, string text)
    {
        if (!node.IsBoolean) throw new FormatException($"'{text}' is not a condition (expected a comparison such as 'ic % g == 0')");
    }

    // ---- values ------------------------------------------------------------------------------

    private abstract record Value
    {
        public abstract bool AsBool();
    }

    private sealed record Num(double[] Values) : Value
    {
        public override bool AsBool() => throw new FormatException("a number is not a condition");
    }

    private sealed record Bools(bool[] Values) : Value
    {
        public override bool AsBool() => Values.All(v => v);
    }

    private sealed record Sym(string Kind, string Name) : Value
    {
        public override bool AsBool() => throw new FormatException($"{Kind} is not a condition");
    }

    private sealed class Env(Problem p)
    {
        public Value Get(string name)
        {
            var c = p.Case;
            return name switch
            {
                "mb" => Scalar(c.Batch),
                "ic" => Scalar(c.InChannels),
                "oc" => Scalar(c.OutChannels),
                "g" => Scalar(c.Groups),
                "cg" => Scalar(p.Cg),
                "mg" => Scalar(p.Mg),
                "rank" => Scalar(p.Rank),
                "in" => List(c.Input),
                "k" => List(c.Kernel),
                "s" => List(c.Strides),
                "d" => List(c.Dilations),
                "pb" => List(p.PadsBegin),
                "pe" => List(p.PadsEnd),
                "op" => List(c.OutputPadding),
                "out" => List(p.Output),
                "bias" => Scalar(c.HasBias ? 1 : 0),
                "os" => Scalar(c.OutputShape is null ? 0 : 1),
                "seed" => Scalar(c.Seed),
                "macs" => Scalar((double)c.Batch * c.OutChannels * p.Output.Product() * p.Cg * c.Kernel.Product()),
                "elements" => Scalar((double)p.InputShape.Product() + p.WeightShape.Product() + p.OutputShape.Product()),
                "dtype" => new Sym("dtype", Cases.Names.Of(c.DataType)),
                "layout" => new Sym("layout", Cases.Names.Of(c.Layout)),
                "fill" => new Sym("fill", Cases.Names.Of(c.Fill)),
                "ap" => new Sym("ap", Cases.Names.Of(c.AutoPad)),
                _ => throw new InvalidOperationException($"unknown name {name}"),
            };
        }

        private static Num Scalar(double v) => new([v]);

        private static Num List(Dims d) => new(d.Select(v => (double)v).ToArray());
    }

    /// <summary>Reads a bare word as a value of a symbolic parameter, or null when it is not one.</summary>
    private static string? Symbol(string kind, string word) => kind switch
    {
        "dtype" => Cases.Names.TryParseDataType(word, out var t) ? Cases.Names.Of(t) : null,
        "layout" => Cases.Names.TryParseLayout(word, out var l) ? Cases.Names.Of(l) : null,
        "fill" => Cases.Names.TryParseFill(word, out var f) ? Cases.Names.Of(f) : null,
        "ap" => Cases.Names.TryParseAutoPad(word, out var a) ? Cases.Names.Of(a) : null,
        _ => null,
    };

    private static readonly HashSet<string> SymbolKinds = ["dtype", "layout", "fill", "ap"];

    // ---- syntax tree -------------------------------------------------------------------------

    private abstract record Node
    {
        public virtual bool IsBoolean => false;
    }

    private sealed record Literal(double[] Values) : Node;

    private sealed record Var(string Name) : Node;

    /// <summary>A bare word compared with a symbolic parameter (dtype == f16), resolved at parse time.</summary>
    private sealed record Word(string Kind, string Name) : Node;

    private sealed record Arith(char Op, Node Left, Node Right) : Node;

    private sealed record Negate(Node Operand) : Node;

    private sealed record Compare(string Op, Node Left, Node Right) : Node
    {
        public override bool IsBoolean => true;
    }

    private sealed record Logic(string Op, Node Left, Node Right) : Node
    {
        public override bool IsBoolean => true;
    }

    private sealed record Not(Node Operand) : Node
    {
        public override bool IsBoolean => true;
    }

    private sealed record Call(string Name, Node Argument) : Node
    {
        public override bool IsBoolean => Name is "any" or "all";
    }

    private static Value Eval(Node node, Env env) => node switch
    {
        Literal l => new Num(l.Values),
        Var v => env.Get(v.Name),
        Word w => new Sym(w.Kind, w.Name),
        Negate n => new Num(Numbers(Eval(n.Operand, env)).Select(x => -x).ToArray()),
        Arith a => new Num(Zip(Numbers(Eval(a.Left, env)), Numbers(Eval(a.Right, env)), (x, y) => a.Op switch
        {
            '+' => x + y,
            '-' => x - y,
            '*' => x * y,
            '/' => x / y,
            _ => x % y,
        })),
        Compare c => CompareValues(c.Op, Eval(c.Left, env), Eval(c.Right, env)),
        Logic l => new Bools([l.Op == "and"
            ? Eval(l.Left, env).AsBool() && Eval(l.Right, env).AsBool()
            : Eval(l.Left, env).AsBool() || Eval(l.Right, env).AsBool()]),
        Not n => new Bools([!Eval(n.Operand, env).AsBool()]),
        Call call => Apply(call.Name, Eval(call.Argument, env)),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static Value Apply(string function, Value argument) => function switch
    {
        "any" => new Bools([((Bools)argument).Values.Any(v => v)]),
        "all" => new Bools([((Bools)argument).Values.All(v => v)]),
        "prod" => new Num([Numbers(argument).Aggregate(1.0, (p, v) => p * v)]),
        "sum" => new Num([Numbers(argument).Sum()]),
        "min" => new Num([Numbers(argument).Min()]),
        _ => new Num([Numbers(argument).Max()]),
    };

    private static Value CompareValues(string op, Value left, Value right)
    {
        if (left is Sym ls && right is Sym rs)
            return new Bools([op == "==" ? ls.Name == rs.Name : ls.Name != rs.Name]);
        return new Bools(Zip(Numbers(left), Numbers(right), (x, y) => op switch
        {
            "==" => x == y,
            "!=" => x != y,
            "<" => x < y,
            "<=" => x <= y,
            ">" => x > y,
            _ => x >= y,
        }));
    }

    private static double[] Numbers(Value v) => v is Num n ? n.Values : throw new FormatException("expected a number");

    /// <summary>Axis by axis; a single value applies to every axis.</summary>
    private static T[] Zip<T>(double[] a, double[] b, Func<double, double, T> f)
    {
        if (a.Length != b.Length && a.Length != 1 && b.Length != 1)
            throw new FormatException($"a list of {a.Length} values meets one of {b.Length} (a literal such as 3x3 must have one value per axis of the case, or be a single value)");
        var n = Math.Max(a.Length, b.Length);
        var result = new T[n];
        for (var i = 0; i < n; i++) result[i] = f(a[a.Length == 1 ? 0 : i], b[b.Length == 1 ? 0 : i]);
        return result;
    }

    // ---- parser ------------------------------------------------------------------------------

    /// <summary>Recursive descent: or > and > not > comparison > sum > product > unary > atom.</summary>
    private sealed class Parser(string text)
    {
        private int _pos;

        public Node ParseAll()
        {
            var node = ParseOr();
            SkipSpace();
            if (_pos < text.Length) throw Error($"unexpected '{text[_pos..]}'");
            return node;
        }

        private Node ParseOr()
        {
            var left = ParseAnd();
            while (Keyword("or")) left = new Logic("or", Condition(left), Condition(ParseAnd()));
            return left;
        }

        private Node ParseAnd()
        {
            var left = ParseNot();
            while (Keyword("and")) left = new Logic("and", Condition(left), Condition(ParseNot()));
            return left;
        }

        private Node ParseNot() => Keyword("not") ? new Not(Condition(ParseNot())) : ParseComparison();

        private Node ParseComparison()
        {
            var start = _pos;
            var left = ParseSum();
            foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
            {
                if (!Symbol(op)) continue;
                var right = ParseSum();
                return Resolve(op, left, right, start);
            }
            return left;
        }

        /// <summary>Words are only meaningful next to a symbolic parameter; everything else must be numeric.</summary>
        private Node Resolve(string op, Node left, Node right, int start)
        {
            if (left is Var { Name: var lk } && SymbolKinds.Contains(lk) || right is Var { Name: var rk } && SymbolKinds.Contains(rk))
            {
                if (op is not ("==" or "!=")) throw Error($"{Describe(left, right)} can only be compared with == or !=", start);
                var kind = left is Var lv && SymbolKinds.Contains(lv.Name) ? lv.Name : ((Var)right).Name;
                return new Compare(op, AsSymbol(left, kind), AsSymbol(right, kind));
            }
            return new Compare(op, Numeric(left), Numeric(right));
        }

        private static string Describe(Node left, Node right) => left is Var lv && SymbolKinds.Contains(lv.Name) ? lv.Name : ((Var)right).Name;

        private Node AsSymbol(Node node, string kind) => node switch
        {
            Var v when v.Name == kind => v,
            Unknown u => SuiteExpression.Symbol(kind, u.Name) is { } name ? new Word(kind, name) : throw Error($"'{u.Name}' is not a value of {kind}", u.Position),
            _ => throw Error($"{kind} can only be compared with one of its values (e.g. {kind} == {Example(kind)})"),
        };

        private static string Example(string kind) => kind switch { "dtype" => "f16", "layout" => "nhwc", "fill" => "exact", _ => "same_upper" };

        private Node ParseSum()
        {
            var left = ParseProduct();
            while (true)
            {
                if (Symbol("+")) left = new Arith('+', Numeric(left), Numeric(ParseProduct()));
                else if (Symbol("-")) left = new Arith('-', Numeric(left), Numeric(ParseProduct()));
                else return left;
            }
        }

        private Node ParseProduct()
        {
            var left = ParseUnary();
            while (true)
            {
                if (Symbol("*")) left = new Arith('*', Numeric(left), Numeric(ParseUnary()));
                else if (Symbol("/")) left = new Arith('/', Numeric(left), Numeric(ParseUnary()));
                else if (Symbol("%")) left = new Arith('%', Numeric(left), Numeric(ParseUnary()));
                else return left;
            }
        }

        private Node ParseUnary() => Symbol("-") ? new Negate(Numeric(ParseUnary())) : ParseAtom();

        private Node ParseAtom()
        {
            SkipSpace();
            if (_pos >= text.Length) throw Error("the expression ends too early");
            if (Symbol("("))
            {
                var inner = ParseOr();
                if (!Symbol(")")) throw Error("expected ')'");
                return inner;
            }
            var c = text[_pos];
            if (char.IsAsciiDigit(c)) return ParseNumber();
            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = _pos;
                while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
                var word = text[start.._pos];
                if (Functions.Contains(word))
                {
                    if (!Symbol("(")) throw Error($"expected '(' after {word}");
                    var argument = ParseOr();
                    if (!Symbol(")")) throw Error("expected ')'");
                    return new Call(word, word is "any" or "all" ? Condition(argument) : Numeric(argument));
                }
                return SuiteExpression.Names.ContainsKey(word) ? new Var(word) : new Unknown(word, start);
            }
            throw Error($"unexpected '{c}'");
        }

        /// <summary>A number, or a list of numbers written like a case id's sizes: 3x3.</summary>
        private Literal ParseNumber()
        {
            var values = new List<double>();
            while (true)
            {
                var start = _pos;
                while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] == '.' ||
                       ((text[_pos] is 'e' or 'E') && _pos + 1 < text.Length && char.IsAsciiDigit(text[_pos + 1])))) _pos++;
                if (!double.TryParse(text[start.._pos], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    throw Error($"'{text[start.._pos]}' is not a number", start);
                values.Add(v);
                if (_pos + 1 >= text.Length || text[_pos] != 'x' || !char.IsAsciiDigit(text[_pos + 1])) break;
                _pos++;
            }
            return new Literal(values.ToArray());
        }

        private Node Condition(Node node) => node.IsBoolean
            ? node
            : throw Error(node is Unknown u ? UnknownName(u) : "expected a condition (a comparison) here");

        private Node Numeric(Node node) => node switch
        {
            Unknown u => throw Error(UnknownName(u), u.Position),
            Var v when SymbolKinds.Contains(v.Name) => throw Error($"{v.Name} is not a number; compare it with == or != (e.g. {v.Name} == {Example(v.Name)})"),
            _ when node.IsBoolean => throw Error("a condition is not a number"),
            _ => node,
        };

        private static string UnknownName(Unknown u) =>
            $"unknown name '{u.Name}' (names: {string.Join(", ", SuiteExpression.Names.Keys)}; functions: {string.Join(", ", Functions)})";

        private bool Keyword(string word)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _pos, word, 0, word.Length) != 0) return false;
            var end = _pos + word.Length;
            if (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_')) return false;
            _pos = end;
            return true;
        }

        private bool Symbol(string symbol)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _pos, symbol, 0, symbol.Length) != 0) return false;
            _pos += symbol.Length;
            return true;
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }

        private FormatException Error(string message, int? at = null) =>
            new($"{message} (column {(at ?? _pos) + 1} of '{text}')");
    }

    /// <summary>A word that is no parameter: a value of a symbolic parameter, or a mistake.</summary>
    private sealed record Unknown(string Name, int Position) : Node;
}
