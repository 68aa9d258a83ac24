using System.Text;
using System.Text.RegularExpressions;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.Cli.Tests;

/// <summary>
/// No input ends in a harness failure: random mutations (truncation, bit flips, deleted,
/// duplicated and inserted characters, swapped lines) of valid results.jsonl, run.json, suites,
/// benchdnn shape and batch files, kernel manifests, baselines, case ids and benchdnn descriptors,
/// each fed to the command that reads it through the real entry point, in this process. Every
/// input either still reads (exit 0 or 1) or is a usage error (exit 2) whose one error line names
/// the file (and for line-oriented files the line); none exits 3.
/// </summary>
[NonParallelizable]
public class CorruptInputTests
{
    private const string CaseA = "mb1_ic4_oc8_g2_in5x5_k3x3_s2x2_d1x1_pb1x1_pe1x1_op1x1_ap-notset_bias_f32_nchw_random_seed7";
    private const string CaseB = "ic2_oc2_in6_k3_d2";
    private const int Inputs = 800;

    /// <summary>
    /// One kind of input: its valid form, where a mutated copy goes and the command that reads it,
    /// and what a refusal's error line must contain: the file, the line (for line-oriented files)
    /// and the field, e.g. "results.jsonl:3: status: ".
    /// </summary>
    private sealed record Target(string Name, byte[] Valid, Func<string, byte[], string[]> Place, string Where);

    private const string Line = ":[0-9]+: [^:]+: ";

    private sealed record Mutation(int Kind, int Position, int Value, int Other);

    /// <summary>
    /// An edit of a kind's valid input that must be refused (exit 2 naming where) on every run, so that each kind
    /// is refused whatever the random mutations draw (one draw of 800 once refused no batch file).
    /// </summary>
    private sealed record Refusal(string Target, string What, Func<string, string> Edit);

    private static readonly Refusal[] Refusals =
    [
        new("results.jsonl (report)", "its first line cut in half", FirstLineHalved),
        new("results.jsonl (report)", "a status no result has", t => Replace(t, "\"status\":\"pass\"", "\"status\":\"passed\"")),
        new("results.jsonl (run --resume)", "its first line (not its last) cut in half", FirstLineHalved),
        new("results.jsonl (run --resume)", "a status no result has", t => Replace(t, "\"status\":\"pass\"", "\"status\":\"passed\"")),
        new("run.json (report)", "cut in half", t => t[..(t.Length / 2)]),
        new("run.json (report)", "a start that is no date", t => Regex.Replace(t, "\"started\": \"[^\"]*\"", "\"started\": \"yesterday\"")),
        new("suite (list)", "an unknown token in a case line", t => Replace(t, CaseB + "\n", CaseB + "_zz9\n")),
        new("suite (list)", "an unknown grid parameter", t => Replace(t, "  k = 2, 3", "  kk = 2, 3")),
        new("suite (list)", "a grid without its end", t => Replace(t, "end\n", "\n")),
        new("benchdnn shapes (list)", "channels not divisible by the groups", t => Replace(t, "g2mb1ic4", "g2mb1ic3")),
        new("benchdnn shapes (list)", "no input channels", t => Replace(t, "mb1ic3", "mb1ic0")),
        new("benchdnn batch (list)", "an option name with a typo", t => Replace(t, "--mb=1", "--mZ=1")),
        new("benchdnn batch (list)", "a batch size that is no number", t => Replace(t, "--mb=1", "--mb=1x")),
        new("benchdnn batch (list)", "a --match that is no regular expression", t => Replace(t, "--reset", "--reset --match=(")),
        new("kernel manifest (run)", "cut in half", t => t[..(t.Length / 2)]),
        new("kernel manifest (run)", "a role no kernel has", t => Replace(t, "\"role\": \"deconv\"", "\"role\": \"deconvolve\"")),
        new("kernel manifest (run)", "a data type it cannot run", t => Replace(t, "\"f32\"", "\"f33\"")),
        new("baseline (run)", "an entry without its reason", t => Replace(t, "mb1_ic2_* a case pattern", "mb1_ic2_*")),
        new("baseline (run)", "a backend without its device", t => Replace(t, "reference@cpu", "referencecpu")),
        new("baseline (run)", "a diagnosis pattern without its closing quote", t => Replace(t, "known ambiguity*\"", "known ambiguity*")),
        new("case id (run)", "no input channels", t => Replace(t, "_ic4_", "_ic0_")),
        new("case id (run)", "its input channels dropped", t => Replace(t, "_ic4_", "_")),
        new("case id (run)", "channels not divisible by the groups", t => Replace(t, "_ic4_", "_ic3_")),
        new("benchdnn descriptor (run)", "channels not divisible by the groups", t => Replace(t, "ic4", "ic3")),
        new("benchdnn descriptor (run)", "its input channels dropped", t => Replace(t, "ic4", "")),
        new("benchdnn descriptor (run)", "a kernel of size 0", t => Replace(t, "kh3", "kh0")),
    ];

    private static string FirstLineHalved(string text) => text[..(text.IndexOf('\n') / 2)] + text[text.IndexOf('\n')..];

    /// <summary>The first occurrence replaced; a valid input that lacks it is a broken test, not a refusal.</summary>
    private static string Replace(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.That(at, Is.Not.Negative, $"the valid input has '{old}'");
        return text[..at] + replacement + text[(at + old.Length)..];
    }

    private string _root = "";
    private List<Target> _targets = [];

    [OneTimeSetUp]
    public void CreateValidInputs()
    {
        _root = HarnessProcess.TempDir();
        var run = Path.Combine(_root, "run");
        var (exit, _, stderr) = Invoke(["run", "--case", CaseA, "--case", CaseB, "--backends", "reference", "--out", run]);
        Assert.That(exit, Is.Zero, stderr);
        // A failing line as well, so that every field a result can carry (map, known issues, findings...) is exercised.
        var results = ResultJson.ReadFile(Path.Combine(run, ResultJson.FileName));
        var failing = results[0] with
        {
            Status = Status.Fail,
            Diagnosis = new ResultDiagnosis
            {
                Text = "weights-not-flipped: kernel not rotated by 180 degrees",
                Kind = DiagnosisKind.FaultModel, FaultModel = "weights-not-flipped", EquallyFitting = ["pads-swapped"],
                KnownIssues = [new KnownIssue(KnownIssueKind.Ambiguity, "spec")], Findings = ["Invalid read of size 4"],
                Map = new ErrorMap(2, 3, [0, 5], [[0, 1, 2, 3, 4, -1], [0, 0, 0, 0, 0, 7]]),
            },
            Metrics = results[0].Metrics with
            {
                DeviceTimes = [new DeviceTime("deconv", 0.25)], Mismatches = 3, BoundRatio = double.PositiveInfinity,
            },
            Known = new KnownEntry("baseline", 1, "expected"),
        };
        var jsonl = Encoding.UTF8.GetBytes(string.Join("\n", results.Append(failing).Select(ResultJson.ToLine)) + "\n");
        var runJson = File.ReadAllBytes(Path.Combine(run, RunJson.FileName));

        var example = Path.Combine(ProjectPaths.FindRoot(), "cases", "kernels", "example-deconv");
        var kernelSource = File.ReadAllText(Path.Combine(example, "example_deconv.cl"));
        var manifest = File.ReadAllBytes(Path.Combine(example, "manifest.json"));
        var baseline = Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(ProjectPaths.FindRoot(), "cases", "baseline")) +
            $"reference@cpu mb1_ic2_* a case pattern\nreference@* {CaseA} an exact case\n");
        var shapes = Encoding.UTF8.GetBytes(
            "# shapes\ng2mb1ic4ih5oc4oh9kh3sh2ph1n\"strided\"\nmb1ic3iw6oc2ow8kw3pw0\nic2id3ih3iw3oc2od3oh3ow3kd1kh1kw1_n\"3d\"\n");
        var batch = Encoding.UTF8.GetBytes("--reset\n--mb=1\n--dir=FWD_D,BWD_D\n--dt=f32,bf16\n--stag=any,axb\n--batch=shapes\n");
        var suite = Encoding.UTF8.GetBytes($"""
            # the property's suite
            {CaseB}
            g2mb1ic4ih5oc4oh9kh3sh2ph1
            include shapes where k <= 3 sample 50%
            include batch
            grid small
              in = 3, 4x4
              k = 2, 3
              s = 1, 2
              ic = 2
              oc = 2
              dtype = f32, f16
              where s <= k and prod(in) > 3
            end

            """);

        string Out() => Path.Combine(_root, "out-" + Guid.NewGuid().ToString("N"));
        string[] RunFolder(string dir, byte[] results, byte[] info)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, ResultJson.FileName), results);
            File.WriteAllBytes(Path.Combine(dir, RunJson.FileName), info);
            return [];
        }
        string Write(string dir, string name, byte[] content, params (string Name, byte[] Content)[] next)
        {
            Directory.CreateDirectory(dir);
            foreach (var (n, c) in next) File.WriteAllBytes(Path.Combine(dir, n), c);
            File.WriteAllBytes(Path.Combine(dir, name), content);
            return Path.Combine(dir, name);
        }
        _targets =
        [
            new("results.jsonl (report)", jsonl, (dir, b) => [.. RunFolder(dir, b, runJson), "report", "--from", dir],
                "results\\.jsonl" + Line),
            new("results.jsonl (run --resume)", jsonl,
                (dir, b) =>
                    [.. RunFolder(dir, b, runJson), "run", "--case", CaseA, "--case", CaseB, "--backends", "reference", "--resume", dir],
                "results\\.jsonl" + Line),
            new("run.json (report)", runJson, (dir, b) => [.. RunFolder(dir, jsonl, b), "report", "--from", dir], "run\\.json: [^ :]+: "),
            new("suite (list)", suite, (dir, b) => ["list", "--suite", Write(dir, "suite", b, ("shapes", shapes), ("batch", batch))],
                "(suite|shapes|batch)" + Line),
            new("benchdnn shapes (list)", shapes, (dir, b) => ["list", "--suite", Write(dir, "shapes", b)], "shapes" + Line),
            new("benchdnn batch (list)", batch, (dir, b) => ["list", "--suite", Write(dir, "batch", b, ("shapes", shapes))],
                "(batch|shapes)" + Line),
            new("kernel manifest (run)", manifest,
                (dir, b) => ["run", "--kernel", Write(dir, "manifest.json", b, ("example_deconv.cl", Encoding.UTF8.GetBytes(kernelSource))),
                    "--backends", "reference", "--case", CaseB, "--out", Out()],
                "^error: --kernel: kernel manifest .*manifest\\.json: field '[^']+': "),
            new("baseline (run)", baseline,
                (dir, b) => ["run", "--baseline", Write(dir, "baseline", b), "--backends", "reference", "--case", CaseB, "--out", Out()],
                "baseline" + Line),
            new("case id (run)", Encoding.UTF8.GetBytes(CaseA),
                (_, b) => ["run", "--case", Encoding.UTF8.GetString(b), "--backends", "reference", "--out", Out()], "^error: --case: "),
            new("benchdnn descriptor (run)", Encoding.UTF8.GetBytes("g2mb1ic4ih5oc4oh9kh3sh2ph1"),
                (_, b) => ["run", "--case", Encoding.UTF8.GetString(b), "--backends", "reference", "--out", Out()], "^error: --case: "),
        ];
    }

    [OneTimeTearDown]
    public void RemoveInputs()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Test]
    public void Every_valid_input_reads()
    {
        foreach (var target in _targets)
        {
            var (exit, _, stderr) = Invoke(target.Place(Path.Combine(_root, "valid-" + Guid.NewGuid().ToString("N")), target.Valid));
            Assert.That(exit, Is.Zero, $"{target.Name}: {stderr}");
        }
    }

    [Test]
    public void A_mutated_input_is_read_or_refused_naming_where_never_a_harness_failure()
    {
        Assert.That(_targets.Select(t => t.Name), Is.SubsetOf(Refusals.Select(r => r.Target)), "every kind of input has refusals");
        var tried = _targets.ToDictionary(t => t.Name, _ => (Accepted: 0, Refused: 0));
        int Feed(Target target, byte[] bytes, string how)
        {
            var args = target.Place(Path.Combine(_root, "in-" + Guid.NewGuid().ToString("N")), bytes);
            var (exit, _, stderr) = Invoke(args);
            var shown = $"{target.Name} {how}:\n{Encoding.UTF8.GetString(bytes)}\nexit {exit}: {stderr}";
            Assert.That(exit, Is.AnyOf(ExitCodes.Success, ExitCodes.Divergence, ExitCodes.Usage), shown);
            Assert.That(stderr, Does.Not.Contain("harness failure"), shown);
            var counts = tried[target.Name];
            if (exit != ExitCodes.Usage)
            {
                tried[target.Name] = counts with { Accepted = counts.Accepted + 1 };
                return exit;
            }
            tried[target.Name] = counts with { Refused = counts.Refused + 1 };
            var errors = stderr.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
            Assert.That(errors, Has.Count.EqualTo(1), shown);
            Assert.That(errors[0], Does.Match(target.Where), shown);
            return exit;
        }

        foreach (var refusal in Refusals)
        {
            var target = _targets.Single(t => t.Name == refusal.Target);
            var exit = Feed(target, Encoding.UTF8.GetBytes(refusal.Edit(Encoding.UTF8.GetString(target.Valid))), "with " + refusal.What);
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage), $"{target.Name} with {refusal.What} is refused");
        }

        var mutation = from kind in Gen.Choose(0, 5)
                       from position in Gen.Choose(0, int.MaxValue)
                       from value in Gen.Choose(0, 255)
                       from other in Gen.Choose(0, int.MaxValue)
                       select new Mutation(kind, position, value, other);
        var input = from target in Gen.Choose(0, _targets.Count - 1)
                    from mutations in Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(mutation, n))
                    select (Target: target, Mutations: mutations.ToList());
        var property = Prop.ForAll(Arb.From(input), x =>
        {
            var target = _targets[x.Target];
            var exit = Feed(target, x.Mutations.Aggregate(target.Valid, Apply), $"mutated by {string.Join(", ", x.Mutations)}");
            // A resumed run drops only a last line cut short, so cutting the file short always resumes.
            if (target.Name.Contains("--resume") && x.Mutations is [{ Kind: 0 }])
                Assert.That(exit, Is.Zero, $"{target.Name} cut short by {x.Mutations[0]}");
        });
        TestSeed.Check(property, Inputs);

        foreach (var (name, (accepted, refused)) in tried)
            TestContext.Out.WriteLine($"{name}: {accepted + refused} inputs, {refused} refused (exit 2), {accepted} read");
        TestContext.Out.WriteLine($"{tried.Values.Sum(c => c.Accepted + c.Refused)} mutated inputs tried in all");
        Assert.That(tried.Values.Sum(c => c.Accepted + c.Refused), Is.EqualTo(Refusals.Length + Inputs));
        Assert.That(tried.Where(t => t.Value.Refused == 0).Select(t => t.Key), Is.Empty, "every kind of input was refused at least once");
    }

    /// <summary>
    /// 0 truncate, 1 flip a bit, 2 delete a byte, 3 duplicate a byte, 4 insert a byte (often one of
    /// the characters the formats give meaning to), 5 swap two lines.
    /// </summary>
    private static byte[] Apply(byte[] data, Mutation m)
    {
        if (data.Length == 0) return data;
        var at = m.Position % data.Length;
        var list = data.ToList();
        switch (m.Kind)
        {
            case 0:
                return data[..at];
            case 1:
                list[at] ^= (byte)(1 << (m.Value % 8));
                break;
            case 2:
                list.RemoveAt(at);
                break;
            case 3:
                list.Insert(at, data[at]);
                break;
            case 4:
                const string meaningful = "{}[]\",:_x0123456789-#=@*%\n ";
                list.Insert(at, m.Other % 2 == 0 ? (byte)meaningful[m.Value % meaningful.Length] : (byte)m.Value);
                break;
            default:
                var lines = Encoding.UTF8.GetString(data).Split('\n');
                var (i, j) = (m.Position % lines.Length, m.Other % lines.Length);
                (lines[i], lines[j]) = (lines[j], lines[i]);
                return Encoding.UTF8.GetBytes(string.Join("\n", lines));
        }
        return [.. list];
    }

    /// <summary>The command line's entry point in this process, its output captured.</summary>
    private static (int Exit, string Stdout, string Stderr) Invoke(string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var (oldOut, oldErr, oldCi) = (Console.Out, Console.Error, Environment.GetEnvironmentVariable("CI"));
        Console.SetOut(stdout);
        Console.SetError(stderr);
        // Plain progress lines, never a live bar drawn on the test's terminal.
        Environment.SetEnvironmentVariable("CI", "1");
        try
        {
            var exit = Harness.Run(args);
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
            Environment.SetEnvironmentVariable("CI", oldCi);
        }
    }
}
