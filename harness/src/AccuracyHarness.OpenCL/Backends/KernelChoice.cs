using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OpenCL.Kernels;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// Which of the project's two kernels runs a stage: the simple one (one work-item per output
/// element, the readable one: <c>deconv_direct.cl</c> or <c>conv.cl</c>) for small cases, or
/// <c>tiled.cl</c> (a tile of positions and channels per work-item; one program per tile and kernel size) from
/// <see cref="TiledFrom"/> multiply-adds on. Its option (<c>direct-kernel</c> of opencl-direct,
/// <c>conv-kernel</c> of opencl-replaced's convolution stage) = simple | tiled forces one. Cases other than plain f32
/// and f16 always run the simple kernel.
/// </summary>
public sealed record KernelChoice(BackendOption Option, KernelChoice.Mode Use)
{
    public static readonly BackendOption DirectOption = new("direct-kernel",
        "Kernel of opencl-direct: auto (tiled.cl from 1e8 multiply-adds on, else deconv_direct.cl; default), simple or tiled.",
        "auto|simple|tiled");

    public static readonly BackendOption ConvOption = new("conv-kernel",
        "Kernel of opencl-replaced's conv stage: auto (tiled.cl from 1e8 multiply-adds on, else conv.cl; default), simple or tiled.",
        "auto|simple|tiled");

    /// <summary>
    /// From here on a stage runs <c>tiled.cl</c>. Its programs serve every shape of a tile and kernel size, so what a
    /// lower threshold costs is a build per tile and kernel size not seen before (about 0.4 s on PoCL from a cold kernel
    /// cache, 0.05 s from a warm one, then PoCL's compile at the first launch). Against that, measured 2026-12-03 over
    /// benchdnn's shapes from 1e7 to 1e8 multiply-adds (batch 1, f32, nchw: 55 cases), <c>tiled.cl</c> took 0.03x to
    /// 0.10x the simple kernels' device time, about 30 ms less a case near 1e7. That pays for a build only where many
    /// cases share one; the nightly's small cases (below 2e7) span many tiles and kernel sizes, and the threshold stays
    /// until the nightly's wall time is measured with it lower.
    /// </summary>
    public const double TiledFrom = 1e8;

    public enum Mode { Auto, Simple, Tiled }

    public static KernelChoice From(BackendSettings settings, BackendOption option) =>
        new(option, settings.Choice(option, Enum.GetValues<Mode>(), Name, Mode.Auto));

    /// <summary>The option that gives this choice again (empty for auto).</summary>
    public string ReproArguments => Option.Repro(Name(Use), Name(Mode.Auto));

    private static string Name(Mode mode) => mode.ToString().ToLowerInvariant();

    private bool IsConvolution => Option == ConvOption;

    /// <summary>
    /// The kernel for a stage of <paramref name="multiplyAdds"/> whose problem macros are <paramref name="parameters"/>,
    /// with a note where the choice was not honoured: <c>tiled.cl</c> is f32 and f16 without post-ops only, so every
    /// other case runs the simple kernel.
    /// </summary>
    public StageKernel For(KernelParams parameters, DataLayout output, double multiplyAdds, KernelTypes types)
    {
        var tiled = Use switch
        {
            Mode.Tiled => true,
            Mode.Simple => false,
            _ => multiplyAdds >= TiledFrom,
        };
        var simple = IsConvolution ? KernelSource.Conv : KernelSource.DeconvDirect;
        if (tiled && !types.IsPlain)
        {
            return StageKernel.PerElement(
                simple, parameters, output.PhysicalLength, $"{simple.Entry}: tiled.cl runs f32 and f16 without post-ops only");
        }
        if (!tiled) return StageKernel.PerElement(simple, parameters, output.PhysicalLength);
        var (source, values, workItems) = TiledLaunch.For(parameters, IsConvolution, output);
        return new StageKernel(source, values, workItems, TiledLaunch.WorkGroup, null);
    }
}
