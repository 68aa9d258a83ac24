using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Cli.Tests;

public class RunCommandTests
{
    private const string Case = "ic4_oc8_g2_in5x5_k3x3_s2x2_pb1x1_pe1x1_op1x1_bias";

    /// <summary>The columns README promises first, in this order; later versions only add columns after them.</summary>
    private static readonly string[] ContractColumns =
    [
        "case_id", "backend", "device", "dtype", "layout", "status", "max_abs_err", "max_rel_err",
        "max_ulp", "bound_ratio", "mismatches", "elements", "diagnosis", "stage", "seconds", "repro",
        "location", "message", "worst", "source",
    ];

    /// <summary>Columns added after the case parameters, in the order they were added, so older readers keep their positions.</summary>
    private static readonly string[] AddedColumns =
        ["diagnosis_kind", "fault_model", "equally_fitting", "known_issues", "findings", "device_time", "impl", "known"];

    [Test]
    public void Reference_run_writes_the_contract_columns_and_passes_with_zero_error()
    {
        var dir = HarnessProcess.TempDir();
        var run = HarnessProcess.Run("run", "--case", Case, "--backends", "reference", "--out", dir);
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);

        var lines = File.ReadAllLines(Path.Combine(dir, "results.csv"));
        var header = lines[0].Split(',');
        Assert.That(header.Take(ContractColumns.Length), Is.EqualTo(ContractColumns));
        Assert.That(header, Does.Contain("groups").And.Contain("output_padding").And.Contain("auto_pad"));
        Assert.That(header[^AddedColumns.Length..], Is.EqualTo(AddedColumns));
        Assert.That(lines, Has.Length.EqualTo(2));

        var result = ResultJson.ReadFile(Path.Combine(dir, "results.jsonl")).Single();
        Assert.That(result.Status, Is.EqualTo(Status.Pass));
        Assert.That(result.Metrics.MaxAbsErr, Is.Zero);
        Assert.That(result.Subject.Case, Is.EqualTo(CaseId.Parse(Case)));
        Assert.That(ReproLine.Of(result.Subject), Does.StartWith("scripts/harness run --case " + result.CaseId));
    }

    [Test]
    public void Repeat_runs_each_case_again_and_a_stable_verdict_is_kept()
    {
        var dir = HarnessProcess.TempDir();
        var run = HarnessProcess.Run("run", "--case", Case, "--backends", "reference,opencl-direct", "--repeat", "3", "--out", dir);
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        var lines = File.ReadAllLines(Path.Combine(dir, "results.csv"));
        var status = lines[0].Split(',').ToList().IndexOf("status");
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[status]), Is.EqualTo(new[] { "pass", "pass" }));

        var bad = HarnessProcess.Run("run", "--case", Case, "--backends", "reference", "--repeat", "0");
        Assert.That((bad.ExitCode, bad.Stderr.Trim()), Is.EqualTo((2, "error: --repeat: '0' is not a whole number >= 1 (see --help)")));
    }

    [Test]
    public void Dump_all_writes_npy_tensors_in_logical_order()
    {
        var dir = HarnessProcess.TempDir();
        var run = HarnessProcess.Run("run", "--case", Case, "--backends", "reference", "--out", dir, "--dump", "all");
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);

        var c = CaseId.Parse(Case);
        var p = c.Resolve();
        var folder = Path.Combine(dir, "dumps", c.Id);
        var inputs = Fill.For(p);
        Assert.That(Npy.Read(Path.Combine(folder, "input.npy")).Values, Is.EqualTo(inputs.Input.Data.Select(v => (double)v)));
        Assert.That(Npy.Read(Path.Combine(folder, "weights.npy")).Shape, Is.EqualTo(p.WeightShape));
        Assert.That(Npy.Read(Path.Combine(folder, "bias.npy")).Shape, Is.EqualTo(p.BiasShape));
        var reference = Npy.Read(Path.Combine(folder, "reference.npy"));
        Assert.That(reference.Type, Is.EqualTo(NpyType.F64));
        Assert.That(reference.Values, Is.EqualTo(ReferenceDeconvolution.Gather(p, inputs).Output));
        Assert.That(File.Exists(Path.Combine(folder, "reference.cpu.npy")), Is.True);
    }

    [Test]
    public void Suite_runs_every_case_and_the_id_of_each_result_parses_back()
    {
        var dir = HarnessProcess.TempDir();
        var run = HarnessProcess.Run("run", "--suite", "cases/smoke", "--backends", "reference", "--out", dir, "--dtypes", "f32,f16");
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        var results = ResultJson.ReadFile(Path.Combine(dir, "results.jsonl"));
        var suiteLines = File.ReadAllLines(Path.Combine(AccuracyHarness.Core.Running.ProjectPaths.Cases, "smoke"))
            .Count(l => l.Split('#')[0].Trim().Length > 0);
        Assert.That(results.Select(r => r.Subject.Case.Types.Destination).Distinct(), Is.EquivalentTo(new[] { DataType.F32, DataType.F16 }));
        Assert.That(results, Has.Count.GreaterThanOrEqualTo(suiteLines));
        Assert.That(results.Select(r => r.Status), Is.All.EqualTo(Status.Pass));
        Assert.That(File.ReadAllLines(Path.Combine(dir, "results.csv")), Has.Length.EqualTo(results.Count + 1));
    }

    [TestCase(new[] { "run", "--case", "ic1_oc1_in5_k3_s2_op2" }, "output_padding[0]=2")]
    [TestCase(new[] { "run", "--case", "ic1_oc1_in5_k3_zz" }, "'zz' is not understood")]
    [TestCase(new[] { "run", "--case", "ic1_oc1_in5_k3", "--backends", "nosuch" }, "unknown backend 'nosuch'")]
    [TestCase(new[] { "run", "--case", "ic1_oc1_in5_k3", "--dump", "sometimes" }, "--dump: 'sometimes'")]
    [TestCase(new[] { "run", "--case", "ic1_oc1_in5_k3", "--layouts", "nwhc" }, "--layouts: 'nwhc'")]
    [TestCase(new[] { "run", "--suite", "no/such/file" }, "no such suite")]
    [TestCase(new[] { "run", "--frobnicate" }, "--frobnicate")]
    [TestCase(new[] { "run" }, "no cases")]
    [TestCase(new[] { "run", "--case", "ic1_oc1_in5_k3", "--match", "_k5$", "--shard", "1/2" }, "no cases")]
    public void Bad_input_exits_2_with_a_one_line_reason(string[] args, string reason)
    {
        var run = HarnessProcess.Run(args);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Stdout + run.Stderr);
        Assert.That(run.Stderr, Does.Contain(reason));
        Assert.That(run.Stderr, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, Is.LessThanOrEqualTo(2));
    }

    [Test]
    public void Help_explains_every_option_with_an_example()
    {
        var run = HarnessProcess.Run("run", "--help");
        Assert.That(run.ExitCode, Is.Zero);
        foreach (var option in new[]
            {
                "--suite", "--case", "--backends", "--devices", "--dtypes", "--layouts", "--fill", "--seed", "--out", "--dump", "--atol",
                "--rtol",
            })
            Assert.That(run.Stdout, Does.Contain(option));
        Assert.That(run.Stdout, Does.Contain("Examples:").And.Contain("scripts/harness run --case"));
    }
}
