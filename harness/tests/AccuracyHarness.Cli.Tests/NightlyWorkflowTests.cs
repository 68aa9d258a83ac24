using System.Diagnostics;
using AccuracyHarness.Core.Running;
using YamlDotNet.RepresentationModel;

namespace AccuracyHarness.Cli.Tests;

/// <summary>
/// .github/workflows/nightly.yml, read as GitHub Actions reads it and run here as its jobs would
/// run there: the shard job's steps once per shard (two of them), each shard's folder "uploaded",
/// then the merge job's steps over what was "downloaded". The actions it uses (checkout, cache,
/// upload-artifact, download-artifact) are played by the test: a workspace of links to this
/// checkout, caches that restore nothing (a first night), and folders copied by the artifact names
/// and paths the file gives. A tiny suite stands in for the nightly's, through the NIGHTLY_SUITE
/// knob the file sets. This machine is set up as the container the jobs run in (Debian 12), so
/// their install steps find everything present and install nothing.
/// </summary>
public class NightlyWorkflowTests
{
    /// <summary>Eight cases, which --shard i/2 splits one to seven: both shards have work.</summary>
    private const string TinySuite = """
        ic2_oc3_in4x4_k3x3_s2x2_pb1x1_pe1x1_bias
        ic3_oc4_in5_k3_d2
        mb2_ic4_oc4_g2_in3x3x2_k2x2x1_s1x2x1
        ic2_oc2_in3x3_k2x2_f16_nhwc
        ic4_oc3_in4x3_k2x3_s1x2_bias_blocked16
        ic1_oc2_in6_k4_s3_pb1_op1
        ic2_oc2_in2x3_k3x3_s2x1_ap-same-upper_f16
        ic3_oc3_g3_in3x3_k3x3_pb1x1_pe1x1_exact
        """;

    private static string Root => ProjectPaths.FindRoot();

    private static YamlMappingNode Workflow()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, ".github", "workflows", "nightly.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) =>
        (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static string Text(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value ?? "" : "";

    private static IReadOnlyList<YamlMappingNode> Steps(YamlMappingNode job) =>
        ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>().ToList();

    [Test]
    public void The_workflow_shards_the_nightly_and_merges_against_the_baseline()
    {
        var workflow = Workflow();
        var jobs = Map(workflow, "jobs");
        var shard = Map(jobs, "shard");
        var merge = Map(jobs, "merge");
        var matrix = (YamlSequenceNode)Map(Map(shard, "strategy"), "matrix").Children[new YamlScalarNode("shard")];
        Assert.That(matrix.Children.Select(n => int.Parse(((YamlScalarNode)n).Value!)),
            Is.EqualTo(Enumerable.Range(1, matrix.Children.Count)),
            "shards are numbered 1..n, as --shard i/n wants");
        Assert.That(Text(Map(workflow, "env"), "NIGHTLY_SUITE"), Does.Contain("cases/nightly"));
        Assert.That(Steps(shard).Select(s => Text(s, "run")), Has.Some.Contains("scripts/nightly.sh --shard"));
        Assert.That(Steps(shard).Select(s => Text(s, "uses")), Has.Some.StartsWith("actions/upload-artifact@"));
        Assert.That(Text(merge, "needs"), Is.EqualTo("shard"));
        Assert.That(Text(merge, "if"), Is.EqualTo("always()"), "the merge judges even when a shard job failed");
        Assert.That(Steps(merge).Select(s => Text(s, "run")),
            Has.Some.Contains("scripts/harness report").And.Some.Contains("--baseline cases/baseline"));
    }

    /// <summary>Where the project is tested: Debian 12, with the .NET 10 SDK from Microsoft's Debian 12 feed.</summary>
    [Test]
    public void Both_jobs_run_in_a_debian_12_container_that_installs_the_sdk()
    {
        var jobs = Map(Workflow(), "jobs");
        foreach (var name in new[] { "shard", "merge" })
        {
            var job = Map(jobs, name);
            Assert.That(Text(job, "container"), Is.EqualTo("debian:bookworm"), name);
            var runs = Steps(job).Select(s => Text(s, "run")).ToList();
            Assert.That(runs, Has.Some.Contains("packages.microsoft.com/config/debian/12/").And.Some.Contains("dotnet-sdk-10.0"), name);
            Assert.That(Steps(job).Select(s => Text(s, "uses")), Has.None.StartsWith("actions/setup-dotnet@"), name);
            var checkout = Steps(job).ToList().FindIndex(s => Text(s, "uses").StartsWith("actions/checkout@", StringComparison.Ordinal));
            Assert.That(Steps(job).Take(checkout).Select(s => Text(s, "run")), Has.Some.Contains("git"),
                $"{name}: git is installed before the checkout, which otherwise fetches a tarball without history");
        }
    }

    /// <summary>
    /// The shard job's caches: each restored before what fills it runs, each keyed by what decides its content, so a
    /// changed pin, kernel source or driver makes a new entry instead of restoring a stale one forever.
    /// </summary>
    [Test]
    public void The_shard_job_caches_onnx_runtime_and_the_programs_under_keys_that_follow_their_content()
    {
        var shard = Map(Map(Workflow(), "jobs"), "shard");
        var steps = Steps(shard).ToList();
        var env = Map(shard, "env");
        int Index(Func<YamlMappingNode, bool> match) => steps.FindIndex(s => match(s));
        YamlMappingNode With(int index) => Map(steps[index], "with");
        bool IsCache(YamlMappingNode s) => Text(s, "uses").StartsWith("actions/cache@", StringComparison.Ordinal);

        var native = Index(s => IsCache(s) && Text(Map(s, "with"), "path").Trim() == ".native");
        Assert.That(native, Is.GreaterThanOrEqualTo(0), "a cache of .native/");
        Assert.That(Text(With(native), "key"), Does.Contain("${{ hashFiles('scripts/fetch-onnxruntime.sh') }}"));
        Assert.That(File.ReadAllText(Path.Combine(Root, "scripts", "fetch-onnxruntime.sh")),
            Does.Contain("library_sha256=").And.Contain("version="), "the key's file holds the pinned version and hashes");
        var setup = Index(s => Text(s, "run").Contains("scripts/setup.sh"));
        Assert.That(native, Is.LessThan(setup), "the library is restored before setup.sh would fetch it");

        var programFolder = Text(env, "ACCURACYHARNESS_PROGRAM_CACHE");
        var poclFolder = Text(env, "POCL_CACHE_DIR");
        Assert.That(programFolder, Does.StartWith("/"));
        Assert.That(poclFolder, Does.StartWith("/"));
        var programs = Index(s => IsCache(s) && Text(Map(s, "with"), "path").Contains(programFolder));
        Assert.That(programs, Is.GreaterThanOrEqualTo(0), "a cache of the program binaries' folder");
        Assert.That(Text(With(programs), "path"), Does.Contain(poclFolder), "PoCL's kernel cache is kept with them");
        var key = Text(With(programs), "key");
        Assert.That(key, Does.Contain("hashFiles('harness/src/AccuracyHarness.OpenCL/**', 'cases/kernels/**')"),
            "the harness's kernel sources and the header code that make the program texts");
        Assert.That(key, Does.Contain("${{ hashFiles('opencl-drivers.txt') }}"), "the drivers' versions");
        var drivers = Index(s => Text(s, "run").Contains("> opencl-drivers.txt"));
        Assert.That(Text(steps[drivers], "run"), Does.Contain("pocl-opencl-icd").And.Contain("oclgrind"));
        Assert.That(drivers, Is.InRange(setup, programs - 1), "the versions are recorded after the install, before the restore");
        Assert.That(programs, Is.LessThan(Index(s => Text(s, "run").Contains("scripts/nightly.sh"))));
    }

    [Test]
    public void Its_steps_run_two_shards_and_a_merge_that_fails_on_a_new_divergence()
    {
        var jobs = Map(Workflow(), "jobs");
        var temp = HarnessProcess.TempDir();
        var workspace = Path.Combine(temp, "workspace");
        var artifacts = Path.Combine(temp, "artifacts");
        Directory.CreateDirectory(workspace);
        Directory.CreateDirectory(artifacts);
        try
        {
            // The checkout: this one, less its run output.
            foreach (var entry in Directory.EnumerateFileSystemEntries(Root).Where(e => Path.GetFileName(e) is not ("reports" or "shards")))
                File.CreateSymbolicLink(Path.Combine(workspace, Path.GetFileName(entry)), entry);
            var suite = Path.Combine(temp, "tiny");
            File.WriteAllText(suite, TinySuite);
            var env = new Dictionary<string, string> { ["NIGHTLY_SUITE"] = suite, ["NIGHTLY_OCLGRIND_SUITE"] = suite };

            const int shards = 2;
            for (var i = 1; i <= shards; i++)
            {
                var expressions = new Dictionary<string, string> { ["matrix.shard"] = $"{i}", ["strategy.job-total"] = $"{shards}" };
                var steps = RunJob(Map(jobs, "shard"), workspace, artifacts, expressions, env);
                Assert.That(steps.Select(o => o.ExitCode), Is.All.EqualTo(0), string.Join("\n", steps.Select(o => o.Stdout + o.Stderr)));
            }
            Assert.That(Directory.GetDirectories(artifacts).Select(Path.GetFileName), Is.EquivalentTo(new[] { "shard-1", "shard-2" }));
            Assert.That(File.ReadAllText(Path.Combine(workspace, "opencl-drivers.txt")), Does.Match(@"pocl-opencl-icd=\S+\n"),
                "the drivers' versions, which key the program cache");
            var perShard = Directory.GetDirectories(artifacts).Select(d => File.ReadAllLines(Path.Combine(d, "results.jsonl")).Length)
                .ToList();
            Assert.That(perShard, Has.All.GreaterThan(0), "each shard ran some of the cases");

            var merged = RunJob(Map(jobs, "merge"), workspace, artifacts, new Dictionary<string, string>(), env);
            Assert.That(merged.Last().ExitCode, Is.EqualTo(0), merged.Last().Stdout + merged.Last().Stderr);
            Assert.That(merged.Last().Stdout, Does.Contain("merged 2 shards").And.Contain("0 new divergence(s)"));
            Assert.That(File.ReadAllLines(Path.Combine(workspace, "reports", "nightly", "results.jsonl")).Length,
                Is.EqualTo(perShard.Sum()));
            Assert.That(Directory.GetDirectories(artifacts).Select(Path.GetFileName), Does.Contain("nightly-report"));

            // A result that failed on one shard, which the baseline does not list, fails the merge.
            var planted = Path.Combine(artifacts, "shard-1", "results.jsonl");
            var lines = File.ReadAllLines(planted);
            var at = Array.FindIndex(lines, l => l.Contains("\"backend\":\"reference\"") && l.Contains("\"status\":\"pass\""));
            Assert.That(at, Is.GreaterThanOrEqualTo(0), "shard 1 has a passing reference result to turn into a failure");
            lines[at] = lines[at].Replace("\"status\":\"pass\"", "\"status\":\"fail\"");
            File.WriteAllLines(planted, lines);
            // As a fresh workflow run would: nothing downloaded or uploaded by the merge yet.
            Directory.Delete(Path.Combine(workspace, "shards"), recursive: true);
            Directory.Delete(Path.Combine(artifacts, "nightly-report"), recursive: true);
            var failing = RunJob(Map(jobs, "merge"), workspace, artifacts, new Dictionary<string, string>(), env);
            Assert.That(failing.Last().ExitCode, Is.EqualTo(1), failing.Last().Stdout + failing.Last().Stderr);
            Assert.That(failing.Last().Stdout, Does.Contain("1 new divergence(s)"));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>
    /// One job's steps in order, as the runner would: run steps through bash -eo pipefail with the
    /// known expressions filled in (any other expression fails the test: the file would need a
    /// runner here), the artifact actions as copies. After a failing run step only the steps
    /// marked <c>if: always()</c> run.
    /// </summary>
    private static List<HarnessProcess.Outcome> RunJob(
        YamlMappingNode job, string workspace, string artifacts, IReadOnlyDictionary<string, string> expressions,
        IReadOnlyDictionary<string, string> env)
    {
        string Fill(string text)
        {
            foreach (var (name, value) in expressions) text = text.Replace("${{ " + name + " }}", value);
            Assert.That(text, Does.Not.Contain("${{"), $"an expression this test does not play: {text}");
            return text;
        }

        var outcomes = new List<HarnessProcess.Outcome>();
        foreach (var step in Steps(job))
        {
            if (outcomes.Any(o => o.ExitCode != 0) && Text(step, "if") != "always()") continue;
            var uses = Text(step, "uses");
            var with = step.Children.TryGetValue(new YamlScalarNode("with"), out var w) ? (YamlMappingNode)w : new YamlMappingNode();
            if (uses.StartsWith("actions/upload-artifact@", StringComparison.Ordinal))
            {
                CopyTree(Path.Combine(workspace, Fill(Text(with, "path"))), Path.Combine(artifacts, Fill(Text(with, "name"))));
            }
            else if (uses.StartsWith("actions/download-artifact@", StringComparison.Ordinal))
            {
                var pattern = Text(with, "pattern");
                foreach (var dir in Directory.GetDirectories(artifacts, pattern))
                    CopyTree(dir, Path.Combine(workspace, Text(with, "path"), Path.GetFileName(dir)));
            }
            else if (uses.Length == 0)
            {
                outcomes.Add(Bash(workspace, Fill(Text(step, "run")), env));
            }
            else
            {
                Assert.That(uses, Does.StartWith("actions/checkout@").Or.StartWith("actions/cache@"), "an action this test does not play");
            }
        }
        return outcomes;
    }

    private static HarnessProcess.Outcome Bash(string directory, string script, IReadOnlyDictionary<string, string> env)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = directory };
        foreach (var a in new[] { "--noprofile", "--norc", "-eo", "pipefail", "-c", script }) start.ArgumentList.Add(a);
        foreach (var (name, value) in env) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"step did not finish in 10 minutes: {script}");
        }
        return new HarnessProcess.Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static void CopyTree(string from, string to)
    {
        Assert.That(Directory.Exists(from), $"nothing to copy at {from}");
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
