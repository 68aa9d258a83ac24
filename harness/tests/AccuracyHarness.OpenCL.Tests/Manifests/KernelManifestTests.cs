using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Manifests;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Manifests;

public class KernelManifestTests
{
    private static string ExampleManifest => Path.Combine(Paths.Repository, "cases", "kernels", "example-deconv", "manifest.json");

    [Test]
    public void The_example_manifest_loads()
    {
        var manifest = KernelManifest.Load(ExampleManifest);
        Assert.That(manifest.Name, Is.EqualTo("example-deconv"));
        Assert.That(manifest.Role, Is.EqualTo(KernelRole.Deconv));
        Assert.That(manifest.Layouts, Is.EquivalentTo(Enum.GetValues<LayoutFamily>()));
        Assert.That(manifest.DataTypes, Is.EquivalentTo(new[] { CaseTypes.F32, CaseTypes.F16 }));
    }

    [TestCaseSource(typeof(NodeCases), nameof(NodeCases.All))]
    public void The_example_kernel_agrees_with_the_reference_through_the_catalogue(string id)
    {
        TestDevices.Require("pocl");
        var catalogue = BackendCatalogue.Of([new OpenClFamily([KernelManifest.Load(ExampleManifest)])]);
        var backend = catalogue.Create("ext:example-deconv", new BackendSettings()).Single();
        foreach (var suffix in new[] { "_bias_f32_nchw", "_f16_blocked16", "_bias_nhwc_exact" })
        {
            var run = CaseRun.Of(backend, NodeCases.Case(id, suffix));
            Assert.That(run.IsClean, run.Describe());
        }
    }

    [Test]
    public void A_broken_kernel_fails_the_case_with_its_build_log_and_the_run_goes_on()
    {
        var manifest = KernelManifest.Load(Paths.WriteManifest("broken", "deconv",
            "__kernel void broken(__global const DATA_T* input) { this is not C }", "broken"));
        var c = CaseId.Parse("ic1_oc2_in3x3_k3x3");
        var failed = CaseRun.Of(new ExternalDeconvBackend(manifest, TestDevices.Pocl, OpenClOptions.Default), c);
        Assert.That(failed.Output, Is.TypeOf<BackendOutput.Failed>());
        var message = ((BackendOutput.Failed)failed.Output).Message;
        Assert.That(message, Does.Contain("ext:broken").And.Contain("CL_BUILD_PROGRAM_FAILURE").And.Contain("build log")
            .And.Contain("error").And.Contain("begins at line"));

        Assert.That(CaseRun.Of(new OpenClDirectBackend(TestDevices.Pocl, OpenClOptions.Default), c).IsClean);
    }

    [Test]
    public void A_stage_kernel_replaces_its_stage_of_opencl_replaced()
    {
        var source = File.ReadAllText(Path.Combine(Paths.Repository, "harness", "src", "AccuracyHarness.OpenCL", "Kernels", "conv.cl"))
            .Replace("__kernel void conv(", "__kernel void user_conv(");
        var manifest = KernelManifest.Load(Paths.WriteManifest("user-conv", "conv", source, "user_conv", layouts: "\"nchw\""));
        var backend = new OpenClReplacedBackend(TestDevices.Pocl, OpenClOptions.Default, [manifest]);

        var run = CaseRun.Of(backend, CaseId.Parse("ic2_oc2_in4x4_k3x3_d2x1_bias"));
        Assert.That(run.IsClean, run.Describe());
        Assert.That(run.Produced.Note, Does.Contain("conv stage from kernel 'user-conv'"));

        var unsupported = CaseRun.Of(backend, CaseId.Parse("ic2_oc2_in4x4_k3x3_nhwc"));
        Assert.That(unsupported.Output, Is.TypeOf<BackendOutput.NotApplicable>());
        Assert.That(((BackendOutput.NotApplicable)unsupported.Output).Reason, Does.Contain("user-conv").And.Contain("byxf"));
    }

    [TestCase("""{ "role": "deconv", "source": "k.cl", "entry": "k", "layouts": ["nchw"], "dtypes": ["f32"] }""", "name", "required")]
    [TestCase("""{ "name": "x", "role": "scatter", "source": "k.cl", "entry": "k", "layouts": ["nchw"], "dtypes": ["f32"] }""", "role",
        "deconv, weights_reorder, conv")]
    [TestCase("""{ "name": "x", "role": "deconv", "source": "k.cl", "entry": "k", "layouts": ["nchw", "yxbf"], "dtypes": ["f32"] }""",
        "layouts", "yxbf")]
    [TestCase("""{ "name": "x", "role": "deconv", "source": "k.cl", "entry": "k", "layouts": ["nchw"], "dtypes": ["u8u8u8"] }""", "dtypes",
        "u8s8u8, u8s8s8")]
    [TestCase("""{ "name": "x", "role": "deconv", "source": "k.cl", "entry": "k", "layouts": ["nchw"], "dtypes": ["f32"], "post_ops":1 }""",
        "post_ops", "true or false")]
    [TestCase("""{ "name": "x", "role": "deconv", "source": "k.cl", "entry": "k", "layouts": [], "dtypes": ["f32"] }""", "layouts",
        "non-empty")]
    [TestCase("""{ "name": "x", "role": "deconv", "source": "missing.cl", "entry": "k", "layouts": ["nchw"], "dtypes": ["f32"] }""",
        "source", "missing.cl")]
    [TestCase("""{ "name": "x", "role": "deconv", "source": "k.cl", "entry": "k-1", "layouts": ["nchw"], "dtypes": ["f32"] }""", "entry",
        "identifier")]
    [TestCase("""{ "name": "x", "role": "deconv", "source": "k.cl", "entry": "k", "layouts": ["nchw"], "dtypes": ["f32"],"""
        + """ "build_option": "-O2" }""", "build_option", "unknown field")]
    [TestCase("""{ "name": "x y", "role": "deconv", "source": "k.cl", "entry": "k", "layouts": ["nchw"], "dtypes": ["f32"] }""", "name",
        "letters")]
    public void A_bad_manifest_names_the_field(string json, string field, string hint)
    {
        var folder = Path.GetDirectoryName(Paths.WriteManifest("bad", "deconv", "", "k"))!;
        File.WriteAllText(Path.Combine(folder, "k.cl"), "");
        var e = Assert.Throws<ManifestException>(() => KernelManifest.Parse(json, Path.Combine(folder, "manifest.json")))!;
        Assert.That(e.Field, Is.EqualTo(field));
        Assert.That(e.Message, Does.Contain($"'{field}'").And.Contain(hint));
    }
}
