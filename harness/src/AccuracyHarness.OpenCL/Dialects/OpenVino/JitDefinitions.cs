using System.Globalization;
using System.Text;

namespace AccuracyHarness.OpenCL.Dialects.OpenVino;

/// <summary>An ordered list of macro definitions, rendered as <c>#define NAME VALUE</c> lines.</summary>
internal sealed class JitDefinitions
{
    private readonly List<KeyValuePair<string, string>> _definitions = [];

    public IReadOnlyList<KeyValuePair<string, string>> Items => _definitions;

    public JitDefinitions Add(string name, string value)
    {
        _definitions.Add(new(name, value));
        return this;
    }

    public JitDefinitions Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public string Render()
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in _definitions) sb.Append("#define ").Append(name).Append(' ').AppendLine(value);
        return sb.ToString();
    }
}
