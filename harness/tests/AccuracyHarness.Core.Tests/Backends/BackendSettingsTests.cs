using AccuracyHarness.Core.Backends;

namespace AccuracyHarness.Core.Tests.Backends;

public class BackendSettingsTests
{
    private enum Colour { Red, Green }

    private static readonly BackendOption Option = new("colour", "a test option", "red|green");

    private static BackendSettings With(string value) => new() { Options = new Dictionary<string, string> { ["colour"] = value } };

    [Test]
    public void A_choice_among_value_types_finds_any_of_them_by_name()
    {
        Assert.That(With("GREEN").Choice(Option, Enum.GetValues<Colour>(), c => c.ToString(), Colour.Red), Is.EqualTo(Colour.Green));
        Assert.That(new BackendSettings().Choice(Option, Enum.GetValues<Colour>(), c => c.ToString(), Colour.Green),
            Is.EqualTo(Colour.Green));
    }

    [Test]
    public void An_unknown_choice_among_value_types_is_an_error_not_the_first_value()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            With("blue").Choice(Option, Enum.GetValues<Colour>(), c => c.ToString(), Colour.Red));
        Assert.That(error!.Message, Does.Contain("'colour' = 'blue'").And.Contain("Red, Green"));
    }
}
