using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Interop;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Interop;

public class ClStatusTests
{
    [Test]
    public void Success_passes()
    {
        Assert.DoesNotThrow(() => ClStatus.Check(ClStatus.Success, "clFinish"));
    }

    [Test]
    public void An_error_becomes_an_exception_naming_the_call_and_the_error()
    {
        var e = Assert.Throws<ClException>(() => ClStatus.Check(-30, "clSetKernelArg"))!;
        Assert.That(e.Call, Is.EqualTo("clSetKernelArg"));
        Assert.That(ClStatus.Name(e.Status), Is.EqualTo("CL_INVALID_VALUE"));
        Assert.That(e.Message, Does.Contain("clSetKernelArg").And.Contain("CL_INVALID_VALUE").And.Contain("-30"));
    }

    [Test]
    public void An_unknown_status_is_still_named_by_its_number()
    {
        var e = Assert.Throws<ClException>(() => ClStatus.Check(-9999, "clFoo"))!;
        Assert.That(e.Message, Does.Contain("clFoo").And.Contain("-9999"));
    }

    [Test]
    public void A_failing_native_call_reports_its_name()
    {
        var session = DeviceSession.For(TestDevices.Pocl);
        var e = Assert.Throws<ClException>(() => Cl.CreateBuffer(session.Context, ClConstants.MemReadWrite, 0))!;
        Assert.That(e.Call, Is.EqualTo("clCreateBuffer"));
        Assert.That(ClStatus.Name(e.Status), Is.EqualTo("CL_INVALID_BUFFER_SIZE"));
    }

    [Test]
    public void A_failed_build_carries_the_build_log()
    {
        var device = TestDevices.Pocl;
        var session = DeviceSession.For(device);
        var e = Assert.Throws<ClException>(() =>
            session.Kernel("__kernel void k(__global float* p) { p[0] = undeclared_name; }", "", "k"))!;
        Assert.That(e.Call, Is.EqualTo("clBuildProgram"));
        Assert.That(ClStatus.Name(e.Status), Is.EqualTo("CL_BUILD_PROGRAM_FAILURE"));
        Assert.That(e.BuildLog, Does.Contain("undeclared_name"));
        Assert.That(e.Message, Does.Contain("undeclared_name"));
    }
}
