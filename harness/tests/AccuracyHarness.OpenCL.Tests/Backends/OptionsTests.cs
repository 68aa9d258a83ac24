using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Rewrite;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Dialects.OpenVino;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Backends;

public class OptionsTests
{
    private static BackendSettings With(params (string Key, string Value)[] options) =>
        new() { Options = options.ToDictionary(o => o.Key, o => o.Value) };

    [Test]
    public void Defaults_are_the_corrected_rule_without_zero_insertion_or_constants()
    {
        var options = OpenClOptions.From(new BackendSettings());
        Assert.That(options.Rule.Name, Is.EqualTo("corrected"));
        Assert.That(options.ZeroInsertion, Is.False);
        Assert.That(options.JitConstants, Is.False);
    }

    [Test]
    public void Options_are_read_by_name()
    {
        var options = OpenClOptions.From(With(("rule", "openvino-2024"), ("zero-insertion", "true"), ("jit-constants", "true"),
            ("other-backend", "x")));
        Assert.That(options.Rule.Name, Is.EqualTo("openvino-2024"));
        Assert.That(options.ZeroInsertion, Is.True);
        Assert.That(options.JitConstants, Is.True);
    }

    [Test]
    public void A_bad_rule_names_the_option_and_the_rules()
    {
        var e = Assert.Throws<ArgumentException>(() => OpenClOptions.From(With(("rule", "bogus"))))!;
        Assert.That(e.Message, Does.Contain("'rule'").And.Contain("bogus").And.Contain("corrected").And.Contain("openvino-2024"));
    }

    [Test]
    public void Rules_are_named_in_any_case()
    {
        Assert.That(OpenClOptions.From(With(("rule", " OpenVINO-2024"))).Rule, Is.SameAs(ReplacementRules.OpenVino2024));
    }

    [TestCase("yes")]
    [TestCase("1")]
    [TestCase("on")]
    public void Flags_take_one_syntax_for_every_family(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => OpenClOptions.From(With(("zero-insertion", text))))!;
        Assert.That(e.Message, Does.Contain("zero-insertion").And.Contain("true or false"));
    }

    [Test]
    public void The_repro_flags_give_the_same_options_again()
    {
        var options = OpenClOptions.From(With(("rule", "openvino-2024"), ("zero-insertion", "true"), ("jit-constants", "true")));
        Assert.That(options.ReproArguments, Is.EqualTo("--rule openvino-2024 --zero-insertion --jit-constants"));
        Assert.That(OpenClOptions.Default.ReproArguments, Is.Empty);
    }

    [Test]
    public void The_openvino_pad_conversion_is_unsigned_unless_chosen_and_a_bad_one_names_the_choices()
    {
        Assert.That(OpenClOptions.Default.Pads, Is.SameAs(OpenVinoPads.Unsigned));
        var clamp = OpenClOptions.From(With(("openvino-pads", "clamp")));
        Assert.That(clamp.Pads, Is.SameAs(OpenVinoPads.Clamp));
        Assert.That(clamp.ReproArguments, Is.EqualTo("--openvino-pads clamp"));
        var e = Assert.Throws<ArgumentException>(() => OpenClOptions.From(With(("openvino-pads", "wrap"))))!;
        Assert.That(e.Message, Does.Contain("openvino-pads").And.Contain("unsigned, clamp, signed"));
    }

    [TestCase("unsigned", -2, 4294967294L)]
    [TestCase("clamp", -2, 0L)]
    [TestCase("signed", -2, -2L)]
    [TestCase("unsigned", 3, 3L)]
    [TestCase("clamp", 3, 3L)]
    public void A_pad_converts_as_openvino_did(string name, long pad, long passed) =>
        Assert.That(OpenVinoPads.All.Single(p => p.Name == name).Convert(pad), Is.EqualTo(passed));

    [Test]
    public void A_bad_flag_names_the_option()
    {
        var e = Assert.Throws<ArgumentException>(() => OpenClOptions.From(With(("jit-constants", "maybe"))))!;
        Assert.That(e.Message, Does.Contain("jit-constants").And.Contain("true or false"));
    }

    [Test]
    public void Registration_adds_the_backends_one_per_device_asked_for()
    {
        TestDevices.Require(OpenClDevices.Oclgrind);
        var catalogue = BackendCatalogue.Of([new OpenClFamily([])]);
        Assert.That(catalogue.Entries.Select(e => e.Name), Is.EquivalentTo(new[] { "opencl-direct", "opencl-replaced" }));
        Assert.That(catalogue.Create("opencl-direct", new BackendSettings()).Select(b => b.Device), Is.EqualTo(new[] { "pocl" }));
        var both = catalogue.Create("opencl-replaced", new BackendSettings { Devices = ["pocl", "oclgrind"] });
        Assert.That(both.Select(b => (b.Name, b.Device)),
            Is.EqualTo(new[] { ("opencl-replaced", "pocl"), ("opencl-replaced", "oclgrind") }));
    }

    [Test]
    public void An_unknown_device_is_a_usage_error_naming_the_devices_there_are()
    {
        TestDevices.Require(OpenClDevices.Pocl);
        var catalogue = BackendCatalogue.Of([new OpenClFamily([])]);
        var e = Assert.Throws<ArgumentException>(() => catalogue.Create("opencl-direct", new BackendSettings { Devices = ["gpu0"] }))!;
        Assert.That(e.Message, Does.Contain("gpu0").And.Contain("pocl"));
    }
}
