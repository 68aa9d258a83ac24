using FsCheck;
using Microsoft.FSharp.Core;

namespace AccuracyHarness.Tests.Shared;

/// <summary>
/// The seed every FsCheck property of the test projects starts from, so that a test run gives the same
/// verdict every time. ACCURACYHARNESS_TEST_SEED explores: unset (or empty), the fixed default; "random",
/// a fresh seed for this test process; a number, or the "seed,gamma" pair (brackets allowed) that a failure
/// prints, that seed. A failing property names the seed it started from and the variable's value that
/// replays it.
/// </summary>
public static class TestSeed
{
    public const string Variable = "ACCURACYHARNESS_TEST_SEED";

    /// <summary>The fixed default: any number does; this one names the issue that asked for fixed seeds.</summary>
    private const ulong Default = 18;

    private static readonly string? Text = Environment.GetEnvironmentVariable(Variable);

    private static readonly Rnd? Read = TryParse(Text);

    /// <summary>Whether <see cref="Variable"/> names a seed; when it does not, every use of the seed throws, naming it.</summary>
    public static bool IsReadable => Read is not null;

    private static Rnd Start => Read ?? throw new ArgumentException(
        $"{Variable}={Text}: expected nothing (the fixed seed), 'random', a seed number or a 'seed,gamma' pair with an odd gamma");

    /// <summary>The seed as FsCheck's Replay setting writes it.</summary>
    public static string Replay => $"{Start.Seed},{Start.Gamma}";

    /// <summary>What a failure adds: how to run the same draw again.</summary>
    public static string Hint => $"The property started from seed ({Replay}); {Variable}={Replay} replays it.";

    /// <summary>
    /// Checks a property built with Prop.ForAll over maxTest draws from the seed, throwing on failure with
    /// FsCheck's report and the <see cref="Hint"/>.
    /// </summary>
    public static void Check(Property property, int maxTest)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(maxTest)
            .WithReplay(FSharpOption<FsCheck.Replay>.Some(new FsCheck.Replay(Start, FSharpOption<int>.None)));
        try
        {
            FsCheck.Check.One(config, property);
        }
        catch (Exception e)
        {
            throw new AssertionException($"{e.Message}\n{Hint}", e);
        }
    }

    /// <summary>The seed a value of <see cref="Variable"/> names, or null for a value it cannot read.</summary>
    public static Rnd? TryParse(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0) return new Rnd(Default);
        if (value.Equals("random", StringComparison.OrdinalIgnoreCase)) return new Rnd((ulong)Random.Shared.NextInt64());
        var parts = value.Trim('(', ')').Split(',', StringSplitOptions.TrimEntries);
        if (parts is [var one] && ulong.TryParse(one, out var seed)) return new Rnd(seed);
        if (parts is [var first, var second] && ulong.TryParse(first, out var pairSeed) && ulong.TryParse(second, out var gamma)
            && gamma % 2 == 1)
            return new Rnd(pairSeed, gamma);
        return null;
    }
}
