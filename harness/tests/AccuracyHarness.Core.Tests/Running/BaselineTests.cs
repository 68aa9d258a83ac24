using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Core.Tests.Running;

public class BaselineTests
{
    private static CaseResult Result(string id, string backend, Status status, string diagnosis = "", string device = "cpu") =>
        new()
        {
            Subject = new ResultSubject(CaseId.Parse(id), backend, device), Status = status,
            Diagnosis = new ResultDiagnosis { Text = diagnosis },
        };

    /// <summary>Backend names as the command line gives them: the catalogue's, and ext:* for users' kernels.</summary>
    private static readonly string[] Backends = ["reference", "onnxruntime", "onnxruntime-wdyn", "opencl-direct", "ext:*"];

    private static Baseline Load(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"baseline-{Guid.NewGuid():N}");
        File.WriteAllText(path, text);
        try
        {
            return Baseline.Load(path, Backends);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Known_failures_are_separated_from_new_ones_and_entries_that_now_pass_are_reported()
    {
        var baseline = Load("""
            # comment
            onnxruntime*@cpu *_k3x3_* ORT rounding issue
            reference@cpu diagnosis="bias-*" the reference never fails
            opencl-direct@pocl mb1_ic1_* now fixed
            """);
        var results = new[]
        {
            Result("ic2_oc2_in3x3_k3x3", "onnxruntime", Status.Fail),
            Result("ic2_oc2_in3x3_k3x3", "onnxruntime-wdyn", Status.Error),
            Result("ic2_oc2_in3x3_k2x2", "onnxruntime", Status.Fail),
            Result("ic2_oc2_in3x3_k2x2", "reference", Status.Fail, "bias-missing: no bias"),
            Result("ic1_oc2_in3x3_k2x2", "opencl-direct", Status.Pass, device: "pocl"),
        };
        var standing = baseline.Classify(results);
        Assert.That(standing.Known.Select(k => k.Result.Subject.Backend),
            Is.EqualTo(new[] { "onnxruntime", "onnxruntime-wdyn", "reference" }));
        Assert.That(standing.New.Single().CaseId, Does.Contain("_k2x2_"));
        Assert.That(standing.NowPassing.Single().Reason, Is.EqualTo("now fixed"));

        var marked = results.Select(baseline.Mark).ToList();
        Assert.That(marked.Where(r => r.IsKnown).Select(r => r.Subject.Backend),
            Is.EqualTo(standing.Known.Select(k => k.Result.Subject.Backend)));
        Assert.That(marked[0].Known?.ToString(), Does.Match("^baseline-[0-9a-f]+:2: ORT rounding issue$"),
            "the entry's file, line and reason");
        Assert.That(marked.Where(r => r.Status == Status.Pass).Select(r => r.Known), Is.All.Null, "a passing result is never known");
        Assert.That(Baseline.Empty.Mark(marked[0]).IsKnown, Is.False, "another baseline's mark does not stay");
    }

    [Test]
    public void An_unstable_result_is_new_even_where_an_entry_covers_its_case()
    {
        var baseline = Load("onnxruntime@cpu *_k3x3_* ORT rounding issue");
        var unstable = Result("ic2_oc2_in3x3_k3x3", "onnxruntime", Status.Unstable);
        var standing = baseline.Classify([unstable, Result("ic3_oc2_in3x3_k3x3", "onnxruntime", Status.Fail)]);
        Assert.That(standing.New.Single().Status, Is.EqualTo(Status.Unstable));
        Assert.That(standing.Known.Single().Result.Status, Is.EqualTo(Status.Fail));
        Assert.That(baseline.Mark(unstable).IsKnown, Is.False, "reports and the exit code agree");
    }

    [TestCase("onnxruntime *_k3x3_* reason", "BACKEND@DEVICE: 'onnxruntime' is not BACKEND@DEVICE")]
    [TestCase("onnxruntime@cpu *_k3x3_*", "REASON: is required")]
    [TestCase("onnxruntime@cpu diagnosis=\"known* reason", "diagnosis: the pattern has no closing quote")]
    [TestCase("reference@cpu ic2_oc2_in3_k3 a short id never matches", "CASE_PATTERN: 'ic2_oc2_in3_k3' is not a canonical case id")]
    [TestCase("onnxruntme@cpu *_k3x3_* a typo would never match",
        "BACKEND: 'onnxruntme' is not a known backend (known: reference, onnxruntime, onnxruntime-wdyn, opencl-direct, ext:*)")]
    [TestCase("onnx-*@cpu *_k3x3_* a pattern matching no backend", "BACKEND: 'onnx-*' is not a known backend")]
    [TestCase("ext:@cpu *_k3x3_* a user's kernel needs its name", "BACKEND: 'ext:' is not a known backend")]
    public void Malformed_entries_name_file_and_line(string line, string message) =>
        Assert.That(() => Load("# header\n" + line),
            Throws.TypeOf<FormatException>().With.Message.Contains(":2: " + message.Split(' ')[0]).And.Message.Contains(message));

    [Test]
    public void A_backend_may_be_a_pattern_covering_a_known_one_or_any_users_kernel()
    {
        var baseline = Load("""
            *@pocl *_k3x3_* every backend on PoCL
            opencl-*@pocl *_k2x2_* the OpenCL backends
            ext:my_kernel@* *_k1x1_* a user's kernel, known only to runs given its manifest
            """);
        Assert.That(baseline.Entries.Select(e => e.Backend), Is.EqualTo(new[] { "*", "opencl-*", "ext:my_kernel" }));
        Assert.That(baseline.Classify([Result("ic2_oc2_in3x3_k1x1", "ext:my_kernel", Status.Fail)]).Known, Has.Count.EqualTo(1));
    }

    [Test]
    public void Shards_partition_the_cases_and_samples_are_stable()
    {
        var ids = Enumerable.Range(1, 300).Select(i => CaseId.Parse($"ic{i}_oc1_in3_k3").Id).ToList();
        var shards = Enumerable.Range(1, 4).Select(i => new CaseSelection.Shard(i, 4)).ToList();
        Assert.That(ids.All(id => shards.Count(s => s.Includes(id)) == 1), Is.True);
        Assert.That(shards.Select(s => ids.Count(s.Includes)), Is.All.InRange(40, 110));
        var sample = ids.Where(id => CaseSelection.InSample(id, 10)).ToList();
        Assert.That(sample.Count, Is.InRange(10, 55));
        Assert.That(ids.Where(id => CaseSelection.InSample(id, 10)), Is.EqualTo(sample));
        Assert.That(() => CaseSelection.Shard.Parse("5/4"), Throws.TypeOf<FormatException>().With.Message.Contains("1 <= i <= n"));
    }
}
