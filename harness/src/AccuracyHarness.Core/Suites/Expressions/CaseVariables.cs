using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>
/// The values the names of <see cref="SuiteExpression.Names"/> and the problem macros of
/// <see cref="ProblemMacros"/> take for one resolved case.
/// </summary>
internal sealed class CaseVariables(Problem p)
{
    private int[]? _macros;

    public ExpressionValue Get(string name)
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
            "dtype" => new SymbolValue("dtype", c.Types.Name),
            "zps" => new SymbolValue("zps", c.SourceZeroPoint.IsNone ? "none" : c.SourceZeroPoint.PerChannel ? "pc" : "common"),
            "zpd" => Scalar(c.DestinationZeroPoint),
            "sw" => new SymbolValue("sw", c.PerChannelWeightScales ? "pc" : "tensor"),
            "po" => Scalar(c.PostOps.Count),
            "layout" => new SymbolValue("layout", Names.Of(c.Layout)),
            "fill" => new SymbolValue("fill", Names.Of(c.Fill)),
            "ap" => new SymbolValue("ap", Names.Of(c.AutoPad)),
            _ when ProblemMacros.Names.Contains(name) => Scalar((_macros ??= ProblemMacros.Values(p))[ProblemMacros.Names.IndexOf(name)]),
            _ => throw new InvalidOperationException($"unknown name {name}"),
        };
    }

    private static NumberValue Scalar(double v) => new([v]);

    private static NumberValue List(Dims d) => new(d.Select(v => (double)v).ToArray());
}
