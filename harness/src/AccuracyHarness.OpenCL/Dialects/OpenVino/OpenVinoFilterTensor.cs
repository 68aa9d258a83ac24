using AccuracyHarness.Core.Cases;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Dialects.OpenVino;

/// <summary>
/// Weights as OpenVINO's selector describes them (jitter.cpp, <c>WeightTensorJitConstant</c>):
/// per-group sizes (IFM = C/G, OFM = M/G), pitches and the base definitions; a tensor not named
/// FILTER (a weights reorder's INPUT0 and OUTPUT) also gets its <c>_GET_INDEX</c> macro, through a
/// <c>GET_NAME_LAYOUT_INDEX</c> macro defined here, with indices taken modulo the sizes as there. The layout is oiyx (oizyx)
/// for one group and goiyx (goizyx) for more, as OpenVINO picks it; a blocked order's pitches
/// are those of its plain dims with both channel counts rounded up to 16.
/// </summary>
internal sealed record OpenVinoFilterTensor(Problem Problem, WeightsOrder Order)
{
    public string LayoutName
    {
        get
        {
            var grouped = Problem.Case.Groups > 1;
            var threeD = Problem.Rank == 3;
            if (Order == WeightsOrder.OsIsYxIsv16Osv16)
                return (grouped ? "g_" : "") + (threeD ? "os_is_zyx_isv16_osv16" : "os_is_yx_isv16_osv16");
            return (grouped ? "g" : "") + (threeD ? "oizyx" : "oiyx");
        }
    }

    public void Add(JitDefinitions jit, string name, DataType type)
    {
        var c = Problem.Case;
        var axes = Problem.Axes3D();
        var (kz, ky, kx) = (axes[0].Kernel, axes[1].Kernel, axes[2].Kernel);
        var taps = (long)kz * ky * kx;
        var blocked = Order == WeightsOrder.OsIsYxIsv16Osv16;
        var storedIfm = blocked ? Round16(Problem.Cg) : Problem.Cg;
        var storedOfm = blocked ? Round16(Problem.Mg) : Problem.Mg;
        var grouped = c.Groups > 1;
        var dims = (Problem.Rank == 3 ? 5 : 4) + (grouped ? 1 : 0);

        jit.Add($"{name}_SIZE_X", kx).Add($"{name}_SIZE_Y", ky).Add($"{name}_SIZE_Z", kz)
            .Add($"{name}_IFM_NUM", Problem.Cg).Add($"{name}_OFM_NUM", Problem.Mg).Add($"{name}_GROUPS_NUM", c.Groups)
            .Add($"{name}_X_PITCH", 1).Add($"{name}_Y_PITCH", kx).Add($"{name}_Z_PITCH", Problem.Rank == 3 ? (long)kx * ky : 1)
            .Add($"{name}_IFM_PITCH", taps).Add($"{name}_OFM_PITCH", storedIfm * taps)
            .Add($"{name}_GROUPS_PITCH", grouped ? storedOfm * storedIfm * taps : 1)
            .Add($"{name}_LENGTH", c.Groups * (long)Problem.Mg * Problem.Cg * taps)
            .Add($"{name}_VIEW_OFFSET", 0)
            .Add($"{name}_DIMS", dims)
            .Add($"{name}_SIMPLE", !grouped && !blocked ? 1 : 0)
            .Add($"{name}_GROUPED", grouped ? 1 : 0)
            .Add($"{name}_LAYOUT_{LayoutName.ToUpperInvariant()}", 1);
        OpenVinoTypes.Add(jit, name, type);
        var sizes = new long[] { kx, ky }.Concat(Problem.Rank == 3 ? [kz] : [])
            .Concat([Problem.Cg, Problem.Mg]).Concat(grouped ? [c.Groups] : []);
        jit.Add($"{name}_OFFSET", 0)
            .Add($"{name}_SIZES_DATA", OpenVinoDataTensor.Vector("", sizes, 1))
            .Add($"{name}_PAD_BEFORE", OpenVinoDataTensor.Vector("size_t", [], 0))
            .Add($"{name}_PAD_AFTER", OpenVinoDataTensor.Vector("size_t", [], 0));
        if (name != "FILTER" && !blocked) AddIndexMacros(jit, name, grouped);
    }

    private void AddIndexMacros(JitDefinitions jit, string name, bool grouped)
    {
        var layout = LayoutName.ToUpperInvariant();
        var threeD = Problem.Rank == 3;
        var indexMacro = $"GET_{name}_{layout}_INDEX";
        jit.Add($"{name}_INDEX_FUNC", $"inline uint FUNC({layout})(){{return 0;}}")
            .Add($"INIT_{name}_INDEX_FUNC_HERE", $"{name}_INDEX_FUNC")
            .Add($"{indexMacro}(prefix, g, o, i, z, y, x)",
                "CAT(prefix, _OFFSET)"
                + " + ((x) % CAT(prefix, _SIZE_X)) * CAT(prefix, _X_PITCH) + ((y) % CAT(prefix, _SIZE_Y)) * CAT(prefix, _Y_PITCH)"
                + " + ((z) % CAT(prefix, _SIZE_Z)) * CAT(prefix, _Z_PITCH) + ((i) % CAT(prefix, _IFM_NUM)) * CAT(prefix, _IFM_PITCH)"
                + " + ((o) % CAT(prefix, _OFM_NUM)) * CAT(prefix, _OFM_PITCH)"
                + " + ((g) % CAT(prefix, _GROUPS_NUM)) * CAT(prefix, _GROUPS_PITCH)");
        var args = (grouped ? "g, " : "") + "o, i, " + (threeD ? "z, " : "") + "y, x";
        jit.Add($"{name}_GET_INDEX({args})", $"{indexMacro}({name}, {(grouped ? "g" : "0")}, o, i, {(threeD ? "z" : "0")}, y, x)");
    }

    private static long Round16(int value) => (value + 15) / 16 * 16;
}
