using System.Collections.Concurrent;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.OpenCL.Kernels;

/// <summary>
/// A kernel's OpenCL C source as written (without the header), its entry point and extra
/// build options. <see cref="Origin"/> names it in messages (a resource or a file path).
/// </summary>
public sealed record KernelSource(string Origin, string Text, string Entry, string BuildOptions)
{
    private static readonly ConcurrentDictionary<string, KernelSource> BuiltIns = new(StringComparer.Ordinal);

    public static KernelSource DeconvDirect => BuiltIn("deconv_direct");

    public static KernelSource DeconvTiled => BuiltIn("tiled") with { Entry = "deconv_tiled" };

    public static KernelSource ConvTiled => BuiltIn("tiled") with { Entry = "conv_tiled", BuildOptions = "-D TILED_CONV" };

    public static KernelSource WeightsReorder => BuiltIn("weights_reorder");

    public static KernelSource Conv => BuiltIn("conv");

    public static KernelSource ZeroInsert => BuiltIn("zero_insert");

    /// <summary>
    /// The text handed to the compiler: the contract header, then the source. Build logs and
    /// Oclgrind count lines in this text (a #line directive would make Oclgrind quote header
    /// lines), so a marker says where the source's first line landed.
    /// </summary>
    public KernelProgram Program(KernelTypes types, LayoutFamily layout, KernelParams? constants) =>
        Program(KernelHeader.Generate(types, layout, constants));

    /// <summary>The text handed to the compiler with any generated header (a dialect's, a manifest's defines).</summary>
    public KernelProgram Program(string header)
    {
        var firstLine = header.Count(ch => ch == '\n') + 2;
        var marker = $"/* {Origin.Replace("*/", "* /")} starts on the next line, line {firstLine} of this program */\n";
        return new KernelProgram(header + marker + Text, firstLine);
    }

    /// <summary>An embedded Kernels/NAME.cl whose entry point is NAME.</summary>
    private static KernelSource BuiltIn(string name) => BuiltIns.GetOrAdd(name, n =>
    {
        var resource = $"AccuracyHarness.OpenCL.Kernels.{n}.cl";
        using var stream = typeof(KernelSource).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded kernel {resource} is missing from the assembly");
        using var reader = new StreamReader(stream);
        return new KernelSource(resource, reader.ReadToEnd(), n, "");
    });
}
