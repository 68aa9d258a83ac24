using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Tensors;

/// <summary>
/// Where element (n, c, z, y, x) of an activation tensor lives in a device buffer of a layout
/// family (docs/ARCHITECTURE.md section 5). Lower ranks use z = 0 (and y = 0). The blocked family keeps
/// channels in blocks of 16, innermost, with a zero-padded tail block.
/// </summary>
public sealed class DataLayout
{
    public const int BlockSize = 16;

    public DataLayout(LayoutFamily family, int batch, int channels, Dims spatial)
    {
        Family = family;
        Batch = batch;
        Channels = channels;
        Spatial = spatial;
        (Z, Y, X) = spatial.Count switch
        {
            1 => (1, 1, spatial[0]),
            2 => (1, spatial[0], spatial[1]),
            3 => (spatial[0], spatial[1], spatial[2]),
            _ => throw new ArgumentOutOfRangeException(nameof(spatial), "spatial rank must be 1, 2 or 3"),
        };
        ChannelBlocks = (channels + BlockSize - 1) / BlockSize;
        PaddedChannels = family == LayoutFamily.Blocked16 ? ChannelBlocks * BlockSize : channels;
    }

    public LayoutFamily Family { get; }
    public int Batch { get; }
    public int Channels { get; }
    public Dims Spatial { get; }
    public int Z { get; }
    public int Y { get; }
    public int X { get; }
    public int ChannelBlocks { get; }

    /// <summary>Channels including the padding lanes of a blocked layout.</summary>
    public int PaddedChannels { get; }

    /// <summary>Whether physical order is logical order (no padding, nothing moved), so a buffer needs no packing.</summary>
    public bool IsLogicalOrder => Family == LayoutFamily.Nchw;

    public long SpatialSize => (long)Z * Y * X;

    public long LogicalLength => (long)Batch * Channels * SpatialSize;

    public long PhysicalLength => (long)Batch * PaddedChannels * SpatialSize;

    public long Offset(int n, int c, int z, int y, int x) => Family switch
    {
        LayoutFamily.Nchw => ((((long)n * Channels + c) * Z + z) * Y + y) * X + x,
        LayoutFamily.Nhwc => ((((long)n * Z + z) * Y + y) * X + x) * Channels + c,
        _ => (((((long)n * ChannelBlocks + (c / BlockSize)) * Z + z) * Y + y) * X + x) * BlockSize + (c % BlockSize),
    };

    /// <summary>Visits every logical element with its logical index and its physical offset.</summary>
    public void ForEach(Action<long, long> visit)
    {
        long logical = 0;
        for (var n = 0; n < Batch; n++)
        for (var c = 0; c < Channels; c++)
        for (var z = 0; z < Z; z++)
        for (var y = 0; y < Y; y++)
        for (var x = 0; x < X; x++)
            visit(logical++, Offset(n, c, z, y, x));
    }

    /// <summary>Logical to physical; padding lanes are zero.</summary>
    public float[] Pack(float[] logical)
    {
        var physical = new float[PhysicalLength];
        CopyRows(logical, physical, toPhysical: true);
        return physical;
    }

    /// <summary>
    /// Logical to physical into an array of at least <see cref="PhysicalLength"/> that the caller reuses (a device
    /// backend's staging): its padding lanes are cleared, every other element written.
    /// </summary>
    public void Pack(float[] logical, float[] physical)
    {
        if (PaddedChannels != Channels) Array.Clear(physical, 0, checked((int)PhysicalLength));
        CopyRows(logical, physical, toPhysical: true);
    }

    public float[] Unpack(float[] physical)
    {
        // Every logical element is written, so the array need not be cleared first.
        var logical = GC.AllocateUninitializedArray<float>(checked((int)LogicalLength));
        CopyRows(physical, logical, toPhysical: false);
        return logical;
    }

    /// <summary>
    /// Pack and Unpack a row of x at a time: a large case's tensors are tens of millions of
    /// elements, where an offset computed per element costs as much as the device's work.
    /// </summary>
    private void CopyRows(float[] from, float[] to, bool toPhysical)
    {
        if (IsLogicalOrder)
        {
            Array.Copy(from, to, LogicalLength);
            return;
        }
        var step = Offset(0, 0, 0, 0, 1) - Offset(0, 0, 0, 0, 0);
        long logical = 0;
        for (var n = 0; n < Batch; n++)
        for (var c = 0; c < Channels; c++)
        for (var z = 0; z < Z; z++)
        for (var y = 0; y < Y; y++)
        {
            var physical = Offset(n, c, z, y, 0);
            for (var x = 0; x < X; x++, logical++, physical += step)
            {
                if (toPhysical) to[physical] = from[logical];
                else to[logical] = from[physical];
            }
        }
    }

    /// <summary>Physical offsets that hold no logical element (the padding lanes of a blocked layout).</summary>
    public IEnumerable<long> PaddingOffsets()
    {
        if (PaddedChannels == Channels) yield break;
        for (var n = 0; n < Batch; n++)
        for (var c = Channels; c < PaddedChannels; c++)
        for (var z = 0; z < Z; z++)
        for (var y = 0; y < Y; y++)
        for (var x = 0; x < X; x++)
            yield return Offset(n, c, z, y, x);
    }

    public static DataLayout ForInput(Problem p) =>
        new(p.Case.Layout, p.Case.Batch, p.Case.InChannels, p.Case.Input);

    public static DataLayout ForOutput(Problem p) =>
        new(p.Case.Layout, p.Case.Batch, p.Case.OutChannels, p.Output);
}
