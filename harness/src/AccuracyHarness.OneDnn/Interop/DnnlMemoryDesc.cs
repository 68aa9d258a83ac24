using System.Runtime.InteropServices;

namespace AccuracyHarness.OneDnn.Interop;

/// <summary>
/// dnnl_memory_desc_t of oneDNN 2.x, passed by pointer and never read field by field here: an
/// opaque buffer of its size (696 bytes) and alignment (8), as gcc reports them for dnnl_types.h
/// of 2.6. The one field read is the data type (an int at offset 104, after ndims and dims[12]).
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = Bytes)]
public unsafe struct DnnlMemoryDesc
{
    public const int Bytes = 696;

    private const int DataTypeOffset = 104;

    private fixed long _words[Bytes / sizeof(long)];

    public readonly DnnlDataType DataType
    {
        get
        {
            fixed (long* words = _words) return (DnnlDataType)((int*)words)[DataTypeOffset / sizeof(int)];
        }
    }
}
