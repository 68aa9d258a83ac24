using System.Runtime.InteropServices;

namespace AccuracyHarness.OneDnn.Interop;

/// <summary>
/// The oneDNN 2.x C API calls the harness uses (signatures from dnnl.h of 2.6). Every status they
/// return goes through <see cref="DnnlStatus.Check"/>; nothing outside this folder calls native code.
/// </summary>
internal static unsafe partial class DnnlNative
{
    private const string Library = DnnlLibrary.FileName;

    /// <summary>Installs <see cref="DnnlLibrary"/>'s resolver before the first call binds.</summary>
    static DnnlNative() => DnnlLibrary.IsAvailable(out _);

    [LibraryImport(Library)]
    internal static partial DnnlVersion* dnnl_version();

    [LibraryImport(Library)]
    internal static partial int dnnl_get_effective_cpu_isa();

    [LibraryImport(Library)]
    internal static partial int dnnl_engine_create(nint* engine, int kind, nuint index);

    [LibraryImport(Library)]
    internal static partial int dnnl_engine_destroy(nint engine);

    [LibraryImport(Library)]
    internal static partial int dnnl_stream_create(nint* stream, DnnlEngineHandle engine, uint flags);

    [LibraryImport(Library)]
    internal static partial int dnnl_stream_wait(DnnlStreamHandle stream);

    [LibraryImport(Library)]
    internal static partial int dnnl_stream_destroy(nint stream);

    [LibraryImport(Library)]
    internal static partial int dnnl_memory_desc_init_by_tag(DnnlMemoryDesc* desc, int ndims, long* dims, int dataType, int tag);

    [LibraryImport(Library)]
    internal static partial int dnnl_memory_desc_init_submemory(DnnlMemoryDesc* desc, DnnlMemoryDesc* parent, long* dims, long* offsets);

    [LibraryImport(Library)]
    internal static partial int dnnl_memory_desc_equal(DnnlMemoryDesc* lhs, DnnlMemoryDesc* rhs);

    [LibraryImport(Library)]
    internal static partial nuint dnnl_memory_desc_get_size(DnnlMemoryDesc* desc);

    [LibraryImport(Library)]
    internal static partial int dnnl_memory_create(nint* memory, DnnlMemoryDesc* desc, DnnlEngineHandle engine, void* handle);

    [LibraryImport(Library)]
    internal static partial int dnnl_memory_get_data_handle(DnnlMemoryHandle memory, void** handle);

    [LibraryImport(Library)]
    internal static partial int dnnl_memory_destroy(nint memory);

    [LibraryImport(Library)]
    internal static partial int dnnl_dilated_deconvolution_forward_desc_init(
        DnnlOpDesc* desc, int propKind, int algKind, DnnlMemoryDesc* src, DnnlMemoryDesc* weights, DnnlMemoryDesc* bias,
        DnnlMemoryDesc* dst, long* strides, long* dilates, long* paddingL, long* paddingR);

    [LibraryImport(Library)]
    internal static partial int dnnl_dilated_convolution_forward_desc_init(
        DnnlOpDesc* desc, int propKind, int algKind, DnnlMemoryDesc* src, DnnlMemoryDesc* weights, DnnlMemoryDesc* bias,
        DnnlMemoryDesc* dst, long* strides, long* dilates, long* paddingL, long* paddingR);

    [LibraryImport(Library)]
    internal static partial int dnnl_primitive_desc_create(
        nint* primitiveDesc, DnnlOpDesc* opDesc, DnnlAttrHandle attr, DnnlEngineHandle engine, nint hint);

    [LibraryImport(Library)]
    internal static partial int dnnl_reorder_primitive_desc_create(
        nint* primitiveDesc, DnnlMemoryDesc* src, DnnlEngineHandle srcEngine, DnnlMemoryDesc* dst, DnnlEngineHandle dstEngine, nint attr);

    [LibraryImport(Library)]
    internal static partial int dnnl_primitive_desc_query(DnnlPrimitiveDescHandle primitiveDesc, int what, int index, void* result);

    [LibraryImport(Library)]
    internal static partial DnnlMemoryDesc* dnnl_primitive_desc_query_md(DnnlPrimitiveDescHandle primitiveDesc, int what, int index);

    [LibraryImport(Library)]
    internal static partial int dnnl_primitive_desc_destroy(nint primitiveDesc);

    [LibraryImport(Library)]
    internal static partial int dnnl_primitive_create(nint* primitive, DnnlPrimitiveDescHandle primitiveDesc);

    [LibraryImport(Library)]
    internal static partial int dnnl_primitive_execute(
        DnnlPrimitiveHandle primitive, DnnlStreamHandle stream, int nargs, DnnlExecArg* args);

    [LibraryImport(Library)]
    internal static partial int dnnl_primitive_destroy(nint primitive);

    [LibraryImport(Library)]
    internal static partial int dnnl_primitive_attr_create(nint* attr);

    [LibraryImport(Library)]
    internal static partial int dnnl_primitive_attr_destroy(nint attr);

    [LibraryImport(Library)]
    internal static partial int dnnl_primitive_attr_set_output_scales(DnnlAttrHandle attr, long count, int mask, float* scales);

    [LibraryImport(Library)]
    internal static partial int dnnl_primitive_attr_set_zero_points(DnnlAttrHandle attr, int arg, long count, int mask, int* zeroPoints);

    [LibraryImport(Library)]
    internal static partial int dnnl_primitive_attr_set_post_ops(DnnlAttrHandle attr, DnnlPostOpsHandle postOps);

    [LibraryImport(Library)]
    internal static partial int dnnl_post_ops_create(nint* postOps);

    [LibraryImport(Library)]
    internal static partial int dnnl_post_ops_destroy(nint postOps);

    [LibraryImport(Library)]
    internal static partial int dnnl_post_ops_append_eltwise(DnnlPostOpsHandle postOps, float scale, int algKind, float alpha, float beta);

    [LibraryImport(Library)]
    internal static partial int dnnl_post_ops_append_sum_v3(DnnlPostOpsHandle postOps, float scale, int zeroPoint, int dataType);

    [LibraryImport(Library)]
    internal static partial int dnnl_post_ops_append_binary(DnnlPostOpsHandle postOps, int algKind, DnnlMemoryDesc* src1);
}
