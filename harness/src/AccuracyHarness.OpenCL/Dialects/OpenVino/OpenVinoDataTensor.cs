using System.Globalization;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.OpenCL.Dialects.OpenVino;

/// <summary>
/// One activation tensor as OpenVINO's kernel selector describes it to a kernel (jitter.cpp,
/// <c>DataTensorJitConstant</c>): sizes, paddings (none here), pitches, the <c>_GET_INDEX</c>
/// macros of its layout and the base definitions (dims, offsets, type). Pitches of a blocked
/// layout are those of its plain dims with the features rounded up to 16, as OpenVINO computes
/// them; its index macros go through fetch_data.cl's <c>GET_DATA_B_FS_*_FSV16_INDEX</c>.
/// A 1-D tensor is 4-D with y = 1, a 3-D one 5-D.
/// </summary>
internal sealed record OpenVinoDataTensor(LayoutFamily Layout, bool FiveD, int Batch, int Features, int Z, int Y, int X)
{
    public const int DimMax = 9;

    public static OpenVinoDataTensor Of(DataLayout layout) =>
        new(layout.Family, layout.Spatial.Count == 3, layout.Batch, layout.Channels, layout.Z, layout.Y, layout.X);

    /// <summary>OpenVINO's name of the layout: bfyx, byxf, b_fs_yx_fsv16, bfzyx, bzyxf, b_fs_zyx_fsv16.</summary>
    public string LayoutName => Names.ExactLayout(Layout, FiveD ? 3 : 2);

    public bool Simple => Layout != LayoutFamily.Blocked16;

    private long LogicalSize => (long)Batch * Features * Z * Y * X;

    private int StoredFeatures => Layout == LayoutFamily.Blocked16 ? (Features + 15) / 16 * 16 : Features;

    /// <summary>(name, size, pitch) innermost first, as the selector orders a layout's dims.</summary>
    private List<(string Name, int Size, long Pitch)> Dims()
    {
        var order = Layout == LayoutFamily.Nhwc
            ? new List<string> { "F", "X", "Y" }
            : ["X", "Y"];
        if (FiveD) order.Add("Z");
        if (Layout != LayoutFamily.Nhwc) order.Add("F");
        order.Add("B");
        var dims = new List<(string, int, long)>();
        long pitch = 1;
        foreach (var name in order)
        {
            var (size, stored) = name switch
            {
                "X" => (X, X),
                "Y" => (Y, Y),
                "Z" => (Z, Z),
                "F" => (Features, StoredFeatures),
                _ => (Batch, Batch),
            };
            dims.Add((name, size, pitch));
            pitch *= stored;
        }
        return dims;
    }

    public void Add(JitDefinitions jit, string name, DataType type)
    {
        var dims = Dims();
        long Pitch(string dim) => dims.FirstOrDefault(d => d.Name == dim) is { Name: not null } d ? d.Pitch : 1;

        jit.Add($"{name}_SIZE_X", X).Add($"{name}_SIZE_Y", Y).Add($"{name}_SIZE_Z", Z)
            .Add($"{name}_SIZE_W", 1).Add($"{name}_SIZE_U", 1).Add($"{name}_SIZE_V", 1)
            .Add($"{name}_FEATURE_NUM", Features).Add($"{name}_BATCH_NUM", Batch);
        foreach (var side in new[] { "BEFORE", "AFTER" })
        {
            foreach (var axis in new[] { "SIZE_X", "SIZE_Y", "SIZE_Z", "SIZE_W", "SIZE_U", "SIZE_V", "FEATURE_NUM", "BATCH_NUM" })
                jit.Add($"{name}_PAD_{side}_{axis}", 0);
        }
        jit.Add($"{name}_LENGTH", LogicalSize)
            .Add($"{name}_X_PITCH", Pitch("X")).Add($"{name}_Y_PITCH", Pitch("Y")).Add($"{name}_Z_PITCH", Pitch("Z"))
            .Add($"{name}_W_PITCH", 1).Add($"{name}_U_PITCH", 1).Add($"{name}_V_PITCH", 1)
            .Add($"{name}_FEATURE_PITCH", Pitch("F")).Add($"{name}_BATCH_PITCH", Pitch("B"));

        AddIndexMacros(jit, name);

        jit.Add($"{name}_VIEW_OFFSET", 0)
            .Add($"{name}_DIMS", FiveD ? 5 : 4)
            .Add($"{name}_SIMPLE", Simple ? 1 : 0)
            .Add($"{name}_GROUPED", 0)
            .Add($"{name}_LAYOUT_{LayoutName.ToUpperInvariant()}", 1);
        OpenVinoTypes.Add(jit, name, type);
        jit.Add($"{name}_OFFSET", 0)
            .Add($"{name}_SIZES_DATA", Vector("", dims.Select(d => (long)d.Size), 1))
            .Add($"{name}_PITCHES", Vector("size_t", dims.Select(d => d.Pitch), 1))
            .Add($"{name}_PAD_BEFORE", Vector("size_t", [], 0))
            .Add($"{name}_PAD_AFTER", Vector("size_t", [], 0));
    }

    /// <summary>
    /// <c>_GET_INDEX</c>, <c>_SAFE</c> and <c>_RAW</c>: the fetch_data.cl macro of the layout, except
    /// for tensors of one element (the offset) and of one feature vector with plain pitches (offset + f).
    /// </summary>
    private void AddIndexMacros(JitDefinitions jit, string name)
    {
        var args = FiveD ? "b, f, z, y, x" : "b, f, y, x";
        var (index, safe, raw) = (Simple, FiveD) switch
        {
            (true, false) => ("GET_DATA_INDEX", "GET_DATA_INDEX_SAFE", "GET_DATA_INDEX_RAW"),
            (true, true) => ("GET_DATA_INDEX_5D", "GET_DATA_INDEX_5D_SAFE", "GET_DATA_INDEX_5D_RAW"),
            (false, false) => ("GET_DATA_B_FS_YX_FSV16_INDEX", "GET_DATA_B_FS_YX_FSV16_INDEX_SAFE", "GET_DATA_B_FS_YX_FSV16_INDEX"),
            (false, true) => ("GET_DATA_B_FS_ZYX_FSV16_INDEX", "GET_DATA_B_FS_ZYX_FSV16_INDEX_SAFE", "GET_DATA_B_FS_ZYX_FSV16_INDEX"),
        };
        var pitchesDiffer = !Simple && Features % 16 != 0;
        if (LogicalSize == 1)
        {
            jit.Add($"{name}_GET_INDEX_SAFE({args})", "0").Add($"{name}_GET_INDEX({args})", "0");
        }
        else if (LogicalSize == Features && !pitchesDiffer)
        {
            jit.Add($"{name}_GET_INDEX_SAFE({args})", $"((0 + (f)) % {Features})").Add($"{name}_GET_INDEX({args})", "(0 + (f))");
        }
        else
        {
            jit.Add($"{name}_GET_INDEX_SAFE({args})", $"{safe}({name}, {args})")
                .Add($"{name}_GET_INDEX({args})", $"{index}({name}, {args})");
        }
        jit.Add($"{name}_GET_INDEX_RAW({args})", $"{raw}({name}, {args})");
    }

    /// <summary>A selector vector: the values padded to <see cref="DimMax"/> entries, with a cast prefix when typed.</summary>
    public static string Vector(string type, IEnumerable<long> values, long fill)
    {
        var all = values.Concat(Enumerable.Repeat(fill, DimMax)).Take(DimMax);
        var body = "{ " + string.Concat(all.Select(v => v.ToString(CultureInfo.InvariantCulture) + ",")) + " }";
        return type.Length == 0 ? body : $"({type} []){body}";
    }
}
