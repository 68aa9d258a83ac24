namespace AccuracyHarness.OpenCL.Manifests;

/// <summary>
/// The order of the weights a kernel reads (manifest field <c>weights</c>), converted by the harness
/// from ONNX order. <c>oiyx</c> and <c>goiyx</c> hold the same memory ([G][M/G][C/G][k...] is
/// [M][C/G][k...]); the names say how a kernel indexes it.
/// </summary>
public enum WeightsOrder
{
    /// <summary>ONNX order [C, M/G, k...], as today.</summary>
    Ioyx,

    /// <summary>[M, C/G, k...], taps not flipped (OpenVINO's deconvolution filter).</summary>
    Oiyx,

    /// <summary>[G, M/G, C/G, k...], taps not flipped.</summary>
    Goiyx,

    /// <summary>[M, C/G, k...] with every spatial axis reversed: the weights of the equivalent convolution.</summary>
    OiyxFlipped,

    /// <summary>
    /// OpenVINO's <c>os_is_yx_isv16_osv16</c> (per group): output channels in blocks of 16, input
    /// channels in blocks of 16, taps not flipped; the blocks' tails are zero.
    /// </summary>
    OsIsYxIsv16Osv16,
}
