using System.CommandLine;
using System.CommandLine.Parsing;

namespace AccuracyHarness.Cli.Options;

/// <summary>
/// Declares options whose value is read by one of the <see cref="ValueParsers"/> while the command
/// line is parsed, so a bad value is a parse error "--NAME: 'VALUE' is not ..." in words (never a
/// .NET type name) and every command gets its values typed.
/// </summary>
public static class TypedOption
{
    public static Option<T> Create<T>(string name, string description, string helpName, Func<string, T> parse) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => Read(name, result, parse),
    };

    /// <summary>An option with a value when it is not given; <paramref name="parse"/> reads it when it is.</summary>
    public static Option<T> Create<T>(string name, string description, string helpName, Func<string, T> parse, T fallback) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result => result.Tokens.Count == 0 ? fallback : Read(name, result, parse),
            DefaultValueFactory = _ => fallback,
        };

    private static T? Read<T>(string name, ArgumentResult result, Func<string, T> parse)
    {
        var text = result.Tokens.Single().Value;
        try
        {
            return parse(text);
        }
        catch (FormatException e)
        {
            result.AddError($"{name}: '{text}' {e.Message}");
            return default;
        }
    }
}
