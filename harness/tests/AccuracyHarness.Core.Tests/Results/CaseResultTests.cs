using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;

namespace AccuracyHarness.Core.Tests.Results;

/// <summary>An error result is made one way (<see cref="CaseResult.Error"/>), whatever went wrong.</summary>
public class CaseResultTests
{
    [Test]
    public void An_invalid_case_is_an_error_of_each_backend_naming_where_the_case_came_from()
    {
        var suiteCase = new SuiteCase(CaseId.Parse("ic1_oc1_in1_k1_pb1"), "cases/smoke:7");
        var backend = new ReferenceBackend();
        var why = Assert.Throws<InvalidCaseException>(() => suiteCase.Case.Resolve())!.Message;

        var result = new Runner([backend], new RunOptions()).RunCase(suiteCase).Single();

        Assert.That((result.Status, result.Message), Is.EqualTo((Status.Error, why)));
        Assert.That(result.Subject, Is.EqualTo(new ResultSubject(suiteCase.Case, ReferenceBackend.Id, "cpu", "cases/smoke:7")));
        Assert.That(ResultJson.ToLine(result), Is.EqualTo(ResultJson.ToLine(CaseResult.Error(result.Subject, why))));
    }

    [Test]
    public void A_backend_that_failed_is_an_error_with_its_time_and_its_repro_arguments()
    {
        var problem = CaseId.Parse("ic1_oc1_in3_k3").Resolve();
        var basis = ComparisonBasis.Of(problem, ReferenceDeconvolution.Gather(problem, Fill.For(problem)));
        var subject = new ResultSubject(problem.Case, "ext:k", "pocl", "cases/smoke:3", "--kernel k.json");

        var (result, metrics) = ResultEvaluator.Evaluate(basis, subject, new BackendOutput.Failed("clBuildProgram failed"), 0.5);

        Assert.That(metrics, Is.Null);
        Assert.That((result.Status, result.Message, result.Metrics.Seconds), Is.EqualTo((Status.Error, "clBuildProgram failed", 0.5)));
        Assert.That(result.Metrics with { Seconds = 0 }, Is.EqualTo(ResultMetrics.None), "no output, no errors measured");
        Assert.That(ResultJson.ToLine(result), Is.EqualTo(ResultJson.ToLine(CaseResult.Error(subject, "clBuildProgram failed", 0.5))));
        Assert.That(ReproLine.Of(result.Subject),
            Is.EqualTo($"scripts/harness run --case {problem.Case.Id} --backends ext:k --devices pocl --kernel k.json"));
    }
}
