using AccuracyHarness.Core.Cases;
using AccuracyHarness.OpenCL.Manifests;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Manifests;

public class ManifestV2Tests
{
    private const string Head =
        """ "name": "x", "role": "deconv", "source": "k.cl", "entry": "k", "layouts": ["nchw"], "dtypes": ["f32"] """;

    private static readonly Problem Case = CaseId.Parse("mb2_ic4_oc6_g2_in5x6_k3x3_s2x2_pb1x0_pe1x0_bias").Resolve();

    private static KernelManifest Parse(string fields)
    {
        var manifest = Paths.WriteManifestText("v2", "{" + Head + (fields.Length > 0 ? ", " + fields : "") + "}", "");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(manifest)!, "k.cl"), "");
        Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(manifest)!, "inc"));
        return KernelManifest.Load(manifest);
    }

    [Test]
    public void A_manifest_without_version_2_fields_keeps_the_original_contract() =>
        Assert.That(Parse("").Launch, Is.EqualTo(KernelLaunch.Contract));

    [TestCase("example-deconv")]
    [TestCase("tiled-deconv")]
    [TestCase("openvino-deconv")]
    public void The_example_manifests_load(string name) =>
        Assert.That(KernelManifest.Load(Path.Combine(Paths.Repository, "cases", "kernels", name, "manifest.json")).Name, Is.EqualTo(name));

    [Test]
    public void Every_field_is_read()
    {
        var launch = Parse("""
            "dialect": "harness",
            "args": ["output", "input", "weights", "bias?", { "int": "OW" }, { "float": 0.5 }, "params"],
            "global": ["align(OW, 8)", "OH*OD", "OC*N"], "local": [8, 1, 1],
            "defines": { "TILE": 4, "TAPS": "KD*KH*KW", "SMALL": "OC*N <= 16" },
            "weights": "goiyx", "include_dirs": ["inc"], "requires": ["cl_khr_fp16"], "padding_lanes": "untouched"
            """).Launch;
        Assert.That(launch.Args!.Select(a => a.Kind), Is.EqualTo(new[]
        {
            KernelArgumentKind.Output, KernelArgumentKind.Input, KernelArgumentKind.Weights, KernelArgumentKind.BiasIfPresent,
            KernelArgumentKind.Int, KernelArgumentKind.Float, KernelArgumentKind.Params,
        }));
        Assert.That(launch.Args![4].Value!.Evaluate(Case), Is.EqualTo(Case.Output[1]));
        Assert.That(launch.Global!.Select(e => e.Evaluate(Case)), Is.EqualTo(new[] { 16.0, 9, 12 }));
        Assert.That(launch.Local!.Select(e => e.Evaluate(Case)), Is.EqualTo(new[] { 8.0, 1, 1 }));
        Assert.That(launch.Defines.Select(d => (d.Key, d.Value.Evaluate(Case))),
            Is.EqualTo(new[] { ("TILE", 4.0), ("TAPS", 9.0), ("SMALL", 1.0) }));
        Assert.That(launch.Weights, Is.EqualTo(WeightsOrder.Goiyx));
        Assert.That(launch.IncludeDirectories.Single(), Does.EndWith("/inc"));
        Assert.That(launch.Requires, Is.EqualTo(new[] { "cl_khr_fp16" }));
        Assert.That(launch.PaddingLanes, Is.EqualTo(PaddingLanes.Untouched));
    }

    [Test]
    public void Include_folders_become_build_options_and_a_null_local_is_the_drivers_choice()
    {
        var manifest = Parse(""" "build_options": "-cl-std=CL1.2", "include_dirs": ["inc"], "global": ["OW"], "local": null """);
        Assert.That(manifest.Source.BuildOptions, Does.StartWith("-cl-std=CL1.2 -I /").And.EndWith("/inc"));
        Assert.That(manifest.Launch.LocalGiven, Is.True);
        Assert.That(manifest.Launch.Local, Is.Null);
    }

    [Test]
    public void The_openvino_dialect_reads_unflipped_oiyx_weights_by_default() =>
        Assert.That(Parse(""" "dialect": "openvino" """).Launch.EffectiveWeights, Is.EqualTo(WeightsOrder.Oiyx));

    [TestCase(""" "dialect": "cuda" """, "dialect", "harness or openvino")]
    [TestCase(""" "args": [] """, "args", "non-empty array")]
    [TestCase(""" "args": ["input", "output", "filter"] """, "args[2]", "'filter' must be one of input, output, weights")]
    [TestCase(""" "args": ["input", "output", "weights", "input"] """, "args[3]", "appears twice")]
    [TestCase(""" "args": ["input", "output", "weights", "bias", "bias?"] """, "args[4]", "appears twice")]
    [TestCase(""" "args": ["input", "weights"] """, "args", "has no 'output'")]
    [TestCase(""" "args": ["input", "output", "weights", { "long": 1 }] """, "args[3]", "{ \"int\": EXPR }")]
    [TestCase(""" "args": ["input", "output", "weights", { "int": "OWW" }] """, "args[3].int", "unknown name 'OWW'")]
    [TestCase(""" "global": [] """, "global", "1 to 3 sizes")]
    [TestCase(""" "global": [1, 2, 3, 4] """, "global", "1 to 3 sizes")]
    [TestCase(""" "global": ["align(OW)"] """, "global[0]", "align takes two numbers")]
    [TestCase(""" "global": ["OW", "OH"], "local": [8] """, "local", "1 sizes for a 2-dimensional global range")]
    [TestCase(""" "local": [8, 1] """, "local", "2 sizes for a 1-dimensional global range")]
    [TestCase(""" "dialect": "openvino", "local": [8] """, "local", "3-dimensional")]
    [TestCase(""" "defines": ["TILE"] """, "defines", "must be an object")]
    [TestCase(""" "defines": { "2TILE": 1 } """, "defines.2TILE", "not a macro name")]
    [TestCase(""" "defines": { "TILE": "OW +" } """, "defines.TILE", "ends too early")]
    [TestCase(""" "weights": "oihw" """, "weights", "ioyx, oiyx, goiyx, oiyx-flipped, os_is_yx_isv16_osv16")]
    [TestCase(""" "dialect": "openvino", "weights": "ioyx" """, "weights", "openvino dialect")]
    [TestCase(""" "include_dirs": ["missing"] """, "include_dirs", "not a folder")]
    [TestCase(""" "include_dirs": "inc" """, "include_dirs", "array of strings")]
    [TestCase(""" "requires": ["cl khr"] """, "requires", "extension name")]
    [TestCase(""" "padding_lanes": "zeroed" """, "padding_lanes", "written or untouched")]
    public void A_bad_version_2_field_is_named(string fields, string field, string hint)
    {
        var e = Assert.Throws<ManifestException>(() => Parse(fields))!;
        Assert.That(e.Field, Is.EqualTo(field));
        Assert.That(e.Message, Does.Contain(hint));
    }

    [TestCase("conv", "\"global\": [\"OW\"]", "global", "role deconv only")]
    [TestCase("weights_reorder", "\"args\": [\"input\", \"output\", \"weights\"]", "args", "role deconv only")]
    [TestCase("conv", "\"dialect\": \"openvino\", \"weights\": \"oiyx\"", "weights", "role deconv only")]
    [TestCase("conv", "\"dialect\": \"harness\", \"local\": [8]", "local", "openvino-dialect conv")]
    public void Launch_fields_belong_to_deconv_kernels(string role, string field, string name, string hint)
    {
        var manifest = Paths.WriteManifestText("stage", $$"""
            { "name": "s", "role": "{{role}}", "source": "kernel.cl", "entry": "k", "layouts": ["nchw"], "dtypes": ["f32"], {{field}} }
            """, "");
        var e = Assert.Throws<ManifestException>(() => KernelManifest.Load(manifest))!;
        Assert.That(e.Field, Is.EqualTo(name));
        Assert.That(e.Message, Does.Contain(hint));
    }

    [Test]
    public void An_openvino_dialect_conv_stage_may_set_its_range()
    {
        var manifest = Paths.WriteManifestText("stage", """
            { "name": "s", "role": "conv", "source": "kernel.cl", "entry": "k", "layouts": ["nchw"], "dtypes": ["f32"],
              "dialect": "openvino", "global": ["OW", "OH", "OC*N"], "local": null, "requires": ["cl_khr_fp16"] }
            """, "");
        var launch = KernelManifest.Load(manifest).Launch;
        Assert.That((launch.Dialect, launch.Global!.Count, launch.LocalGiven, launch.Local is null, launch.Requires.Single()),
            Is.EqualTo((KernelDialect.OpenVino, 3, true, true, "cl_khr_fp16")));
    }

    [Test]
    public void A_weights_reorder_kernel_may_be_in_the_openvino_dialect() =>
        Assert.That(KernelManifest.Load(Path.Combine(ShippedKernels.Folder("openvino-deconv"), "reorder.json")).Launch.Dialect,
            Is.EqualTo(KernelDialect.OpenVino));
}
