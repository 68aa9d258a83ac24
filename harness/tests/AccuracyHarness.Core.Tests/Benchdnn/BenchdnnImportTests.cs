using AccuracyHarness.Core.Benchdnn;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Core.Tests.Benchdnn;

public class BenchdnnImportTests
{
    private static string Corpus => Path.Combine(ProjectPaths.Cases, "benchdnn");

    private static IEnumerable<string> ShapeFiles() =>
        Directory.GetFiles(Path.Combine(ProjectPaths.FindRoot(), "cases", "benchdnn"), "shapes_*").Select(Path.GetFileName)!;

    [TestCaseSource(nameof(ShapeFiles))]
    public void Every_active_line_of_a_shape_file_imports(string file)
    {
        var path = Path.Combine(Corpus, file);
        var active = File.ReadAllLines(path).Select(l => l.Split('#')[0].Trim()).Count(l => l.Length > 0);
        var result = BenchdnnImport.ImportFile(path);
        Assert.That(result.Rejected, Is.Empty, string.Join("\n", result.Rejected.Select(r => $"{r.Source}: {r.Reason}")));
        Assert.That(result.Cases, Has.Count.EqualTo(active));
        Assert.That(result.Cases.Select(c => c.Case.Resolve()), Has.All.Not.Null);
    }

    [Test]
    public void Dilation_is_onnx_dilation_minus_one_and_the_w_axis_copies_h()
    {
        var c = BenchdnnDescriptor.Parse("g2mb256oc96oh27ic256ih23kh5ph2dh1n\"alexnet:dilated_deconv2\"").Case;
        Assert.That(c.Groups, Is.EqualTo(2));
        Assert.That(c.Batch, Is.EqualTo(256));
        Assert.That(c.Input, Is.EqualTo(new Dims(23, 23)));
        Assert.That(c.Kernel, Is.EqualTo(new Dims(5, 5)));
        Assert.That(c.Dilations, Is.EqualTo(new Dims(2, 2)));
        Assert.That(c.PadsBegin, Is.EqualTo(new Dims(2, 2)));
        Assert.That(c.Resolve().Output, Is.EqualTo(new Dims(27, 27)));
    }

    [Test]
    public void Missing_output_is_derived_with_symmetric_pads_and_missing_pad_from_the_output()
    {
        var derivedOutput = BenchdnnDescriptor.Parse("ic4oc4ih5kh3sh2ph1").Case.Resolve();
        Assert.That(derivedOutput.Output, Is.EqualTo(new Dims(9, 9)));
        var derivedPad = BenchdnnDescriptor.Parse("ic4oc4ih5oh9kh3sh2").Case;
        Assert.That(derivedPad.PadsBegin, Is.EqualTo(new Dims(1, 1)));
        Assert.That(derivedPad.PadsEnd, Is.EqualTo(new Dims(1, 1)));
    }

    [Test]
    public void Negative_end_pad_becomes_output_padding()
    {
        // natural = (6-1)*3 + 3 = 18; oh 18 with ph 1 leaves an end pad of -1.
        var c = BenchdnnDescriptor.Parse("mb56_ic2oc3_ih6oh18kh3sh3dh0ph1_iw5ow15kw3sw3dw0pw1_n\"2d_strided_with_bias\"").Case;
        Assert.That(c.OutputPadding, Is.EqualTo(new Dims(1, 1)));
        Assert.That(c.PadsEnd, Is.EqualTo(new Dims(0, 0)));
        Assert.That(c.Resolve().Output, Is.EqualTo(new Dims(18, 15)));
    }

    [Test]
    public void Three_dimensional_descriptors_copy_depth_into_height_and_width()
    {
        var c = BenchdnnDescriptor.Parse("mb28_ic16oc16_id10od10kd3").Case;
        Assert.That(c.Input, Is.EqualTo(new Dims(10, 10, 10)));
        Assert.That(c.Kernel, Is.EqualTo(new Dims(3, 3, 3)));
        Assert.That(c.Resolve().Output, Is.EqualTo(new Dims(10, 10, 10)));
    }

    [Test]
    public void Batch_files_include_shapes_and_report_what_they_cannot_express()
    {
        var result = BenchdnnImport.ImportFile(Path.Combine(Corpus, "test_deconv_ci"));
        Assert.That(result.Cases, Is.Not.Empty);
        Assert.That(result.Cases.Select(c => c.Case.Batch), Is.All.EqualTo(2), "--mb=2 overrides the descriptor's batch");
        Assert.That(result.Cases.Select(c => c.Case.Types.Name).Distinct(), Is.EquivalentTo(new[]
        {
            "f32", "f16", "bf16", "s8s8f32", "s8s8s32", "s8s8s8", "s8s8u8", "u8s8f32", "u8s8s32", "u8s8s8", "u8s8u8",
        }));
        Assert.That(result.Cases, Has.Some.Matches<ImportedCase>(c => c!.Case.PerChannelWeightScales && c.Case.DestinationZeroPoint == 15));
        Assert.That(result.Rejected.Select(r => r.Reason), Has.Some.Contains("direction BWD_D"));
        Assert.That(result.Rejected.Select(r => r.Reason), Has.Some.Contains("data type f64"));
        Assert.That(result.Rejected.Select(r => r.Reason), Has.Some.Contains("post-op linear:2:1: linear has no token"));
        Assert.That(result.IgnoredOptions, Does.Not.Contain("--attr-post-ops"));
    }

    [TestCase("--dt=u8:s8:u8", "u8s8u8")]
    [TestCase("--cfg=u8s8u8", "u8s8u8")]
    [TestCase("--cfg=bf16bf16f32", "bf16bf16f32")]
    [TestCase("--dt=bf16:bf16:bf16", "bf16")]
    [TestCase("--cfg=f32", "f32")]
    [TestCase("--dt=s8:s8:s8", "s8s8s8")]
    public void Data_types_and_configurations_name_the_case_types(string option, string types) =>
        Assert.That(ImportBatch($"{option} mb1ic4oc4ih5kh3\n").Cases.Single().Case.Types.Name, Is.EqualTo(types));

    [TestCase("--attr-post-ops=relu", "relu")]
    [TestCase("--attr-post-ops=eltwise_relu:0.5", "leaky0.5")]
    [TestCase("--attr-post-ops=sum+eltwise_relu", "sum+relu")]
    [TestCase("--attr-post-ops=eltwise_clip:0.0:1.0", "clip0to1")]
    [TestCase("--attr-post-ops=sum:1.5+add:f32:per_oc+relu", "sum1.5+add-pc+relu")]
    [TestCase("--attr-post-ops=binary_add:f32:2", "add-pc")]
    public void Post_ops_become_the_chain_token(string option, string chain) =>
        Assert.That(ImportBatch($"--dt=u8:s8:u8 {option} mb1ic4oc4ih5kh3\n").Cases.Single().Case.PostOps.Text,
            Is.EqualTo(chain));

    [Test]
    public void Zero_points_carry_their_values_and_scales_their_policy_only()
    {
        var c = ImportBatch("--dt=s8:s8:s8 --attr-zero-points=src:common:-3+dst:common:15 " +
            "--attr-scales=src:common:0.25+wei:per_oc+dst:common:2 mb1ic4oc4ih5kh3\n").Cases.Single().Case;
        Assert.That((c.SourceZeroPoint, c.DestinationZeroPoint, c.PerChannelWeightScales), Is.EqualTo((new ZeroPoint(-3, false), 15, true)));
        var perChannel = ImportBatch("--dt=u8:s8:u8 --attr-zero-points=src:per_dim_1 --attr-oscale=per_oc:2* mb1ic4oc4ih5kh3\n")
            .Cases.Single().Case;
        Assert.That((perChannel.SourceZeroPoint.PerChannel, perChannel.PerChannelWeightScales), Is.EqualTo((true, true)));
    }

    [TestCase("--dt=f32 --attr-zero-points=src:common:1", "scales and zero points of a f32 case have no token")]
    [TestCase("--dt=u8:s8:u8 --attr-zero-points=wei:common:1", "zero points wei:common:1: only")]
    [TestCase("--dt=u8:s8:u8 --attr-zero-points=src:common:300", "zps")]
    [TestCase("--dt=u8:s8:u8 --attr-post-ops=sum:0.5:3", "a sum with its own zero point has no token")]
    [TestCase("--dt=u8:s8:u8 --attr-post-ops=relu:0.5:0:0.75", "an eltwise scale other than 1 has no token")]
    [TestCase("--dt=u8:s8:u8 --attr-post-ops=add:f32", "a binary add over the whole tensor has no token")]
    [TestCase("--dt=s8:s8:bf16", "data type s8:s8:bf16 is not one of")]
    public void Attributes_without_a_token_are_counted_skips_with_the_reason(string options, string reason)
    {
        var result = ImportBatch($"{options} mb1ic4oc4ih5kh3\n");
        Assert.That(result.Cases, Is.Empty);
        Assert.That(result.Rejected.Single().Reason, Does.Contain(reason));
    }

    [Test]
    public void Option_lines_keep_forward_directions_only()
    {
        var result = BenchdnnImport.ImportFile(Path.Combine(Corpus, "option_set_fwks_key_gpu"));
        Assert.That(result.Cases, Is.Not.Empty);
        Assert.That(result.Cases.Select(c => c.Case.Types.Name).Distinct(), Is.EquivalentTo(new[] { "f16", "bf16" }));
        Assert.That(result.Rejected.Select(r => r.Reason), Has.All.Contains("direction BWD"));
    }

    [TestCase("ic4oc4", "has no spatial field")]
    [TestCase("oc4ih5kh3", "lacks 'ic'")]
    [TestCase("ic4oc4ih5kh3zz", "cannot read 'zz'")]
    [TestCase("ic3oc4g2ih5kh3", "divisible by group=2")]
    public void Bad_descriptors_say_why(string descriptor, string reason) =>
        Assert.That(() => BenchdnnDescriptor.Parse(descriptor), Throws.InstanceOf<FormatException>().With.Message.Contains(reason));

    /// <summary>Imports <paramref name="text"/> as a batch file in a fresh folder beside shapes_tiny and a .not-copied list.</summary>
    private static ImportResult ImportBatch(string text)
    {
        var folder = Directory.CreateTempSubdirectory("benchdnn-").FullName;
        File.WriteAllText(Path.Combine(folder, "shapes_tiny"), "mb1ic4oc4ih5kh3\n");
        File.WriteAllText(Path.Combine(folder, BenchdnnImport.NotCopiedFile), "# upstream only\nset_all\n");
        File.WriteAllText(Path.Combine(folder, "batch"), text);
        try
        {
            return BenchdnnImport.ImportFile(Path.Combine(folder, "batch"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestCase("--reset\n--mZ=1\n--batch=shapes_tiny\n", "batch:2: --mZ: not a benchdnn deconvolution option (known: --reset")]
    [TestCase("--reset\n--batch=shapeZ\n", "batch:2: --batch: no file 'shapeZ' beside batch (there: batch, shapes_tiny;")]
    [TestCase("--dir=FWD_X mb1ic4oc4ih5kh3\n", "batch:1: --dir: 'FWD_X' is not a comma-separated list of FWD_B, FWD_D, FWD_I, BWD_D")]
    [TestCase("--dt=f17 mb1ic4oc4ih5kh3\n", "batch:1: --dt: 'f17' is not a comma-separated list of data types")]
    [TestCase("--dt=f32:f32:f32:f32 mb1ic4oc4ih5kh3\n", "batch:1: --dt: 'f32:f32:f32:f32' is not")]
    [TestCase("--mb=two mb1ic4oc4ih5kh3\n", "batch:1: --mb: 'two' is not a batch size")]
    [TestCase("--alg=fast mb1ic4oc4ih5kh3\n", "batch:1: --alg: 'fast' is not a comma-separated list of direct, wino, auto")]
    [TestCase("--stag=a-b mb1ic4oc4ih5kh3\n", "batch:1: --stag: 'a-b' is not a comma-separated list of memory tags")]
    [TestCase("--allow-enum-tags-only=maybe\n", "batch:1: --allow-enum-tags-only: 'maybe' is not true or false")]
    [TestCase("--reset=1\n", "batch:1: --reset: '1' is not no value")]
    [TestCase("--dir mb1ic4oc4ih5kh3\n", "batch:1: --dir: '' is not")]
    [TestCase("--match=( mb1ic4oc4ih5kh3\n", "batch:1: --match: '(' is not a regular expression")]
    [TestCase("--dir=BWD_D mb1ic4oc4ih5kh3zz\n", "batch:1: descriptor: benchdnn descriptor 'mb1ic4oc4ih5kh3zz': cannot read 'zz'")]
    [TestCase("mb1ic99999999999oc4ih5kh3\n", "'ic99999999999' is too large")]
    [TestCase("--dir=FWD_B\nrelu:0.5\n", "batch:2: 'relu:0.5': neither a benchdnn option (--NAME=VALUE) nor a deconvolution descriptor")]
    public void What_benchdnn_itself_refuses_is_an_error_naming_the_line(string text, string message) =>
        Assert.That(() => ImportBatch(text), Throws.TypeOf<FormatException>().With.Message.Contains(message));

    [Test]
    public void A_known_option_with_a_value_the_harness_does_not_run_is_a_counted_skip()
    {
        var result = ImportBatch("--dir=FWD_B,BWD_D --dt=f32,u8:s8:u8,f64 --attr-post-ops=relu,linear:2:1 --stag=axb mb1ic4oc4ih5kh3\n");
        Assert.That(result.Cases, Has.Count.EqualTo(2));
        Assert.That(result.Rejected.Select(r => r.Reason), Is.EquivalentTo(new[]
        {
            $"data type f64 is not one of {CaseTypes.Choices}",
            $"data type f64 is not one of {CaseTypes.Choices}",
            "post-op linear:2:1: linear has no token (relu, leaky, clip, sum and add-pc do)",
            "post-op linear:2:1: linear has no token (relu, leaky, clip, sum and add-pc do)",
            "direction BWD_D is not a forward deconvolution",
        }));
        Assert.That(result.IgnoredOptions, Is.EqualTo(new[] { "--stag" }));
    }

    [Test]
    public void A_batch_file_the_corpus_lists_as_not_copied_is_a_counted_skip()
    {
        var result = ImportBatch("--batch=set_all\n--batch=shapes_tiny\n");
        Assert.That(result.Cases, Has.Count.EqualTo(1));
        Assert.That(result.Rejected.Single().Reason, Is.EqualTo("batch file 'set_all' is not in this corpus"));
    }

    [Test]
    public void A_value_continued_after_a_backslash_joins_the_next_line_without_its_indentation()
    {
        var result = ImportBatch("--attr-post-ops=, \\\n        sum:0.5, \\\n        relu\n--mb=0 mb3ic4oc4ih5kh3\n");
        Assert.That(result.Cases.Select(c => c.Case.Batch), Is.All.EqualTo(3), "--mb=0 keeps the descriptor's batch");
        Assert.That(result.Cases.Select(c => c.Case.PostOps.Text), Is.EqualTo(new[] { null, "sum0.5", "relu" }));
    }

    [Test]
    public void Every_file_of_the_corpus_imports_without_an_error()
    {
        foreach (var file in Directory.GetFiles(Corpus).Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".md")))
            Assert.That(() => BenchdnnImport.ImportFile(file), Throws.Nothing, file);
    }
}
