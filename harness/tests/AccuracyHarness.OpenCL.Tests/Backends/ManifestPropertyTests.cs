using System.Globalization;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Manifests;
using AccuracyHarness.OpenCL.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.OpenCL.Tests.Backends;

/// <summary>
/// FsCheck crossing manifests with cases: one gather kernel written for a random range shape (a flat
/// 1-D range over the output's memory, 2-D over spatial positions by channel*batch, or 3-D over x
/// by y*z by channel*batch), a random local size (the harness's, the driver's, or a given width)
/// and a random argument order (buffers, the params buffer or none, an int and a float scalar),
/// on random cases against the reference. The law: a correct kernel passes whatever its manifest
/// says, as long as kernel and manifest agree.
/// </summary>
public class ManifestPropertyTests
{
    private const int MaxVariants = 30;

    public sealed record Variant(DeconvCase Case, int Dimensions, int LocalWidth, string[] Args)
    {
        public override string ToString() => $"{Case.Id} {Dimensions}-D local {LocalWidth} args {string.Join(",", Args)}";
    }

    private static readonly string[] Buffers =
        ["input", "weights", "bias", "output", "params", "{ \"int\": \"bias\" }", "{ \"float\": \"2 - 1\" }"];

    private static Gen<Variant> Variants() =>
        from c in CaseGen.Generator(new CaseSpace { MaxChannelsPerGroup = 2, MaxGroups = 2, Fills = [FillMode.Random] })
        from dimensions in Gen.Choose(1, 3)
        from localWidth in Gen.Elements(-1, 0, 1, 2, 4, 8)
        from keys in Gen.ArrayOf(Gen.Choose(0, 1000), Buffers.Length)
        from withParams in Gen.Elements(true, false)
        let order = Buffers.Zip(keys).OrderBy(p => p.Second).Select(p => p.First).Where(a => withParams || a != "params").ToArray()
        select new Variant(c, dimensions, localWidth, order);

    [Test]
    public void A_correct_kernel_passes_under_any_range_local_size_and_argument_order()
    {
        var device = TestDevices.Pocl;
        var property = Prop.ForAll(Variants().ToArbitrary(), v =>
        {
            var manifest = KernelManifest.Load(Paths.WriteManifestText("property", Manifest(v), Kernel(v)));
            var run = CaseRun.Of(new ExternalDeconvBackend(manifest, device, OpenClOptions.Default), v.Case);
            if (!run.IsClean) throw new AssertionException($"{v}: {run.Describe()}\n{Manifest(v)}");
        });
        TestSeed.Check(property, MaxVariants);
    }

    /// <summary>
    /// Local width -1 leaves <c>local</c> out (1-D: the harness's choice), 0 is null (the driver's), a
    /// positive width is the first dimension's group size with the range aligned up to it.
    /// </summary>
    private static string Manifest(Variant v)
    {
        var w = v.LocalWidth;
        var aligned = (string size) => w > 0 ? $"\"align({size}, {w})\"" : $"\"{size}\"";
        var global = v.Dimensions switch
        {
            1 => w > 0 ? null : "",
            2 => $"\"global\": [{aligned("OD*OH*OW")}, \"OC*N\"],",
            _ => $"\"global\": [{aligned("OW")}, \"OH*OD\", \"OC*N\"],",
        };
        var local = w switch
        {
            -1 => "",
            0 => "\"local\": null,",
            _ => $"\"local\": [{string.Join(", ", new[] { w }.Concat(Enumerable.Repeat(1, v.Dimensions - 1)))}],",
        };
        // A flat range is the output's memory: its length is no expression, so it keeps the harness's local size.
        if (global is null) local = "";
        return $$"""
            { "name": "property", "role": "deconv", "source": "kernel.cl", "entry": "property",
              "layouts": ["nchw", "nhwc", "blocked16"], "dtypes": ["f32", "f16"],
              "args": [{{string.Join(", ", v.Args.Select(a => a.StartsWith('{') ? a : $"\"{a}\""))}}],
              {{global ?? ""}} {{local}}
              "padding_lanes": "{{(v.Dimensions == 1 ? "written" : "untouched")}}" }
            """;
    }

    private static string Kernel(Variant v)
    {
        var parameters = v.Args.Select(a => a switch
        {
            "output" => "__global DATA_T* output",
            "params" => "__global const int* params",
            "{ \"int\": \"bias\" }" => "int has_bias",
            "{ \"float\": \"2 - 1\" }" => "float one",
            _ => $"__global const DATA_T* {a}",
        });
        var hasBias = v.Args.Contains("{ \"int\": \"bias\" }") ? "has_bias" : "HAS_BIAS";
        var one = v.Args.Contains("{ \"float\": \"2 - 1\" }") ? "one" : "1.0f";
        var position = v.Dimensions switch
        {
            1 => """
                const long flat = get_global_id(0);
                int n, oc, oz, oy, ox;
                OUT_DECODE(flat, n, oc, oz, oy, ox);
                if (oc >= OC) { STORE(output, flat, 0.0f); return; }
                """,
            2 => """
                const int s = (int)get_global_id(0);
                if (s >= OD * OH * OW) return;
                const int ox = s % OW, oy = s / OW % OH, oz = s / (OW * OH);
                const int oc = (int)get_global_id(1) % OC, n = (int)get_global_id(1) / OC;
                """,
            _ => """
                const int ox = (int)get_global_id(0);
                if (ox >= OW) return;
                const int oy = (int)get_global_id(1) % OH, oz = (int)get_global_id(1) / OH;
                const int oc = (int)get_global_id(2) % OC, n = (int)get_global_id(2) / OC;
                """,
        };
        return string.Create(CultureInfo.InvariantCulture, $$"""
            __kernel void property({{string.Join(", ", parameters)}})
            {
            {{position}}
                const int cg = IC / G, m = oc % (OC / G), first = oc / (OC / G) * cg;
                ACC_T acc = {{hasBias}} ? LOAD(bias, oc) : 0.0f;
                for (int kz = 0; kz < KD; ++kz)
                for (int ky = 0; ky < KH; ++ky)
                for (int kx = 0; kx < KW; ++kx) {
                    const int rz = oz + PD0 - kz * DD, ry = oy + PH0 - ky * DH, rx = ox + PW0 - kx * DW;
                    if (rz < 0 || ry < 0 || rx < 0 || rz % SD || ry % SH || rx % SW) continue;
                    if (rz / SD >= ID || ry / SH >= IH || rx / SW >= IW) continue;
                    for (int c = 0; c < cg; ++c)
                        acc += LOAD(input, IN_IDX(n, first + c, rz / SD, ry / SH, rx / SW))
                             * LOAD(weights, WEI_IDX(first + c, m, kz, ky, kx));
                }
                STORE(output, OUT_IDX(n, oc, oz, oy, ox), acc * {{one}});
            }
            """);
    }
}
