using System.Runtime.InteropServices;

namespace AccuracyHarness.OneDnn.Interop;

/// <summary>
/// dnnl_convolution_desc_t (and dnnl_deconvolution_desc_t, the same struct) of oneDNN 2.x: eight
/// memory descriptors, strides, dilations and pads, 5976 bytes aligned to 8 in 2.6. Opaque here:
/// the *_desc_init calls fill it and dnnl_primitive_desc_create reads it.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = Bytes)]
public unsafe struct DnnlOpDesc
{
    public const int Bytes = 5976;

    private fixed long _words[Bytes / sizeof(long)];
}
