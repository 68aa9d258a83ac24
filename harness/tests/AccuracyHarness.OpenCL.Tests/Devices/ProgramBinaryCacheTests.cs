using AccuracyHarness.Core.Cases;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Interop;
using AccuracyHarness.OpenCL.Kernels;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Devices;

/// <summary>The persistent program cache, each test in a folder of its own, with the run's context on PoCL.</summary>
public class ProgramBinaryCacheTests
{
    private static readonly OpenClDevice Device = TestDevices.Pocl;

    private static readonly string Source =
        KernelSource.DeconvDirect.Program(KernelTypes.Plain(DataType.F32), LayoutFamily.Nchw, null).Text;

    private string _folder = "";

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("program-cache-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private static DeviceSession Session => DeviceSession.For(Device);

    private ClProgramHandle Build(ProgramBinaryCache cache, string source = "") =>
        cache.Build(Session.Context, Device, source.Length == 0 ? Source : source, "");

    private string Entry => Directory.GetFiles(_folder).Single();

    [Test]
    public void A_fresh_process_loads_what_an_earlier_one_built_and_the_program_runs()
    {
        var cold = new ProgramBinaryCache(_folder);
        Build(cold).Dispose();
        Assert.That((cold.FromSource, cold.FromCache), Is.EqualTo((1L, 0L)));
        Assert.That(Directory.GetFiles(_folder, "*.tmp"), Is.Empty);

        var warm = new ProgramBinaryCache(_folder);
        using var program = Build(warm);
        Assert.That((warm.FromSource, warm.FromCache), Is.EqualTo((0L, 1L)));
        using var kernel = Cl.CreateKernel(program, KernelSource.DeconvDirect.Entry);
        Assert.That(kernel.IsInvalid, Is.False);
    }

    [TestCase("cut short")]
    [TestCase("one byte changed")]
    [TestCase("refused by the driver")]
    public void A_damaged_entry_is_rebuilt_from_source_and_replaced(string damage)
    {
        Build(new ProgramBinaryCache(_folder)).Dispose();
        var bytes = File.ReadAllBytes(Entry);
        switch (damage)
        {
            case "cut short":
                File.WriteAllBytes(Entry, bytes[..(bytes.Length / 2)]);
                break;
            case "one byte changed":
                bytes[^1] ^= 0x5A;
                File.WriteAllBytes(Entry, bytes);
                break;
            default:
                // A well-formed entry whose binary no driver takes.
                File.WriteAllBytes(Entry, ProgramBinaryCache.Entry("not a device binary"u8.ToArray()));
                break;
        }

        var again = new ProgramBinaryCache(_folder);
        Build(again).Dispose();
        Assert.That((again.FromSource, again.FromCache), Is.EqualTo((1L, 0L)), damage);
        var after = new ProgramBinaryCache(_folder);
        Build(after).Dispose();
        Assert.That(after.FromCache, Is.EqualTo(1L), "the rebuilt entry replaced the damaged one");
    }

    [Test]
    public void A_failed_build_throws_its_log_and_stores_nothing()
    {
        var cache = new ProgramBinaryCache(_folder);
        var e = Assert.Throws<ClException>(() => Build(cache, "__kernel void broken(__global float* out) { out[0] = undeclared; }"));
        Assert.That(e!.BuildLog, Does.Contain("undeclared"));
        Assert.That(Directory.GetFiles(_folder), Is.Empty);
    }

    [Test]
    public void The_key_changes_with_the_source_the_options_and_the_driver()
    {
        var key = ProgramBinaryCache.Key(Device, Source, "");
        Assert.That(ProgramBinaryCache.Key(Device, Source, ""), Is.EqualTo(key));
        Assert.That(ProgramBinaryCache.Key(Device, Source + " ", ""), Is.Not.EqualTo(key));
        Assert.That(ProgramBinaryCache.Key(Device, Source, "-cl-opt-disable"), Is.Not.EqualTo(key));
        Assert.That(ProgramBinaryCache.Key(Device with { DriverVersion = Device.DriverVersion + "+1" }, Source, ""), Is.Not.EqualTo(key));
        Assert.That(ProgramBinaryCache.Key(Device with { Name = Device.Name + "x" }, Source, ""), Is.Not.EqualTo(key));
    }

    [Test]
    public void A_folder_that_cannot_be_written_only_costs_the_builds()
    {
        var file = Path.Combine(_folder, "a file, not a folder");
        File.WriteAllText(file, "");
        var cache = new ProgramBinaryCache(Path.Combine(file, "programs"));
        Build(cache).Dispose();
        Build(cache).Dispose();
        Assert.That(cache.FromSource, Is.EqualTo(2L));
    }
}
