using System.Collections.Immutable;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Onnx;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.OnnxRuntime.Tests;

public class BackendTests
{
    private static readonly OnnxRuntimeBackend Constant = new(WeightsSource.Initializer, new OnnxRuntimeOptions());
    private static readonly OnnxRuntimeBackend Dynamic = new(WeightsSource.GraphInput, new OnnxRuntimeOptions());

    public static IEnumerable<OnnxRuntimeBackend> Backends() => [Constant, Dynamic];

    [SetUp]
    public void Library() => Ort.Require();

    /// <summary>Shapes in the style of benchdnn's deconvolution sets (decoder upsampling, 1x1, dilated, grouped, 3-D), small enough for
    /// seconds.</summary>
    [TestCase("mb2_ic32_oc16_in8x8_k4x4_s2x2_pb1x1_pe1x1_bias")]
    [TestCase("mb1_ic64_oc32_in14x14_k3x3_s1x1_pb1x1_pe1x1")]
    [TestCase("mb1_ic16_oc16_in7x7_k1x1_s1x1_bias")]
    [TestCase("mb1_ic32_oc32_g32_in16x16_k4x4_s2x2_pb1x1_pe1x1")]
    [TestCase("mb1_ic24_oc12_g3_in9x9_k3x3_s2x2_d2x2_pb2x2_pe2x2_op1x1_bias")]
    [TestCase("mb1_ic8_oc4_in4x6x6_k3x3x3_s2x2x2_pb1x1x1_pe1x1x1_op1x1x1_bias")]
    [TestCase("mb3_ic5_oc7_in31_k5_s3_d2_pb4_pe1_op2_bias")]
    [TestCase("mb1_ic4_oc4_in5x5_k3x3_s2x2_os10x10_ap-same-lower")]
    [TestCase("mb1_ic4_oc6_g2_in5x4_k3x2_s2x1_ap-valid_bias", Description = "VALID")]
    [TestCase("mb1_ic2_oc2_in5x5_k3x3_s1x1_d2x2_pb4x4_pe4x4", Description = "pads equal to (k-1)*d")]
    public void BothBackendsMatchTheReference(string id)
    {
        var problem = CaseId.Parse(id).Resolve();
        var inputs = Fill.For(problem);
        foreach (var backend in Backends())
        {
            var output = backend.Run(problem, inputs, default);
            Assert.That(output, Is.TypeOf<BackendOutput.Produced>(), () => $"{backend.Name}: {output}");
            var produced = (BackendOutput.Produced)output;
            Assert.That((produced.Note, produced.KnownIssues), Is.EqualTo(((string?)null, ImmutableArray<KnownIssue>.Empty)));
            var metrics = Ort.Compare(problem, inputs, produced.Output);
            Assert.That(metrics.Passed, () => $"{backend.Name} {id}: {Ort.Describe(metrics)}");
        }
    }

    /// <summary>
    /// Over generated f32 cases: outputs match the reference within the bound; a case ONNX Runtime
    /// reads differently by design carries the known-ambiguity note and matches the reference
    /// under ONNX Runtime's rule instead; one it gets wrong carries the known-defect note.
    /// </summary>
    [FsCheck.NUnit.Property(MaxTest = 150)]
    public Property BothBackendsAgreeWithTheReferenceOnGeneratedCases() => Prop.ForAll(CaseGen.Arbitrary(Space), AgreeWithTheReference);

    /// <summary>
    /// The same law over cases that ONNX Runtime reads differently by design, which the generator above never draws
    /// (its output_shape is at most one past the natural size, and then the specification's begin pads are 0 too):
    /// an output_shape two or three past the natural size on one axis. Every one must carry the note.
    /// </summary>
    [FsCheck.NUnit.Property(MaxTest = 25)]
    public Property BothBackendsNoteTheKnownAmbiguityOnGeneratedCases() =>
        Prop.ForAll(Wanted(BeyondTheNaturalSize(), p => OrtPadding.KnownAmbiguity(p) is not null && OrtPadding.KnownDefect(p) is null),
            AgreeWithTheReference);

    /// <summary>
    /// The same law over generated 2-D cases that ONNX Runtime gets wrong (few of any draw): every one must carry the note.
    /// </summary>
    [FsCheck.NUnit.Property(MaxTest = 25)]
    public Property BothBackendsNoteTheKnownDefectOnGeneratedCases() =>
        Prop.ForAll(Wanted(CaseGen.Generator(Space with { Ranks = [2] }), p => OrtPadding.KnownDefect(p) is not null),
            AgreeWithTheReference);

    private static readonly CaseSpace Space = new() { DataTypes = [CaseTypes.F32], Layouts = [LayoutFamily.Nchw] };

    private static Gen<DeconvCase> BeyondTheNaturalSize() =>
        from c in CaseGen.Generator(Space with { AutoPad = false, OutputShape = false })
        from axis in Gen.Choose(0, c.Rank - 1)
        from extra in Gen.Choose(2, 3)
        select c with
        {
            PadsBegin = Dims.Fill(c.Rank, 0),
            PadsEnd = Dims.Fill(c.Rank, 0),
            OutputShape = Dims.From(Enumerable.Range(0, c.Rank).Select(a => (int)Problem.NaturalSize(
                c.Input[a], c.Kernel[a], c.Strides[a], c.Dilations[a], c.OutputPadding[a]) + (a == axis ? extra : 0))),
        };

    /// <summary>The valid cases of a generator whose problem is the one wanted, shrinking only to such cases.</summary>
    private static Arbitrary<DeconvCase> Wanted(Gen<DeconvCase> generator, Func<Problem, bool> wanted)
    {
        bool IsWanted(DeconvCase c) => CaseGen.IsValid(c) && wanted(c.Resolve());
        return Arb.From(generator.Where(IsWanted), c => CaseGen.Shrink(c).Where(IsWanted));
    }

    private static bool AgreeWithTheReference(DeconvCase c)
    {
        var problem = c.Resolve();
        var inputs = Fill.For(problem);
        var ambiguity = OrtPadding.KnownAmbiguity(problem);
        var defect = OrtPadding.KnownDefect(problem);
        return Backends().All(backend =>
        {
            if (backend.Run(problem, inputs, default) is not BackendOutput.Produced produced) return false;
            if (defect is not null) return produced.KnownIssues.Any(k => k == new KnownIssue(KnownIssueKind.Defect, defect));
            var reference = ambiguity is null
                ? Core.Reference.ReferenceDeconvolution.Gather(problem, inputs)
                : Ort.ReferenceUnderOrtRule(problem, inputs);
            var expected = ambiguity is null ? [] : new[] { new KnownIssue(KnownIssueKind.Ambiguity, ambiguity) };
            return produced.KnownIssues.SequenceEqual(expected) && Comparator.Compare(problem, reference, produced.Output).Passed;
        });
    }

    [Test]
    public void F16IsNotApplicableWithTheReason()
    {
        var problem = CaseId.Parse("mb1_ic2_oc2_in4x4_k3x3_s2x2_f16").Resolve();
        foreach (var backend in Backends())
        {
            var output = backend.Run(problem, Fill.For(problem), default);
            Assert.That(output, Is.EqualTo(new BackendOutput.NotApplicable(OnnxRuntimeBackend.F16Unsupported)));
        }
    }

    /// <summary>
    /// What the n/a reason claims: a float16 ConvTranspose model runs on the CPU only through the
    /// Cast nodes ONNX Runtime inserts itself, so its output is that of the explicit-Cast model.
    /// </summary>
    [Test]
    public void AFloat16ModelRunsThroughOrtsOwnCasts()
    {
        var problem = CaseId.Parse("mb1_ic2_oc2_in4x4_k3x3_s2x2_bias_f16").Resolve();
        var inputs = Fill.For(problem);
        float[] Output(bool casts)
        {
            var model = ConvTransposeModel.Build(problem,
                new ConvTransposeModelOptions { Weights = WeightsSource.GraphInput, F16ViaCasts = casts });
            using var session = Interop.OrtSession.Create(model.ToBytes(), 1);
            return session.Run(model.Feeds.Select(f => (f.Name, inputs.Get(f.Tensor)!)).ToList(), ConvTransposeModel.Y).Data;
        }
        Assert.That(Output(casts: false), Is.EqualTo(Output(casts: true)));
    }

    /// <summary>f16 through Casts, with post-ops too (they run in f32 between the Casts).</summary>
    [TestCase(WeightsSource.Initializer, "mb1_ic4_oc6_g2_in5x5_k3x3_s2x2_pb1x1_pe0x1_op1x1_bias_f16")]
    [TestCase(WeightsSource.GraphInput, "mb1_ic4_oc6_g2_in5x5_k3x3_s2x2_pb1x1_pe0x1_op1x1_bias_f16")]
    [TestCase(WeightsSource.Initializer, "mb1_ic4_oc6_g2_in5x5_k3x3_s2x2_bias_f16_po-leaky0.25+sum0.5+add-pc+clip-2to3")]
    [TestCase(WeightsSource.GraphInput, "mb1_ic4_oc6_g2_in5x5_k3x3_s2x2_bias_f16_po-leaky0.25+sum0.5+add-pc+clip-2to3")]
    public void F16WithCastsIsProducedWithTheNote(WeightsSource weights, string id)
    {
        var backend = new OnnxRuntimeBackend(weights, new OnnxRuntimeOptions { F16ViaCasts = true });
        var problem = CaseId.Parse(id).Resolve();
        var inputs = Fill.For(problem);
        var output = backend.Run(problem, inputs, default);
        Assert.That(output, Is.TypeOf<BackendOutput.Produced>(), () => output.ToString());
        var produced = (BackendOutput.Produced)output;
        Assert.That(produced.Note, Is.EqualTo(OnnxRuntimeBackend.F16CastsNote));
        Assert.That(produced.Output.StorageType, Is.EqualTo(DataType.F16));
        var metrics = Ort.Compare(problem, inputs, produced.Output);
        Assert.That(metrics.Passed, () => Ort.Describe(metrics));
    }

    [Test]
    public void AnOrtErrorIsAFailedResultWithOrtsMessage()
    {
        var backend = new OnnxRuntimeBackend(WeightsSource.GraphInput, new OnnxRuntimeOptions { Opset = 999 });
        var problem = CaseId.Parse("mb1_ic1_oc1_in3x3_k3x3").Resolve();
        var output = backend.Run(problem, Fill.For(problem), default);
        TestContext.Out.WriteLine(output);
        Assert.That(output, Is.TypeOf<BackendOutput.Failed>());
        Assert.That(((BackendOutput.Failed)output).Message, Does.StartWith("ONNX Runtime error").And.Contain("999"));

        // The run goes on: the same backend still serves valid cases.
        var fine = new OnnxRuntimeBackend(WeightsSource.GraphInput, new OnnxRuntimeOptions()).Run(problem, Fill.For(problem), default);
        Assert.That(fine, Is.TypeOf<BackendOutput.Produced>());
    }

    [Test]
    public void ARepeatedSignatureReusesItsSession()
    {
        var dynamic = new OnnxRuntimeBackend(WeightsSource.GraphInput, new OnnxRuntimeOptions(), new SessionCache(64));
        var constant = new OnnxRuntimeBackend(WeightsSource.Initializer, new OnnxRuntimeOptions(), new SessionCache(64));
        var seed1 = CaseId.Parse("mb1_ic2_oc3_in5x5_k3x3_s2x2_bias_seed1").Resolve();
        var seed2 = CaseId.Parse("mb1_ic2_oc3_in5x5_k3x3_s2x2_bias_seed2").Resolve();
        foreach (var p in new[] { seed1, seed2, seed1 })
        {
            var inputs = Fill.For(p);
            foreach (var backend in new[] { dynamic, constant })
                Assert.That(Ort.Compare(p, inputs, ((BackendOutput.Produced)backend.Run(p, inputs, default)).Output).Passed);
        }
        // Weights are graph inputs: one model for all three runs.
        Assert.That((Count(dynamic, "onnxruntime sessions created"), Count(dynamic, "onnxruntime sessions reused")), Is.EqualTo((1L, 2L)));
        // Weights are part of the model: one session per seed, reused for the repeated seed.
        Assert.That((Count(constant, "onnxruntime sessions created"), Count(constant, "onnxruntime sessions reused")),
            Is.EqualTo((2L, 1L)));
    }

    [Test]
    public void ASignatureSeenAgainAfterEvictionIsCountedAsCreatedAgain()
    {
        var backend = new OnnxRuntimeBackend(WeightsSource.GraphInput, new OnnxRuntimeOptions(), new SessionCache(1));
        var small = CaseId.Parse("mb1_ic2_oc3_in5x5_k3x3").Resolve();
        var other = CaseId.Parse("mb1_ic2_oc3_in6x6_k3x3").Resolve();
        foreach (var p in new[] { small, small, other, small })
            Assert.That(backend.Run(p, Fill.For(p), default), Is.TypeOf<BackendOutput.Produced>());
        var counters = backend.Counters.ToDictionary(c => c.Key, c => c.Value);
        Assert.That(counters["onnxruntime sessions created"], Is.EqualTo(3));
        Assert.That(counters["onnxruntime sessions reused"], Is.EqualTo(1));
        Assert.That(counters["onnxruntime sessions created again after eviction"], Is.EqualTo(1));
    }

    [Test]
    public void ParallelCasesShareSessionsSafely()
    {
        var backend = new OnnxRuntimeBackend(WeightsSource.GraphInput, new OnnxRuntimeOptions(), new SessionCache(2));
        var ids = new[] { "mb1_ic2_oc2_in6x6_k3x3_s2x2", "mb1_ic3_oc2_in5x5_k2x2_s1x1_bias", "mb2_ic2_oc4_g2_in4x4_k3x3_s3x3" };
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 60, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var problem = CaseId.Parse(ids[i % ids.Length] + $"_seed{i}").Resolve();
            var inputs = Fill.For(problem);
            if (backend.Run(problem, inputs, default) is not BackendOutput.Produced p || !Ort.Compare(problem, inputs, p.Output).Passed)
                failures.Add(problem.Case.Id);
        });
        Assert.That(failures, Is.Empty);
        // Lookups: one per run, plus one more whenever eviction took the session between lookup and rent.
        Assert.That(Count(backend, "onnxruntime sessions created") + Count(backend, "onnxruntime sessions reused"),
            Is.GreaterThanOrEqualTo(60));
    }

    [Test]
    public void RegistrationAddsBothBackendsOnTheCpu()
    {
        var catalogue = BackendCatalogue.Of([new OnnxRuntimeFamily()]);
        foreach (var name in new[] { OnnxRuntimeBackend.InitializerId, OnnxRuntimeBackend.DynamicWeightsId })
        {
            var settings = new BackendSettings { Options = new Dictionary<string, string> { [OnnxRuntimeOptions.Threads.Name] = "2" } };
            var created = catalogue.Create(name, settings);
            Assert.That(created.Select(b => (b.Name, b.Device)), Is.EqualTo(new[] { (name, "cpu") }));
        }
        Assert.Throws<ArgumentException>(() => catalogue.Create(OnnxRuntimeBackend.InitializerId,
            new BackendSettings { Options = new Dictionary<string, string> { [OnnxRuntimeOptions.Threads.Name] = "zero" } }));
    }

    [Test]
    public void TheReproFlagsGiveTheSameOptionsAgain()
    {
        var options = OnnxRuntimeOptions.From(new BackendSettings
        {
            Options = new Dictionary<string, string> { ["ort-f16-casts"] = "true", ["ort-threads"] = "2", ["ort-opset"] = "13" },
        });
        Assert.That(new OnnxRuntimeBackend(WeightsSource.Initializer, options).ReproArguments,
            Is.EqualTo("--ort-f16-casts --ort-threads 2 --ort-opset 13"));
        Assert.That(new OnnxRuntimeOptions().ReproArguments, Is.Empty);
    }

    [Test]
    public void TheOpsetOptionNamesItsDefault() =>
        Assert.That(OnnxRuntimeOptions.OpsetOption.Description, Does.Contain($"default {new OnnxRuntimeOptions().Opset};"));

    private static long Count(OnnxRuntimeBackend backend, string counter) => backend.Counters.Single(c => c.Key == counter).Value;
}
