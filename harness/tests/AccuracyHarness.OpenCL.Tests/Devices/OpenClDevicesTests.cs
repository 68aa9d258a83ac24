using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Devices;

public class OpenClDevicesTests
{
    [TestCase(OpenClDevices.Pocl)]
    [TestCase(OpenClDevices.Oclgrind)]
    public void The_setup_registers_the_device_with_version_and_extensions(string id)
    {
        var device = TestDevices.Require(id);
        Assert.That(device.Version, Does.StartWith("OpenCL "));
        Assert.That(device.DriverVersion, Is.Not.Empty);
        Assert.That(device.Extensions, Is.Not.Empty);
    }

    [Test]
    public void The_listing_names_every_device_with_its_platform_and_extensions()
    {
        TestDevices.Require(OpenClDevices.Pocl);
        var text = OpenClDevices.Describe(OpenClDevices.List());
        Assert.That(text, Does.Contain("pocl").And.Contain("Portable Computing Language").And.Contain("extensions:"));
    }

    [TestCase("Portable Computing Language", "pocl")]
    [TestCase("Oclgrind", "oclgrind")]
    [TestCase("Intel(R) OpenCL Graphics", "intel-r-opencl-graphics")]
    public void Other_platforms_are_named_by_a_lowercase_slug(string platform, string expected)
    {
        Assert.That(OpenClDevices.Slug(platform), Is.EqualTo(expected));
    }

    [Test]
    public void An_unknown_device_names_the_ones_there_are()
    {
        TestDevices.Require(OpenClDevices.Pocl);
        var e = Assert.Throws<OpenClUnavailableException>(() => OpenClDevices.Find("no-such-device"))!;
        Assert.That(e.Message, Does.Contain("no-such-device").And.Contain("pocl").And.Contain("scripts/setup.sh"));
    }
}
