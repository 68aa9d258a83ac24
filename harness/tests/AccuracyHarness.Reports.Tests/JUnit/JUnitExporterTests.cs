using System.Xml.Linq;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Reports.JUnit;

namespace AccuracyHarness.Reports.Tests.JUnit;

public class JUnitExporterTests
{
    private static XDocument Written()
    {
        var dir = SampleRun.Folder("junit");
        new JUnitExporter().Export(SampleRun.Table, dir);
        return XDocument.Load(Path.Combine(dir, JUnitExporter.Name));
    }

    [Test]
    public void One_testcase_per_result_grouped_by_backend_and_device_with_counts()
    {
        var doc = Written();
        var results = SampleRun.Table.Results;
        var cases = doc.Descendants("testcase").ToList();
        Assert.That(cases.Select(c => (c.Attribute("name")!.Value, c.Parent!.Attribute("name")!.Value)),
            Is.EquivalentTo(results.Select(r => (r.CaseId, $"{r.Subject.Backend}@{r.Subject.Device}"))));
        var root = doc.Root!;
        Assert.That(root.Name.LocalName, Is.EqualTo("testsuites"));
        Assert.That((int)root.Attribute("tests")!, Is.EqualTo(results.Count));
        Assert.That((int)root.Attribute("failures")!, Is.EqualTo(SampleRun.Table.Counts.Fail).And.GreaterThan(0));
        Assert.That((int)root.Attribute("errors")!, Is.EqualTo(SampleRun.Table.Counts.Error).And.GreaterThan(0));
        Assert.That((int)root.Attribute("skipped")!, Is.EqualTo(SampleRun.Table.Counts.NotApplicable).And.GreaterThan(0));
        foreach (var suite in root.Elements("testsuite"))
            Assert.That((int)suite.Attribute("tests")!, Is.EqualTo(suite.Elements("testcase").Count()));
    }

    [Test]
    public void An_unstable_result_is_a_failure_of_type_unstable_and_counts_as_one()
    {
        var failing = SampleRun.Failing.First();
        var unstable = failing with
        {
            Status = Status.Unstable,
            Diagnosis = failing.Diagnosis with { Text = "unstable over 2 runs: fail: DeviceFinding (1x); pass (1x)" },
        };
        var dir = SampleRun.Folder("junit-unstable");
        new JUnitExporter().Export(new ResultTable([unstable], SampleRun.Table.Info), dir);
        var doc = XDocument.Load(Path.Combine(dir, JUnitExporter.Name));
        var failure = Case(doc, unstable).Element("failure")!;
        Assert.That((failure.Attribute("type")!.Value, failure.Attribute("message")!.Value),
            Is.EqualTo(("unstable", unstable.Diagnosis.Text)));
        Assert.That((int)doc.Root!.Attribute("failures")!, Is.EqualTo(1));
    }

    [Test]
    public void Failures_carry_diagnosis_location_and_repro()
    {
        var doc = Written();
        foreach (var r in SampleRun.Failing)
        {
            var failure = Case(doc, r).Element("failure");
            Assert.That(failure, Is.Not.Null, r.Key.ToString());
            Assert.That(failure!.Attribute("message")!.Value, Is.EqualTo(r.Diagnosis.Text).Or.Contains("bound ratio"));
            Assert.That(failure.Value, Does.Contain(r.Diagnosis.Location).And.Contain("repro: " + ReproLine.Of(r.Subject)));
            if (r.Diagnosis.Text.Length > 0) Assert.That(failure.Value, Does.Contain("diagnosis: " + r.Diagnosis.Text));
        }
        Assert.That(SampleRun.Failing.Where(r => r.Diagnosis.Text.StartsWith("weights-not-flipped", StringComparison.Ordinal)),
            Is.Not.Empty, "the sample has a named fault");
    }

    [Test]
    public void Errors_are_errors_with_their_message_and_n_a_is_skipped_with_its_reason()
    {
        var doc = Written();
        foreach (var r in SampleRun.Table.Results)
        {
            var test = Case(doc, r);
            Assert.That(test.Elements().Select(e => e.Name.LocalName), Is.EqualTo(r.Status switch
            {
                Status.Pass => Array.Empty<string>(),
                Status.Fail => ["failure"],
                Status.Error => ["error"],
                _ => ["skipped"],
            }), r.Key.ToString());
        }
        var error = SampleRun.Table.Results.Single(r => r.Status == Status.Error);
        Assert.That(Case(doc, error).Element("error")!.Attribute("message")!.Value, Is.EqualTo(SampleRun.ErrorMessage));
        var na = SampleRun.Table.Results.Single(r => r.Status == Status.NotApplicable);
        Assert.That(Case(doc, na).Element("skipped")!.Attribute("message")!.Value, Is.EqualTo(na.Message));
    }

    [Test]
    public void Control_characters_of_native_messages_do_not_break_the_xml()
    {
        var r = SampleRun.Table.Results.Single(r => r.Status == Status.Error);
        var table = SampleRun.Table with { Results = [r with { Message = "build log:\u0001\u001b[31m red\u0000" }] };
        var dir = SampleRun.Folder("junit-control");
        new JUnitExporter().Export(table, dir);
        var message = XDocument.Load(Path.Combine(dir, JUnitExporter.Name)).Descendants("error").Single().Attribute("message")!.Value;
        Assert.That(message, Does.StartWith("build log:").And.Contain("red"));
    }

    private static XElement Case(XDocument doc, CaseResult r) =>
        doc.Descendants("testcase").Single(c =>
            c.Attribute("name")!.Value == r.CaseId && c.Parent!.Attribute("name")!.Value == $"{r.Subject.Backend}@{r.Subject.Device}");
}
