using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;

namespace AccuracyHarness.Core.Tests.Running;

public class RunPipelineTests
{
    private static readonly SuiteCase[] Cases =
        [new(CaseId.Parse("ic1_oc2_in4_k3_s2"), "test:1"), new(CaseId.Parse("ic2_oc2_in3x3_k2x2"), "test:2")];

    private string _dir = "";

    private string JsonLines => Path.Combine(_dir, ResultJson.FileName);

    [SetUp]
    public void Folder() => _dir = Path.Combine(Path.GetTempPath(), $"pipeline-{Guid.NewGuid():N}", "out");

    [TearDown]
    public void Remove()
    {
        var parent = Path.GetDirectoryName(_dir)!;
        if (Directory.Exists(parent)) Directory.Delete(parent, recursive: true);
    }

    private RunPipeline Pipeline() => new([new ReferenceBackend()], new RunOptions { OutputDirectory = _dir });

    [Test]
    public void Making_a_pipeline_touches_nothing_and_start_gives_a_fresh_folder()
    {
        var pipeline = Pipeline();
        Assert.That(Directory.Exists(_dir), Is.False, "the constructor does no I/O");

        Directory.CreateDirectory(_dir);
        File.WriteAllText(JsonLines, "an earlier run's line\n");
        Pipeline();
        Assert.That(File.ReadAllText(JsonLines), Is.EqualTo("an earlier run's line\n"));

        var state = pipeline.Start();
        Assert.That(File.Exists(JsonLines), Is.False, "a fresh run starts without results");
        Assert.That(state.Done, Is.Empty);
        Assert.That(pipeline.Pending(Cases, state), Is.EqualTo(2));
        var results = pipeline.Run(Cases, [], state);
        Assert.That(results.Select(r => r.Status), Is.All.EqualTo(Status.Pass));
        Assert.That(ResultJson.ReadFile(JsonLines).Select(r => r.Key), Is.EqualTo(results.Select(r => r.Key)));
    }

    [Test]
    public void Resume_keeps_what_is_done_drops_a_last_line_cut_short_and_runs_only_the_rest()
    {
        var first = Pipeline();
        var done = first.Run(Cases[..1], [], first.Start()).Single();
        File.AppendAllText(JsonLines, ResultJson.ToLine(done with { Subject = done.Subject with { Case = Cases[1].Case } })[..30]);

        var dropped = new List<string>();
        var pipeline = Pipeline();
        var state = pipeline.Resume(dropped.Add);

        Assert.That(dropped, Has.Count.EqualTo(1), "the cut-short line is told");
        Assert.That(state.Done.Select(r => r.Key), Is.EqualTo(new[] { done.Key }));
        Assert.That(state.Keys, Does.Contain(done.Key));
        Assert.That(pipeline.Pending(Cases, state), Is.EqualTo(1));
        var results = pipeline.Run(Cases, [], state);
        Assert.That(results.Select(r => r.CaseId), Is.EqualTo(Cases.Select(c => c.Case.Id)), "resumed results first, then the rest");
        Assert.That(results[0], Is.EqualTo(state.Done[0]), "a done result is not run again");
        Assert.That(ResultJson.ReadFile(JsonLines).Select(r => r.CaseId), Is.EqualTo(Cases.Select(c => c.Case.Id)));
    }
}
