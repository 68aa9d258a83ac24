using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Core.Tests.Results;

public class StatusCountsTests
{
    private static CaseResult Result(Status status, string backend = "b") =>
        new() { Subject = new ResultSubject(CaseId.Parse("ic1_oc1_in3_k3"), backend, "d"), Status = status };

    [Test]
    public void Every_status_is_counted_and_a_result_the_baseline_expects_only_as_known()
    {
        var known = new Baseline.Entry("a", "*", "*", "tracked upstream", "baseline", 3).Reference;
        var results = Enum.GetValues<Status>().Select(s => Result(s))
            .Append(Result(Status.Fail, "a") with { Known = known })
            .Append(Result(Status.Unstable, "a") with { Known = known })
            .ToList();

        var counts = StatusCounts.Of(results);

        Assert.That(counts, Is.EqualTo(new StatusCounts(Pass: 1, Fail: 1, Known: 1, Error: 1, NotApplicable: 1, Unstable: 2)),
            "an unstable result is never known: the baseline describes divergences that repeat");
        Assert.That(counts.Total, Is.EqualTo(results.Count));
        Assert.That(counts.Bad, Is.EqualTo(4));
        Assert.That(counts.ToString(), Is.EqualTo("1 pass, 1 fail, 1 known, 1 error, 1 n/a, 2 unstable"));
    }

    [Test]
    public void The_text_says_unstable_only_when_there_is_one()
    {
        var counts = StatusCounts.Of(Enum.GetValues<Status>().Where(s => s != Status.Unstable).Select(s => Result(s)));
        Assert.That(counts.ToString(), Is.EqualTo("1 pass, 1 fail, 0 known, 1 error, 1 n/a"));
    }

    [Test]
    public void Adding_results_one_case_at_a_time_counts_as_counting_them_all()
    {
        var results = Enum.GetValues<Status>().Select(s => Result(s)).ToList();
        var stepwise = results.Chunk(2).Aggregate(StatusCounts.Empty, (counts, chunk) => counts.Add(chunk));
        Assert.That(stepwise, Is.EqualTo(StatusCounts.Of(results)));
    }
}
