using AccuracyHarness.OneDnn.Interop;

namespace AccuracyHarness.OneDnn.Tests.Interop;

public class InteropTests
{
    [SetUp]
    public void Library() => OneDnnTesting.Require();

    [TestCase(0, "dnnl_success")]
    [TestCase(1, "dnnl_out_of_memory")]
    [TestCase(2, "dnnl_invalid_arguments")]
    [TestCase(3, "dnnl_unimplemented")]
    [TestCase(4, "dnnl_iterator_ends")]
    [TestCase(5, "dnnl_runtime_error")]
    [TestCase(6, "dnnl_not_required")]
    [TestCase(99, "unknown dnnl_status_t 99")]
    public void StatusesAreNamedAsInDnnlTypesH(int status, string name) => Assert.That(DnnlStatus.Name(status), Is.EqualTo(name));

    [Test]
    public void AFailingCallThrowsWithTheCallAndTheStatusName()
    {
        // nchw needs 4 dims: oneDNN rejects the tag for a 3-D shape.
        var e = Assert.Throws<DnnlException>(() => Dnnl.MemoryDesc([1, 2, 3], DnnlDataType.F32, DnnlTag.Nchw))!;
        Assert.That(e.Message, Is.EqualTo("dnnl_memory_desc_init_by_tag failed with dnnl_invalid_arguments (2)"));
        Assert.That(e.StatusName, Is.EqualTo("dnnl_invalid_arguments"));
        Assert.That(e.IsRefusal, Is.True);
    }

    [Test]
    public void TheCheckPassesSuccessAndThrowsOnAnythingElse()
    {
        Assert.DoesNotThrow(() => DnnlStatus.Check(DnnlStatus.Success, "x"));
        var e = Assert.Throws<DnnlException>(() => DnnlStatus.Check(5, "dnnl_primitive_execute"))!;
        Assert.That(e.Message, Is.EqualTo("dnnl_primitive_execute failed with dnnl_runtime_error (5)"));
        Assert.That(e.IsRefusal, Is.False);
    }

    /// <summary>
    /// The descriptor is opaque but must be big enough for oneDNN to write: sizes and the data type
    /// oneDNN writes come back as expected, and a blocked descriptor pads its channels to 16.
    /// </summary>
    [Test]
    public void MemoryDescriptorsRoundTripThroughTheLibrary()
    {
        var plain = Dnnl.MemoryDesc([2, 3, 4, 5], DnnlDataType.F32, DnnlTag.Nchw);
        var half = Dnnl.MemoryDesc([2, 3, 4, 5], DnnlDataType.F16, DnnlTag.Nhwc);
        var blocked = Dnnl.MemoryDesc([2, 3, 4, 5], DnnlDataType.F32, DnnlTag.NChw16c);
        Assert.Multiple(() =>
        {
            Assert.That(Dnnl.Size(plain), Is.EqualTo(2 * 3 * 4 * 5 * 4));
            Assert.That(plain.DataType, Is.EqualTo(DnnlDataType.F32));
            Assert.That(Dnnl.Size(half), Is.EqualTo(2 * 3 * 4 * 5 * 2));
            Assert.That(half.DataType, Is.EqualTo(DnnlDataType.F16));
            Assert.That(Dnnl.Size(blocked), Is.EqualTo(2 * 16 * 4 * 5 * 4));
            Assert.That(Dnnl.Equal(plain, Dnnl.MemoryDesc([2, 3, 4, 5], DnnlDataType.F32, DnnlTag.Nchw)), Is.True);
            Assert.That(Dnnl.Equal(plain, blocked), Is.False);
        });
    }

    [Test]
    public void VersionIsaAndLibraryAreReported()
    {
        Assert.That(Dnnl.Version(), Does.Match(@"^2\.\d+\.\d+ \(commit .*, CPU runtime \w+\)$"));
        Assert.That(Dnnl.EffectiveIsa(), Does.Match("^(sse41|avx|avx2|avx2_vnni|avx512_[a-z0-9_]+)$"));
        Assert.That(File.Exists(Dnnl.LibraryPath), Is.True, Dnnl.LibraryPath);
    }
}
