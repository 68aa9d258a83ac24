using System.CommandLine;

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

    public static Option<string?> Backends(string description) => new("--backends")
    {
        Description = description,
        HelpName = "LIST",
    };

    public static Option<string?> Devices() => new("--devices")
    {
        Description = "Comma-separated devices for device backends (default: each backend's own default).",
        HelpName = "LIST",
    };

    public static Option<int> Jobs(string description) => new("--jobs")
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    };

    /// <summary>A comma-separated list's items, or null when the option was not given.</summary>
    public static List<string>? Split(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
