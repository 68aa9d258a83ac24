using System.CommandLine;
using AccuracyHarness.Cli.Options;

namespace AccuracyHarness.Cli;

/// <summary>
/// Options several commands take, declared once: each command gets its own instance (with its
/// own wording of the default) and reads it the same way. Lists are comma-separated.
/// </summary>
public static class CommonOptions
{
    public static Option<string[]> Suites(string description) => new("--suite")
    {
        Description = description,
        HelpName = "PATH",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Backend names; null when not given (the defaults). The help lists the catalogue (<see cref="BackendHelp"/>).</summary>
    public static Option<IReadOnlyList<string>?> Backends(string description) =>
        TypedOption.Create<IReadOnlyList<string>?>("--backends", description, "LIST", ValueParsers.Names);

    public static Option<IReadOnlyList<string>> Devices() => TypedOption.Create<IReadOnlyList<string>>("--devices",
        "Comma-separated devices for device backends (default: each backend's own default).", "LIST", ValueParsers.Names, []);

    public static Option<int> Jobs(string description) => TypedOption.Create("--jobs", description, "N", ValueParsers.PositiveInteger, 1);

    /// <summary>How many times to run each case (run, shrink) or suite (benchmark): a whole number >= 1.</summary>
    public static Option<int> Repeat(string description, int fallback) =>
        TypedOption.Create("--repeat", description, "N", ValueParsers.PositiveInteger, fallback);
}
