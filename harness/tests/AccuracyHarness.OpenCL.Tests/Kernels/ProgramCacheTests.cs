using AccuracyHarness.Core.Cases;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Kernels;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Kernels;

public class ProgramCacheTests
{
    [Test]
    public void In_params_mode_one_build_serves_every_shape_of_a_layout_and_type()
    {
        var device = TestDevices.Pocl;
        var backend = new OpenClDirectBackend(device, OpenClOptions.Default);
        Assert.That(CaseRun.Of(backend, CaseId.Parse("ic1_oc1_in2_k2_f16_nhwc")).IsClean);
        var builds = DeviceSession.For(device).ProgramBuilds;
        Assert.That(CaseRun.Of(backend, CaseId.Parse("ic3_oc2_in3x2x2_k1x2x2_s2x1x1_f16_nhwc")).IsClean);
        Assert.That(DeviceSession.For(device).ProgramBuilds, Is.EqualTo(builds));
    }

    [Test]
    public void The_header_defines_every_problem_macro()
    {
        var p = CaseId.Parse("ic4_oc6_g2_in4x5_k2x3_s2x1_d1x2_pb1x0_pe0x1_op1x0_bias").Resolve();
        var parameters = KernelParams.ForDeconvolution(p);
        var header = KernelHeader.Generate(KernelTypes.Plain(DataType.F16), LayoutFamily.Blocked16, parameters);
        foreach (var name in KernelParams.Names) Assert.That(header, Does.Contain($"#define {name} "));
        foreach (var macro in new[] { "DATA_T", "ACC_T", "LOAD(", "STORE(", "IN_IDX(", "OUT_IDX(", "WEI_IDX(", "CONV_WEI_IDX(",
            "OUT_DECODE(", "CONV_WEI_DECODE(" })
            Assert.That(header, Does.Contain("#define " + macro));
        Assert.That(parameters["IH"], Is.EqualTo(4));
        Assert.That(parameters["ID"], Is.EqualTo(1));
        Assert.That(parameters["DW"], Is.EqualTo(2));
        Assert.That(parameters["PH1"], Is.EqualTo(0));
        Assert.That(parameters["OPH"], Is.EqualTo(1));
        Assert.That(parameters["HAS_BIAS"], Is.EqualTo(1));
    }
}
