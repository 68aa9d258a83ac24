using AccuracyHarness.OpenCL.Devices;

namespace AccuracyHarness.OpenCL.Tests.Support;

/// <summary>Real devices only: a missing loader or platform fails the test with how to install it.</summary>
public static class TestDevices
{
    public static OpenClDevice Pocl => Require(OpenClDevices.Pocl);

    public static OpenClDevice Oclgrind => Require(OpenClDevices.Oclgrind);

    public static OpenClDevice Require(string id)
    {
        if (!OpenClDevices.IsLoaderAvailable(out var reason)) Assert.Fail(reason);
        try
        {
            return OpenClDevices.Find(id);
        }
        catch (OpenClUnavailableException e)
        {
            Assert.Fail(e.Message);
            throw;
        }
    }
}
