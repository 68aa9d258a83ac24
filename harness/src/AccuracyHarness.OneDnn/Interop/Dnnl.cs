using System.Runtime.InteropServices;

namespace AccuracyHarness.OneDnn.Interop;

/// <summary>
/// oneDNN's C API in the shapes the backends need: every call checked, every created object
/// wrapped in its SafeHandle at once. Values stay in oneDNN's terms (dims, tags, bytes); the
/// backends convert layouts and data types.
/// </summary>
public static unsafe class Dnnl
{
    private const int CpuEngine = 1;
    private const int ForwardInference = 96;
    private const int QueryImplInfoString = 8;
    private const uint StreamDefaultFlags = 1;

    /// <summary>DNNL_MEMORY_ALLOCATE: the library allocates (and later frees) the buffer.</summary>
    private static readonly void* Allocate = (void*)-1;

    public const int QuerySrcMd = 129;
    public const int QueryWeightsMd = 131;
    public const int QueryDstMd = 133;

    public const int DeconvolutionDirect = 0xa;
    public const int DeconvolutionWinograd = 0xb;
    public const int ConvolutionDirect = 0x1;
    public const int ConvolutionWinograd = 0x2;

    public static bool IsAvailable(out string reason) => DnnlLibrary.IsAvailable(out reason);

    /// <summary>The library file in use (the environment variable's, or the one the system's loader found).</summary>
    public static string LibraryPath => DnnlLibrary.MappedPath();

    /// <summary>"2.6.3 (commit N/A, CPU runtime OpenMP)".</summary>
    public static string Version()
    {
        var v = DnnlNative.dnnl_version();
        var hash = Marshal.PtrToStringUTF8(v->Hash) ?? "";
        var runtime = v->CpuRuntime switch { 1 => "sequential", 2 => "OpenMP", 4 => "TBB", 8 => "threadpool", _ => $"{v->CpuRuntime}" };
        return $"{v->Major}.{v->Minor}.{v->Patch} (commit {hash}, CPU runtime {runtime})";
    }

    /// <summary>The instruction set oneDNN's JIT generates code for (ONEDNN_MAX_CPU_ISA caps it), by dnnl_cpu_isa_t name.</summary>
    public static string EffectiveIsa()
    {
        var isa = DnnlNative.dnnl_get_effective_cpu_isa();
        return isa switch
        {
            0x0 => "all",
            0x1 => "sse41",
            0x3 => "avx",
            0x7 => "avx2",
            0xf => "avx512_mic",
            0x1f => "avx512_mic_4ops",
            0x27 => "avx512_core",
            0x67 => "avx512_core_vnni",
            0xe7 => "avx512_core_bf16",
            0x3e7 => "avx512_core_amx",
            0x407 => "avx2_vnni",
            _ => $"0x{isa:x}",
        };
    }

    public static DnnlEngineHandle CpuEngineHandle()
    {
        nint raw = 0;
        var status = DnnlNative.dnnl_engine_create(&raw, CpuEngine, 0);
        return Wrap<DnnlEngineHandle>(raw, status, "dnnl_engine_create");
    }

    public static DnnlStreamHandle Stream(DnnlEngineHandle engine)
    {
        nint raw = 0;
        var status = DnnlNative.dnnl_stream_create(&raw, engine, StreamDefaultFlags);
        return Wrap<DnnlStreamHandle>(raw, status, "dnnl_stream_create");
    }

    public static void Wait(DnnlStreamHandle stream) => DnnlStatus.Check(DnnlNative.dnnl_stream_wait(stream), "dnnl_stream_wait");

    public static DnnlMemoryDesc MemoryDesc(long[] dims, DnnlDataType type, int tag)
    {
        DnnlMemoryDesc desc;
        fixed (long* d = dims)
        {
            var status = DnnlNative.dnnl_memory_desc_init_by_tag(&desc, dims.Length, d, (int)type, tag);
            DnnlStatus.Check(status, "dnnl_memory_desc_init_by_tag");
        }
        return desc;
    }

    /// <summary>The region of <paramref name="parent"/> of size <paramref name="dims"/> starting at <paramref name="offsets"/>.</summary>
    public static DnnlMemoryDesc SubMemoryDesc(DnnlMemoryDesc parent, long[] dims, long[] offsets)
    {
        DnnlMemoryDesc desc;
        fixed (long* d = dims)
        fixed (long* o = offsets)
            DnnlStatus.Check(DnnlNative.dnnl_memory_desc_init_submemory(&desc, &parent, d, o), "dnnl_memory_desc_init_submemory");
        return desc;
    }

    public static bool Equal(DnnlMemoryDesc a, DnnlMemoryDesc b) => DnnlNative.dnnl_memory_desc_equal(&a, &b) != 0;

    /// <summary>Bytes a buffer of this descriptor takes, padding included.</summary>
    public static long Size(DnnlMemoryDesc desc) => (long)DnnlNative.dnnl_memory_desc_get_size(&desc);

    /// <param name="bias">Null: no bias term.</param>
    public static DnnlOpDesc DeconvolutionForward(
        int algorithm, DnnlMemoryDesc src, DnnlMemoryDesc weights, DnnlMemoryDesc? bias, DnnlMemoryDesc dst,
        long[] strides, long[] dilates, long[] paddingL, long[] paddingR) =>
        OpDesc(deconvolution: true, algorithm, src, weights, bias, dst, strides, dilates, paddingL, paddingR);

    /// <param name="bias">Null: no bias term.</param>
    public static DnnlOpDesc ConvolutionForward(
        int algorithm, DnnlMemoryDesc src, DnnlMemoryDesc weights, DnnlMemoryDesc? bias, DnnlMemoryDesc dst,
        long[] strides, long[] dilates, long[] paddingL, long[] paddingR) =>
        OpDesc(deconvolution: false, algorithm, src, weights, bias, dst, strides, dilates, paddingL, paddingR);

    /// <summary>The first implementation oneDNN offers for the operation with the attributes on the engine.</summary>
    public static DnnlPrimitiveDescHandle PrimitiveDesc(DnnlOpDesc op, DnnlEngineHandle engine, DnnlAttrHandle attr)
    {
        nint raw = 0;
        var status = DnnlNative.dnnl_primitive_desc_create(&raw, &op, attr, engine, 0);
        return Wrap<DnnlPrimitiveDescHandle>(raw, status, "dnnl_primitive_desc_create");
    }

    /// <summary>Empty primitive attributes (no scales, zero points or post-ops: what no attributes mean).</summary>
    public static DnnlAttrHandle Attributes()
    {
        nint raw = 0;
        var status = DnnlNative.dnnl_primitive_attr_create(&raw);
        return Wrap<DnnlAttrHandle>(raw, status, "dnnl_primitive_attr_create");
    }

    /// <summary>Output scales: one (mask 0) or one per output channel (mask 1 &lt;&lt; 1).</summary>
    public static void SetOutputScales(DnnlAttrHandle attr, float[] scales, int mask)
    {
        fixed (float* s = scales)
        {
            var status = DnnlNative.dnnl_primitive_attr_set_output_scales(attr, scales.Length, mask, s);
            DnnlStatus.Check(status, "dnnl_primitive_attr_set_output_scales");
        }
    }

    /// <summary>
    /// Zero points of <paramref name="arg"/> given at execution time (DNNL_RUNTIME_S32_VAL): <paramref name="count"/>
    /// of them, common (mask 0) or per channel (mask 1 &lt;&lt; 1).
    /// </summary>
    public static void SetRuntimeZeroPoints(DnnlAttrHandle attr, int arg, int count, int mask)
    {
        var runtime = Enumerable.Repeat(RuntimeS32, count).ToArray();
        fixed (int* z = runtime)
        {
            var status = DnnlNative.dnnl_primitive_attr_set_zero_points(attr, arg, count, mask, z);
            DnnlStatus.Check(status, "dnnl_primitive_attr_set_zero_points");
        }
    }

    /// <summary>DNNL_RUNTIME_S32_VAL: the value is given at execution time.</summary>
    private const int RuntimeS32 = int.MinValue;

    public const int EltwiseRelu = 0x1f;
    public const int EltwiseClip = 0xff;
    public const int BinaryAdd = 0x1fff0;

    /// <summary>A post-op chain built by <paramref name="append"/>, set on <paramref name="attr"/> (which copies it).</summary>
    public static void SetPostOps(DnnlAttrHandle attr, Action<DnnlPostOpsHandle> append)
    {
        nint raw = 0;
        var status = DnnlNative.dnnl_post_ops_create(&raw);
        using var postOps = Wrap<DnnlPostOpsHandle>(raw, status, "dnnl_post_ops_create");
        append(postOps);
        DnnlStatus.Check(DnnlNative.dnnl_primitive_attr_set_post_ops(attr, postOps), "dnnl_primitive_attr_set_post_ops");
    }

    /// <summary>An eltwise post-op (scale 1): relu (alpha: the slope below 0), clip (alpha, beta: the bounds).</summary>
    public static void AppendEltwise(DnnlPostOpsHandle postOps, int algorithm, float alpha, float beta) =>
        DnnlStatus.Check(DnnlNative.dnnl_post_ops_append_eltwise(postOps, 1f, algorithm, alpha, beta), "dnnl_post_ops_append_eltwise");

    /// <summary>dst = dst + scale * (dst_prev - zero_point), dst_prev of the destination's type.</summary>
    public static void AppendSum(DnnlPostOpsHandle postOps, float scale, int zeroPoint) =>
        DnnlStatus.Check(DnnlNative.dnnl_post_ops_append_sum_v3(postOps, scale, zeroPoint, 0), "dnnl_post_ops_append_sum_v3");

    /// <summary>A binary post-op whose second operand has descriptor <paramref name="operand"/>.</summary>
    public static void AppendBinary(DnnlPostOpsHandle postOps, int algorithm, DnnlMemoryDesc operand) =>
        DnnlStatus.Check(DnnlNative.dnnl_post_ops_append_binary(postOps, algorithm, &operand), "dnnl_post_ops_append_binary");

    public static DnnlPrimitiveDescHandle ReorderDesc(DnnlMemoryDesc src, DnnlMemoryDesc dst, DnnlEngineHandle engine)
    {
        nint raw = 0;
        var status = DnnlNative.dnnl_reorder_primitive_desc_create(&raw, &src, engine, &dst, engine, 0);
        return Wrap<DnnlPrimitiveDescHandle>(raw, status, "dnnl_reorder_primitive_desc_create");
    }

    /// <summary>A memory descriptor the implementation chose (e.g. <see cref="QueryWeightsMd"/>), copied out.</summary>
    public static DnnlMemoryDesc QueryMd(DnnlPrimitiveDescHandle pd, int what)
    {
        var desc = DnnlNative.dnnl_primitive_desc_query_md(pd, what, 0);
        return desc != null ? *desc : throw new DnnlException($"dnnl_primitive_desc_query_md({what})", DnnlStatus.InvalidArguments);
    }

    /// <summary>The implementation's name, e.g. "jit:avx512_core", "gemm:jit", "ref:any".</summary>
    public static string ImplInfo(DnnlPrimitiveDescHandle pd)
    {
        byte* text = null;
        var status = DnnlNative.dnnl_primitive_desc_query(pd, QueryImplInfoString, 0, &text);
        DnnlStatus.Check(status, "dnnl_primitive_desc_query(impl_info_str)");
        return Marshal.PtrToStringUTF8((nint)text) ?? "";
    }

    public static DnnlPrimitiveHandle Primitive(DnnlPrimitiveDescHandle pd)
    {
        nint raw = 0;
        var status = DnnlNative.dnnl_primitive_create(&raw, pd);
        return Wrap<DnnlPrimitiveHandle>(raw, status, "dnnl_primitive_create");
    }

    /// <summary>A memory object whose buffer oneDNN allocates and owns.</summary>
    public static DnnlMemoryHandle Memory(DnnlMemoryDesc desc, DnnlEngineHandle engine)
    {
        nint raw = 0;
        var status = DnnlNative.dnnl_memory_create(&raw, &desc, engine, Allocate);
        return Wrap<DnnlMemoryHandle>(raw, status, "dnnl_memory_create");
    }

    /// <summary>The bytes of a memory object's buffer, valid while the handle lives (CPU engine: the data itself).</summary>
    public static Span<byte> Bytes(DnnlMemoryHandle memory, long size)
    {
        void* data = null;
        DnnlStatus.Check(DnnlNative.dnnl_memory_get_data_handle(memory, &data), "dnnl_memory_get_data_handle");
        return new Span<byte>(data, checked((int)size));
    }

    public static void Execute(DnnlPrimitiveHandle primitive, DnnlStreamHandle stream, params (int Arg, DnnlMemoryHandle Memory)[] args)
    {
        var native = new DnnlExecArg[args.Length];
        var referenced = 0;
        try
        {
            for (; referenced < args.Length; referenced++)
            {
                var added = false;
                args[referenced].Memory.DangerousAddRef(ref added);
                native[referenced] = new DnnlExecArg { Arg = args[referenced].Arg, Memory = args[referenced].Memory.DangerousGetHandle() };
            }
            fixed (DnnlExecArg* a = native)
                DnnlStatus.Check(DnnlNative.dnnl_primitive_execute(primitive, stream, args.Length, a), "dnnl_primitive_execute");
        }
        finally
        {
            for (var i = 0; i < referenced; i++) args[i].Memory.DangerousRelease();
        }
    }

    private static DnnlOpDesc OpDesc(
        bool deconvolution, int algorithm, DnnlMemoryDesc src, DnnlMemoryDesc weights, DnnlMemoryDesc? bias, DnnlMemoryDesc dst,
        long[] strides, long[] dilates, long[] paddingL, long[] paddingR)
    {
        DnnlOpDesc op;
        var b = bias.GetValueOrDefault();
        var biasDesc = bias.HasValue ? &b : null;
        fixed (long* st = strides)
        fixed (long* di = dilates)
        fixed (long* pl = paddingL)
        fixed (long* pr = paddingR)
        {
            if (deconvolution)
            {
                var status = DnnlNative.dnnl_dilated_deconvolution_forward_desc_init(
                    &op, ForwardInference, algorithm, &src, &weights, biasDesc, &dst, st, di, pl, pr);
                DnnlStatus.Check(status, "dnnl_dilated_deconvolution_forward_desc_init");
            }
            else
            {
                var status = DnnlNative.dnnl_dilated_convolution_forward_desc_init(
                    &op, ForwardInference, algorithm, &src, &weights, biasDesc, &dst, st, di, pl, pr);
                DnnlStatus.Check(status, "dnnl_dilated_convolution_forward_desc_init");
            }
        }
        return op;
    }

    /// <summary>
    /// Wraps what a creator returned before checking its status, so that no created object can
    /// leak. Callers take the status into a local first: an argument list would read raw before the call.
    /// </summary>
    private static T Wrap<T>(nint raw, int status, string call) where T : DnnlHandle, new()
    {
        var handle = new T();
        if (raw != 0) Marshal.InitHandle(handle, raw);
        if (status == DnnlStatus.Success) return handle;
        handle.Dispose();
        throw new DnnlException(call, status);
    }
}
