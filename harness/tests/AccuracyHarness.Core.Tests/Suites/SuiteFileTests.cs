using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;

namespace AccuracyHarness.Core.Tests.Suites;

public class SuiteFileTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "suite-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r", ""));
        return path;
    }

    private SuiteException LoadFails(string name, string text)
    {
        var path = Write(name, text);
        return Assert.Throws<SuiteException>(() => SuiteFile.Load(path))!;
    }

    [Test]
    public void Explicit_lines_are_case_ids_or_benchdnn_descriptors_with_file_and_line_as_source()
    {
        var path = Write("s", """
            # a comment
            ic3_oc4_in5x5_k3x3   # trailing comment

            g2mb1ic4ih5oc4oh9kh3sh2ph1
            """);
        var loaded = SuiteFile.Load(path);
        Assert.That(loaded.Cases.Select(c => c.Source), Is.EqualTo(new[] { "s:2", "s:4" }));
        Assert.That(loaded.Cases[0].Case, Is.EqualTo(CaseId.Parse("ic3_oc4_in5x5_k3x3")));
        Assert.That(loaded.Cases[1].Case.Groups, Is.EqualTo(2));
    }

    [Test]
    public void A_grid_crosses_its_values_first_parameter_slowest_and_repeats_single_values_over_the_axes()
    {
        var path = Write("s", """
            grid g
              in = 3x3, 4
              k = 1, 3
              ic = 2
              oc = 2
            end
            """);
        var ids = SuiteFile.Load(path).Cases.Select(c => (c.Case.Input.ToString(), c.Case.Kernel.ToString())).ToList();
        Assert.That(ids, Is.EqualTo(new[] { ("3x3", "1x1"), ("3x3", "3x3"), ("4", "1"), ("4", "3") }));
    }

    [Test]
    public void Grid_cases_name_the_grid_and_its_line()
    {
        var path = Write("s", "ic1_oc1_in3_k3\n\ngrid basic\n  ic = 1\n  oc = 1\n  in = 2\n  k = 2\nend\n");
        Assert.That(SuiteFile.Load(path).Cases[1].Source, Is.EqualTo("s:3 grid basic"));
    }

    [Test]
    public void Invalid_combinations_are_dropped_and_counted_by_field()
    {
        var path = Write("s", """
            grid groups
              g = 1, 2, 3
              ic = 2, 3
              oc = 6
              in = 3
              k = 3
              s = 1, 2
              op = 0, 1
            end
            """);
        var loaded = SuiteFile.Load(path);
        var report = loaded.Expansions.Single();
        Assert.That(report.Generated, Is.EqualTo(24));
        // g2 with ic3 and g3 with ic2 (8 each side of s and op), and op1 with s1 where the groups fit.
        Assert.That(report.InvalidByField, Is.EqualTo(new Dictionary<string, int> { ["in_channels"] = 8, ["output_padding"] = 4 }));
        Assert.That(report.Invalid, Is.EqualTo(12));
        Assert.That(report.Kept, Is.EqualTo(12));
        Assert.That(loaded.Cases, Has.Count.EqualTo(12));
        Assert.That(loaded.Cases.Select(c => c.Case.Resolve()), Has.All.Not.Null);
        Assert.That(report.Summary, Does.Contain("24 generated, 12 invalid (in_channels: 8, output_padding: 4)"));
    }

    [Test]
    public void Where_constraints_all_hold_for_every_kept_case()
    {
        var path = Write("s", """
            grid constrained
              ic = 1, 2, 4
              oc = 4
              g = 1, 2
              in = 4x4
              k = 1, 2, 3
              s = 1, 2, 3
              where s <= k
              where cg >= 2 or g == 1
            end
            """);
        var loaded = SuiteFile.Load(path);
        Assert.That(loaded.Cases, Is.Not.Empty);
        Assert.That(loaded.Cases, Has.All.Matches<SuiteCase>(c => c!.Case.Strides[0] <= c.Case.Kernel[0]));
        Assert.That(loaded.Cases, Has.All.Matches<SuiteCase>(c => c!.Case.Groups == 1 || c.Case.InChannels / c.Case.Groups >= 2));
        Assert.That(loaded.Expansions.Single().Excluded, Is.GreaterThan(0));
    }

    [Test]
    public void Symbolic_parameters_take_their_value_names()
    {
        var path = Write("s", """
            grid types
              ic = 2
              oc = 2
              in = 3
              k = 3
              s = 2
              ap = notset, same-upper
              bias = yes, no
              dtype = f32, fp16
              layout = nchw, byxf, blocked16
              fill = random, exact
              os = none, 7
              where dtype == f16 and layout != nhwc and ap == same_upper
            end
            """);
        var cases = SuiteFile.Load(path).Cases.Select(c => c.Case).ToList();
        Assert.That(cases, Has.Count.EqualTo(2 * 2 * 2 * 2));
        Assert.That(cases,
            Has.All.Matches<DeconvCase>(c => c!.Types.Destination == DataType.F16 && c.Layout != LayoutFamily.Nhwc
                && c.AutoPad == AutoPad.SameUpper));
        Assert.That(cases.Select(c => c.OutputShape?.ToString() ?? "none").Distinct(), Is.EquivalentTo(new[] { "none", "7" }));
        Assert.That(cases.Select(c => c.HasBias).Distinct(), Is.EquivalentTo(new[] { true, false }));
    }

    [Test]
    public void A_grid_over_included_cases_overrides_their_parameters()
    {
        Write("shapes", "mb8ic4ih5oc4oh9kh3sh2ph1\nmb8ic256ih56oc256oh56kh3ph1\n");
        var path = Write("s", """
            grid small
              include shapes
              mb = 1
              dtype = f32, f16
              where macs <= 1e6
            end
            """);
        var loaded = SuiteFile.Load(path);
        Assert.That(loaded.Cases.Select(c => (c.Case.Batch, c.Case.InChannels, c.Case.Types.Destination)),
            Is.EqualTo(new[] { (1, 4, DataType.F32), (1, 4, DataType.F16) }));
        Assert.That(loaded.Cases[0].Source, Is.EqualTo("s:1 grid small (shapes:1)"));
        Assert.That(loaded.Expansions.Single().Excluded, Is.EqualTo(2));
    }

    /// <summary>A grid over included cases changes exactly the parameters it lists, whatever the case.</summary>
    [FsCheck.NUnit.Property(MaxTest = 100)]
    public FsCheck.Property A_grid_over_an_included_case_overrides_only_what_it_lists() =>
        FsCheck.Fluent.Prop.ForAll(CaseGen.Arbitrary(), c =>
        {
            Write("one", c.Id + "\n");
            var path = Write("s",
                $"grid same\n  include one\nend\ngrid blocked\n  include one\n  layout = b_fs_yx_fsv16\n  seed = {c.Seed + 1}\nend\n");
            var cases = SuiteFile.Load(path).Cases.Select(x => x.Case).ToList();
            return cases.Count == 2 && cases[0] == c && cases[1] == c with { Layout = LayoutFamily.Blocked16, Seed = c.Seed + 1 };
        });

    [Test]
    public void Includes_are_relative_to_the_including_file_and_may_filter_and_glob()
    {
        Write("sub/a_1", "ic1_oc1_in3_k3\nic8_oc8_in9_k3\n");
        Write("sub/a_2", "ic2_oc2_in3_k3\n");
        Write("sub/inner", "include a_1 where ic < 4\n");
        var path = Write("s", "include sub/inner\ninclude sub/a_* where ic == 2\n");
        var loaded = SuiteFile.Load(path);
        Assert.That(loaded.Cases.Select(c => c.Case.InChannels), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(loaded.Cases.Select(c => c.Source), Is.EqualTo(new[] { "a_1:1", "a_2:1" }));
        Assert.That(loaded.Expansions.Select(e => e.What), Is.EqualTo(new[] { "include a_1", "include sub/a_*" }));
    }

    [Test]
    public void Benchdnn_batch_files_are_included_with_their_skipped_lines()
    {
        Write("shapes", "mb2ic4ih5oc4oh9kh3sh2ph1\n");
        Write("batch", "--reset\n--dir=FWD_B,BWD_D\n--batch=shapes\n");
        var loaded = SuiteFile.Load(Write("s", "include batch\n"));
        Assert.That(loaded.Cases, Has.Count.EqualTo(1));
        Assert.That(loaded.Skipped, Has.Count.EqualTo(1));
    }

    [Test]
    public void Sample_keeps_a_stable_share_decided_by_each_case_alone()
    {
        var path = Write("s",
            "grid many\n  ic = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10\n  oc = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10\n  in = 3, 4, 5, 6\n  k = 3\n"
            + "  sample 25%\nend\n");
        var kept = SuiteFile.Load(path).Cases.Select(c => c.Case).ToList();
        Assert.That(kept.Count, Is.InRange(60, 140), "about a quarter of 400");
        Assert.That(kept, Has.All.Matches<DeconvCase>(c => CaseSelection.InSample(c!.Id, 25)));
        Assert.That(kept, Has.All.Matches<DeconvCase>(c => CaseSelection.InSample(c!.Id, 50)),
            "a larger share keeps every case a smaller one keeps");
    }

    [Test]
    public void The_same_case_twice_is_kept_once_and_counted()
    {
        var loaded = SuiteFile.Load(Write("s", "ic1_oc1_in3_k3\nmb1_ic1_oc1_in3_k3_s1\n"));
        Assert.That(loaded.Cases, Has.Count.EqualTo(1));
        Assert.That(loaded.Duplicates, Is.EqualTo(1));
    }

    private static IEnumerable<TestCaseData> Errors()
    {
        TestCaseData Error(string text, string expected) => new TestCaseData(text, expected).SetName($"Error: {expected}");
        yield return Error("ic1_oc1_in3_k3\nic1_oc1_in3_q3\n", "s:2: case: not a case id (case id token 'q3' is not understood");
        yield return Error("ic1_oc1_in3_k3_op1\n",
            "s:1: output_padding[0]: invalid case: output_padding[0]=1: must be < max(stride, dilation) = 1");
        yield return Error("grid g\n  ic = 1\n  oc = 1\n  in = 3\n  kk = 3\nend\n", "s:5: kk: not a grid parameter");
        yield return Error("grid g\n  ic = 1\n  oc = 1\n  in = 3\n  k = 3y3\nend\n",
            "s:5: k: '3y3' is not a size per axis like 3 or 3x3 or 3x3x3");
        yield return Error("grid g\n  ic = 1, , 2\nend\n", "s:2: ic: an empty value");
        yield return Error("grid g\n  ic = 1\n  ic = 2\nend\n", "s:3: ic: given twice in grid g");
        yield return Error("grid g\n  dtype = f64\nend\n", "s:2: dtype: 'f64' is not one of f32, f16, bf16, u8s8u8,");
        yield return Error("grid g\n  ic = 1\n  oc = 1\n  in = 3\nend\n",
            "s:1: grid g: needs values for ic, oc, in, k or an include to take cases from; missing: k");
        yield return Error("grid g\n  ic = 1\n", "s:1: grid: grid g has no 'end'");
        yield return Error("grid g\n  ic = 1\ngrid h\nend\n", "s:3: grid: grid g (line 1) has no 'end' before this grid");
        yield return Error("grid g\n  ic3_oc4_in5_k3\nend\n", "s:2: grid g: 'ic3_oc4_in5_k3' is not 'PARAM = v1, v2, ...'");
        yield return Error("grid bad name\nend\n", "s:1: grid: 'bad name' is not a grid name");
        yield return Error("where ic > 1\n", "s:1: where: 'where' belongs inside a grid");
        yield return Error("end\n", "s:1: end: 'end' belongs inside a grid");
        yield return Error("grid g\n  ic = 1\n  oc = 1\n  in = 3\n  k = 3\n  where icc > 1\nend\n", "s:6: where: unknown name 'icc'");
        yield return Error("grid g\n  ic = 1\n  oc = 1\n  in = 3\n  k = 3\n  where ic >\nend\n",
            "s:6: where: the expression ends too early");
        yield return Error("grid g\n  ic = 1\n  oc = 1\n  in = 3\n  k = 3\n  sample 0%\nend\n",
            "s:6: sample: '0%' is not a percentage in (0, 100]");
        yield return Error("grid g\n  ic = 1\n  oc = 1\n  in = 3x3x3\n  k = 3\n  where k == 3x3\nend\n",
            "s:6: where: a list of 3 values meets one of 2");
        yield return Error("include missing\n", "s:1: include: no such suite file or folder");
        yield return Error("include missing_*\n", "s:1: include: no file matches");
        yield return Error("include s\n", "s:1: include: s includes itself: s -> s");
        yield return Error("include\n", "s:1: include: expected 'include PATH [where EXPR] [sample P%]'");
    }

    [TestCaseSource(nameof(Errors))]
    public void Errors_name_the_file_line_and_field(string text, string expected)
    {
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(_dir);
        try
        {
            Assert.That(LoadFails("s", text).Message, Does.StartWith(expected));
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Test]
    public void An_error_in_an_included_file_names_that_file()
    {
        Write("sub/inner", "ic1_oc1_in3_k3\ngrid g\n");
        var e = LoadFails("s", "include sub/inner\n");
        Assert.That(e.File, Does.EndWith(Path.Combine("sub", "inner")));
        Assert.That(e.Line, Is.EqualTo(2));
        Assert.That(e.Field, Is.EqualTo("grid"));
    }
}
