using AccuracyHarness.Core.Results;
using AccuracyHarness.Reports.Runs;

namespace AccuracyHarness.Reports.Tests.Runs;

public class StoredRunsTests
{
    private static string Store(string name, IEnumerable<CaseResult> results, RunInfo? info)
    {
        var dir = SampleRun.Folder(name);
        File.WriteAllLines(Path.Combine(dir, StoredRuns.ResultsFile), results.Select(ResultJson.ToLine));
        if (info is not null) RunJson.Write(info, dir);
        return dir;
    }

    [Test]
    public void Run_json_round_trips_environment_in_order_start_and_command_line()
    {
        var dir = SampleRun.Folder("runjson");
        RunJson.Write(SampleRun.Table.Info, dir);
        var back = RunJson.TryRead(dir)!;
        Assert.That(back.Environment, Is.EqualTo(SampleRun.Table.Info.Environment));
        Assert.That(back.Started, Is.EqualTo(SampleRun.Table.Info.Started));
        Assert.That(back.CommandLine, Is.EqualTo(SampleRun.Table.Info.CommandLine));
        Assert.That(RunJson.TryRead(SampleRun.Folder("no-runjson")), Is.Null);
    }

    [Test]
    public void Shards_merge_with_a_later_result_replacing_an_earlier_one_with_the_same_key()
    {
        var all = SampleRun.Table.Results;
        var half = all.Count / 2;
        var redone = all[0] with { Status = Status.Error, Message = "rerun" };
        var first = Store("shard1", all.Take(half), SampleRun.Table.Info);
        var second = Store("shard2", all.Skip(half).Append(redone),
            new RunInfo([new("machine", "other-runner"), new("commit", "0123456789abcdef0123456789abcdef01234567")])
        {
            Started = SampleRun.Table.Info.Started!.Value.AddMinutes(-5),
        });

        var merged = StoredRuns.Read([first, second]);
        Assert.That((merged.Shards, merged.Rows, merged.Replaced), Is.EqualTo((2, all.Count + 1, 1)));
        Assert.That(merged.Table.Results.Select(r => r.Key), Is.EqualTo(all.Select(r => r.Key)), "first-seen order, no duplicates");
        Assert.That(merged.Table.Results[0].Message, Is.EqualTo("rerun"));
        var env = merged.Table.Info.Environment.ToDictionary(p => p.Key, p => p.Value);
        Assert.That(env["machine"], Is.EqualTo("ci-runner-7, 16 cores, Debian GNU/Linux 12 | other-runner"));
        Assert.That(env["commit"], Is.EqualTo("0123456789abcdef0123456789abcdef01234567"));
        Assert.That(env["merged"], Does.StartWith("2 folders"));
        Assert.That(merged.Table.Info.Started, Is.EqualTo(SampleRun.Table.Info.Started!.Value.AddMinutes(-5)));
    }

    [Test]
    public void Comparison_lists_newly_failing_and_newly_passing_by_key()
    {
        var now = SampleRun.Table.Results;
        var failing = now.First(r => r.Status == Status.Fail);
        var error = now.First(r => r.Status == Status.Error);
        var passing = now.First(r => r.Status == Status.Pass);
        var na = now.First(r => r.Status == Status.NotApplicable);
        var before = now
            .Where(r => r != error)
            .Select(r => r == failing ? r with { Status = Status.Pass }
                : r == passing ? r with { Status = Status.Fail }
                : r.Status == Status.Fail ? r with { Status = Status.Error }
                : r == na ? r with { Status = Status.Pass }
                : r)
            .ToList();

        var c = ResultComparison.Of("yesterday", before, now);
        Assert.That(c.NewlyFailing.Select(x => (x.Now.Key, x.Before)),
            Is.EquivalentTo(new (ResultKey, Status?)[] { (failing.Key, Status.Pass), (error.Key, null) }),
            "pass -> fail and a new key that errors; fail -> error and pass -> n/a are not newly failing");
        Assert.That(c.NewlyPassing.Select(x => x.Now.Key), Is.EqualTo(new[] { passing.Key }));
        var text = c.ToText();
        Assert.That(text, Does.StartWith("compared with yesterday: 2 newly failing, 1 newly passing"));
        Assert.That(text, Does.Contain("(was new)").And.Contain("(was pass)").And.Contain("repro: " + ReproLine.Of(failing.Subject)));
    }

    [Test]
    public void Comparison_counts_a_result_the_baseline_expects_as_newly_known_not_newly_failing()
    {
        var passing = SampleRun.Table.Results.Where(r => r.Status == Status.Pass).DistinctBy(r => r.CaseId).Take(3).ToList();
        var known = new KnownEntry("baseline", 3, "expected");
        var before = new[] { passing[0], passing[1], passing[2] with { Status = Status.Fail, Known = known } };
        var now = new[]
        {
            passing[0] with { Status = Status.Fail, Known = known },
            passing[1] with { Status = Status.Error, Message = "crashed" },
            passing[2] with { Status = Status.Fail },
        };

        var c = ResultComparison.Of("yesterday", before, now);
        Assert.That(c.NewlyKnown.Select(x => (x.Now.Key, x.Before)),
            Is.EqualTo(new (ResultKey, Status?)[] { (passing[0].Key, Status.Pass) }));
        Assert.That(c.NewlyFailing.Select(x => x.Now.Key), Is.EqualTo(new[] { passing[1].Key }),
            "a known failure that the baseline no longer lists failed before too: not newly failing");
        Assert.That(c.NewlyPassing, Is.Empty);
        var text = c.ToText();
        Assert.That(text, Does.StartWith("compared with yesterday: 1 newly failing, 0 newly passing, 1 newly known"));
        const string section = "newly known (failing as the baseline expects):";
        Assert.That(text, Does.Contain(section));
        Assert.That(text[text.IndexOf(section, StringComparison.Ordinal)..],
            Does.Contain($"(was pass) {passing[0].Subject.Backend}@{passing[0].Subject.Device} {passing[0].CaseId}")
                .And.Not.Contain(passing[1].CaseId));
    }
}
