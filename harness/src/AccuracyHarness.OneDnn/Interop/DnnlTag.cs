namespace AccuracyHarness.OneDnn.Interop;

/// <summary>
/// dnnl_format_tag_t values of oneDNN 2.6 (the enum is sequential, so they are read from a
/// compiled dnnl_types.h, not counted by hand). Letters name logical dimensions in order
/// (a = first); their order is the physical order; a capital with a number is a block of it.
/// oneDNN has no alias for the 1-D deconvolution weights: iow is bac and giow is acbd.
/// </summary>
public static class DnnlTag
{
    public const int Any = 1;
    public const int X = 2;

    public const int Ncw = 4;
    public const int Nchw = 5;
    public const int Ncdhw = 7;
    public const int Nwc = 17;
    public const int Nhwc = 20;
    public const int Ndhwc = 21;
    public const int NCw16c = 47;
    public const int NChw16c = 69;
    public const int NCdhw16c = 112;

    public const int Iow = 23;
    public const int Iohw = 24;
    public const int Iodhw = 25;
    public const int Giow = 6;
    public const int Giohw = 18;
    public const int Giodhw = 19;

    public const int Oiw = 4;
    public const int Oihw = 5;
    public const int Oidhw = 7;
    public const int Goiw = 5;
    public const int Goihw = 7;
    public const int Goidhw = 8;
}
