using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Reports.JUnit;

/// <summary>
/// junit.xml in the schema CI systems read (Jenkins, GitLab, GitHub actions): one testsuite per
/// backend and device, one testcase per case; a failing result carries a failure whose message is
/// its diagnosis and whose text adds the location, metrics and repro; an error carries an error;
/// n/a is skipped with its reason. A failure or error the baseline expects (known) is skipped too,
/// its message saying which baseline entry expects it and why it fails: CI then shows it without
/// failing the build, as the run's exit code does (README: Reports).
/// </summary>
public sealed class JUnitExporter : IExporter
{
    public const string Name = "junit.xml";

    public string FileName => Name;

    public void Export(ResultTable table, string directory)
    {
        var suites = table.Results.GroupBy(r => (r.Subject.Backend, r.Subject.Device))
            .Select(g => Suite(g.Key.Backend, g.Key.Device, g.ToList(), table.Info)).ToList();
        var root = new XElement("testsuites", Counts(table.Results), new XAttribute("name", "AccuracyHarness"), suites);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var writer = XmlWriter.Create(Path.Combine(directory, Name), settings);
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
    }

    private static XElement Suite(string backend, string device, IReadOnlyList<CaseResult> results, RunInfo info) =>
        new("testsuite",
            new XAttribute("name", $"{backend}@{device}"),
            Counts(results),
            info.Started is { } started
                ? new XAttribute("timestamp", started.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture))
                : null,
            new XElement("properties", info.Environment.Select(p =>
                new XElement("property", new XAttribute("name", Clean(p.Key)), new XAttribute("value", Clean(p.Value))))),
            results.Select(r => TestCase(r, backend, device)));

    private static XElement TestCase(CaseResult r, string backend, string device)
    {
        var test = new XElement("testcase",
            new XAttribute("name", r.CaseId),
            new XAttribute("classname", $"{backend}.{device}"),
            new XAttribute("time", Seconds(r.Metrics.Seconds)),
            r.Impl.Length > 0
                ? new XElement("properties",
                    new XElement("property", new XAttribute("name", "impl"), new XAttribute("value", Clean(r.Impl))))
                : null);
        var m = r.Metrics;
        var summary = r.Diagnosis.Text.Length > 0 ? r.Diagnosis.Text
            : r.Status == Status.Fail ? $"bound ratio {m.BoundRatio:G3}, {m.Mismatches} of {m.Elements} elements outside the bound"
            : ResultText.Message(r);
        if (r.IsKnown)
        {
            var message = new XAttribute("message", Clean($"known divergence ({r.Known}): {summary}"));
            test.Add(new XElement("skipped", message, Clean(Details(r))));
            return test;
        }
        switch (r.Status)
        {
            case Status.Fail:
                test.Add(new XElement("failure", new XAttribute("message", Clean(summary)), new XAttribute("type", "divergence"),
                    Clean(Details(r))));
                break;
            case Status.Unstable:
                test.Add(new XElement("failure", new XAttribute("message", Clean(summary)), new XAttribute("type", "unstable"),
                    Clean(Details(r))));
                break;
            case Status.Error:
                test.Add(new XElement("error", new XAttribute("message", Clean(summary)), new XAttribute("type", "backend-error"),
                    Clean(Details(r))));
                break;
            case Status.NotApplicable:
                test.Add(new XElement("skipped", new XAttribute("message", Clean(ResultText.Message(r)))));
                break;
        }
        return test;
    }

    /// <summary>The failure text: why, where, how much, and the command that reproduces it.</summary>
    private static string Details(CaseResult r) =>
        string.Join("\n", ResultText.Explanation(r).Append((Label: "repro", Value: ReproLine.Of(r.Subject)))
            .Select(item => $"{item.Label}: {item.Value}"));

    /// <summary>JUnit's four kinds: an unstable result is a failure, a known one is skipped.</summary>
    private static XAttribute[] Counts(IReadOnlyCollection<CaseResult> results)
    {
        var n = StatusCounts.Of(results);
        return
        [
            new("tests", n.Total),
            new("failures", n.Fail + n.Unstable),
            new("errors", n.Error),
            new("skipped", n.NotApplicable + n.Known),
            new("time", Seconds(results.Sum(r => r.Metrics.Seconds))),
        ];
    }

    private static string Seconds(double s) => s.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot hold most control characters, which native error messages sometimes carry.</summary>
    private static string Clean(string text) =>
        text.All(XmlConvert.IsXmlChar)
            ? text
            : new string(text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '?').ToArray());
}
