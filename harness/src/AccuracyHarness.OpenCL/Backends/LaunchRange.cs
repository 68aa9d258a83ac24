using System.Globalization;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Suites.Expressions;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// The range a manifest's kernel is launched over for a case: its <c>global</c> and <c>local</c>
/// fields evaluated (README "Manifest version 2"), else the default range the caller gives. A size
/// that is not a whole number, below 1, or a local size that does not divide its global size is a
/// <see cref="FormatException"/> naming the field.
/// </summary>
internal static class LaunchRange
{
    public static (long[] Global, long[]? Local) Resolve(KernelLaunch launch, Problem problem, long[] defaultGlobal, long[]? defaultLocal)
    {
        if (launch.Global is null)
            return (defaultGlobal, launch.LocalGiven ? Checked(defaultGlobal, Sizes(launch.Local, problem, "local")) : defaultLocal);
        var global = Sizes(launch.Global, problem, "global")!;
        return (global, launch.LocalGiven ? Checked(global, Sizes(launch.Local, problem, "local")) : null);
    }

    /// <summary>What a result's note says of a launch: <c>global 32x7x4, local 32x1x1</c> (or the driver's choice).</summary>
    public static string Describe(long[] global, long[]? local) =>
        $"global {string.Join("x", global)}, local {(local is null ? "driver's choice" : string.Join("x", local))}";

    /// <summary>An expression's value for the case, which must be a whole number.</summary>
    public static long Whole(ProblemExpression expression, Problem problem, string field)
    {
        double value;
        try
        {
            value = expression.Evaluate(problem);
        }
        catch (FormatException e)
        {
            throw new FormatException($"field '{field}': {e.Message}");
        }
        return value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? (long)value
            : throw new FormatException($"field '{field}': '{expression.Text}' gives {value.ToString(CultureInfo.InvariantCulture)} "
                + "for this case, not a whole number (use align(), ceil() or floor())");
    }

    private static long[]? Checked(long[] global, long[]? local)
    {
        for (var d = 0; local is not null && d < global.Length; d++)
        {
            if (global[d] % local[d] != 0)
            {
                throw new FormatException(
                    $"field 'local[{d}]': {local[d]} does not divide global[{d}] = {global[d]} for this case "
                    + "(OpenCL 1.2 needs whole work-groups)");
            }
        }
        return local;
    }

    private static long[]? Sizes(IReadOnlyList<ProblemExpression>? expressions, Problem problem, string field) =>
        expressions?.Select((e, d) =>
        {
            var value = Whole(e, problem, $"{field}[{d}]");
            return value >= 1
                ? value
                : throw new FormatException(
                    $"field '{field}[{d}]': '{e.Text}' gives {value} for this case; a work size must be at least 1");
        }).ToArray();
}
