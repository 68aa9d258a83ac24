using AccuracyHarness.OnnxRuntime.Interop;

namespace AccuracyHarness.OnnxRuntime.Tests;

public unsafe class InteropTests
{
    [SetUp]
    public void Library() => Ort.Require();

    [Test]
    public void VersionAndBuildInfoAreReported()
    {
        TestContext.Out.WriteLine(OrtRuntimeInfo.Describe());
        Assert.That(OrtRuntimeInfo.Version, Does.Match(@"^\d+\.\d+\.\d+"));
        Assert.That(OrtRuntimeInfo.BuildInfo, Does.Contain("Build Info").IgnoreCase);
        if (OrtRuntimeInfo.LibraryPath.Contains(OrtLibrary.RepositoryFolder, StringComparison.Ordinal))
            Assert.That(OrtRuntimeInfo.Version, Is.EqualTo("1.23.2"), "the pinned library of scripts/fetch-onnxruntime.sh");
    }

    [Test]
    public void AStatusBecomesAnExceptionWithItsCodeAndMessage()
    {
        nint status;
        fixed (byte* message = "deliberate failure\0"u8) status = OrtApi.CreateStatus((int)OrtErrorCode.NotImplemented, message);
        var e = Assert.Throws<OrtException>(() => OrtApi.Check(status))!;
        Assert.That(e.Code, Is.EqualTo(OrtErrorCode.NotImplemented));
        Assert.That(e.OrtMessage, Is.EqualTo("deliberate failure"));
        Assert.That(e.Message, Does.Contain("NotImplemented").And.Contain("deliberate failure"));
        Assert.DoesNotThrow(() => OrtApi.Check(0));
    }

    [Test]
    public void AnInvalidModelIsAnOrtErrorWithOrtsMessage()
    {
        var e = Assert.Throws<OrtException>(() => OrtSession.Create("not a model"u8.ToArray(), 1))!;
        TestContext.Out.WriteLine(e.Message);
        Assert.That(e.Code, Is.Not.EqualTo(OrtErrorCode.Ok));
        Assert.That(e.OrtMessage, Is.Not.Empty);
    }

    [Test]
    public void SessionsWithAThreadPoolAreCreatedAndRun()
    {
        var problem = Core.Cases.CaseId.Parse("mb1_ic2_oc2_in4x4_k3x3_s2x2_bias").Resolve();
        var inputs = Core.Fills.Fill.For(problem);
        var model = Onnx.ConvTransposeModel.Build(problem, new Onnx.ConvTransposeModelOptions { Weights = Onnx.WeightsSource.GraphInput });
        using var session = OrtSession.Create(model.ToBytes(), intraOpThreads: 2);
        var output = session.Run(model.Feeds.Select(f => (f.Name, Onnx.CaseTensorExtensions.Get(inputs, f.Tensor)!)).ToList(),
            Onnx.ConvTransposeModel.Y);
        Assert.That(Ort.Compare(problem, inputs, output).Passed);
    }
}
