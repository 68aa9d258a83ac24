using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OpenCL.Kernels;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// Which of the project's two kernels runs a stage: the simple one (one work-item per output
/// element, the readable one: <c>deconv_direct.cl</c> or <c>conv.cl</c>) for small cases, or
/// <c>tiled.cl</c> (a tile of positions and channels per work-item, the problem baked in) from
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
    /// From here on a case is worth one program build per shape (the problem baked in: about
    /// 0.4 s on PoCL from a cold kernel cache, 0.05 s from a warm one). Smaller cases, many and
    /// quick (the nightly's are below 2e7), keep one program for every shape.
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
    /// The kernel for a stage of <paramref name="multiplyAdds"/> whose problem macros are
    /// <paramref name="parameters"/>, its number of work-items, whether the problem is baked in, and a note where the
    /// choice was not honoured: <c>tiled.cl</c> is f32 and f16 without post-ops only, so every other case runs the
    /// simple kernel.
    /// </summary>
    public (KernelSource Source, long WorkItems, bool BakeConstants, string? Note) For(
        KernelParams parameters, DataLayout output, double multiplyAdds, KernelTypes types)
    {
        var tiled = Use switch
        {
            Mode.Tiled => true,
            Mode.Simple => false,
            _ => multiplyAdds >= TiledFrom,
        };
        var simple = IsConvolution ? KernelSource.Conv : KernelSource.DeconvDirect;
        if (tiled && !types.IsPlain)
            return (simple, output.PhysicalLength, false, $"{simple.Entry}: tiled.cl runs f32 and f16 without post-ops only");
        if (!tiled) return (simple, output.PhysicalLength, false, null);
        var (source, workItems) = TiledLaunch.For(parameters, IsConvolution, output);
        return (source, workItems, true, null);
    }
}
