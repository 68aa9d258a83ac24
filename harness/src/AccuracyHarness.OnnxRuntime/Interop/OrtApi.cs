using System.Runtime.InteropServices;

namespace AccuracyHarness.OnnxRuntime.Interop;

/// <summary>
/// ONNX Runtime's C API. The library exports only OrtGetApiBase; everything else is a function
/// pointer in the OrtApi table, at the slot given by its position in the OrtApi struct of
/// onnxruntime_c_api.h. The table is append-only, so these slots hold for every later version.
/// This class is the one place that names slots: a wrong index calls the wrong function, so each
/// slot used here is exercised by the interop tests.
/// </summary>
internal static unsafe class OrtApi
{
    /// <summary>
    /// The oldest API version that has every slot used here (GetBuildInfoString came in 1.15):
    /// asking for it, rather than the newest, lets older user builds load too.
    /// </summary>
    public const uint ApiVersion = 15;

    private const int SlotCreateStatus = 0;
    private const int SlotGetErrorCode = 1;
    private const int SlotGetErrorMessage = 2;
    private const int SlotCreateEnv = 3;
    private const int SlotCreateSessionFromArray = 8;
    private const int SlotRun = 9;
    private const int SlotCreateSessionOptions = 10;
    private const int SlotSetIntraOpNumThreads = 24;
    private const int SlotSetInterOpNumThreads = 25;
    private const int SlotCreateTensorWithDataAsOrtValue = 49;
    private const int SlotGetTensorMutableData = 51;
    private const int SlotGetTensorElementType = 60;
    private const int SlotGetDimensionsCount = 61;
    private const int SlotGetDimensions = 62;
    private const int SlotGetTensorTypeAndShape = 65;
    private const int SlotCreateCpuMemoryInfo = 69;
    private const int SlotReleaseEnv = 92;
    private const int SlotReleaseStatus = 93;
    private const int SlotReleaseMemoryInfo = 94;
    private const int SlotReleaseSession = 95;
    private const int SlotReleaseValue = 96;
    private const int SlotReleaseTensorTypeAndShapeInfo = 99;
    private const int SlotReleaseSessionOptions = 100;
    private const int SlotAddSessionConfigEntry = 130;
    private const int SlotGetBuildInfoString = 254;

    /// <summary>OrtApiBase: { const OrtApi* GetApi(uint32_t version); const char* GetVersionString(void); }.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct OrtApiBase
    {
        public readonly delegate* unmanaged<uint, nint*> GetApi;
        public readonly delegate* unmanaged<byte*> GetVersionString;
    }

    private static readonly Lazy<(nint Table, string Version)> Api = new(Bind, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>ONNX Runtime's version string, e.g. "1.23.2".</summary>
    public static string Version => Api.Value.Version;

    private static (nint, string) Bind()
    {
        var getApiBase = (delegate* unmanaged<OrtApiBase*>)NativeLibrary.GetExport(OrtLibrary.Handle, "OrtGetApiBase");
        var apiBase = getApiBase();
        var version = Marshal.PtrToStringUTF8((nint)apiBase->GetVersionString()) ?? "";
        var table = apiBase->GetApi(ApiVersion);
        if (table == null)
        {
            throw new OnnxRuntimeUnavailableException(
                $"ONNX Runtime {version} at {OrtLibrary.PathLoaded} does not provide C API version {ApiVersion} (1.15 or later is needed)");
        }
        return ((nint)table, version);
    }

    private static nint Slot(int index) => ((nint*)Api.Value.Table)[index];

    public static delegate* unmanaged<int, byte*, nint> CreateStatus => (delegate* unmanaged<int, byte*, nint>)Slot(SlotCreateStatus);

    public static delegate* unmanaged<nint, int> GetErrorCode => (delegate* unmanaged<nint, int>)Slot(SlotGetErrorCode);

    public static delegate* unmanaged<nint, byte*> GetErrorMessage => (delegate* unmanaged<nint, byte*>)Slot(SlotGetErrorMessage);

    /// <summary>(OrtLoggingLevel, const char* logid, OrtEnv** out).</summary>
    public static delegate* unmanaged<int, byte*, nint*, nint> CreateEnv =>
        (delegate* unmanaged<int, byte*, nint*, nint>)Slot(SlotCreateEnv);

    /// <summary>(const OrtEnv*, const void* model, size_t length, const OrtSessionOptions*, OrtSession** out).</summary>
    public static delegate* unmanaged<nint, void*, nuint, nint, nint*, nint> CreateSessionFromArray =>
        (delegate* unmanaged<nint, void*, nuint, nint, nint*, nint>)Slot(SlotCreateSessionFromArray);

    /// <summary>(OrtSession*, const OrtRunOptions*, input names, const OrtValue* const* inputs, size_t count, output names, size_t count,
    /// OrtValue** outputs).</summary>
    public static delegate* unmanaged<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint> Run =>
        (delegate* unmanaged<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint>)Slot(SlotRun);

    public static delegate* unmanaged<nint*, nint> CreateSessionOptions => (delegate* unmanaged<nint*, nint>)Slot(SlotCreateSessionOptions);

    public static delegate* unmanaged<nint, int, nint> SetIntraOpNumThreads =>
        (delegate* unmanaged<nint, int, nint>)Slot(SlotSetIntraOpNumThreads);

    public static delegate* unmanaged<nint, int, nint> SetInterOpNumThreads =>
        (delegate* unmanaged<nint, int, nint>)Slot(SlotSetInterOpNumThreads);

    /// <summary>(const OrtMemoryInfo*, void* data, size_t bytes, const int64_t* shape, size_t rank, ONNXTensorElementDataType, OrtValue**
    /// out).</summary>
    public static delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue =>
        (delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint>)Slot(SlotCreateTensorWithDataAsOrtValue);

    public static delegate* unmanaged<nint, void**, nint> GetTensorMutableData =>
        (delegate* unmanaged<nint, void**, nint>)Slot(SlotGetTensorMutableData);

    public static delegate* unmanaged<nint, int*, nint> GetTensorElementType =>
        (delegate* unmanaged<nint, int*, nint>)Slot(SlotGetTensorElementType);

    public static delegate* unmanaged<nint, nuint*, nint> GetDimensionsCount =>
        (delegate* unmanaged<nint, nuint*, nint>)Slot(SlotGetDimensionsCount);

    public static delegate* unmanaged<nint, long*, nuint, nint> GetDimensions =>
        (delegate* unmanaged<nint, long*, nuint, nint>)Slot(SlotGetDimensions);

    public static delegate* unmanaged<nint, nint*, nint> GetTensorTypeAndShape =>
        (delegate* unmanaged<nint, nint*, nint>)Slot(SlotGetTensorTypeAndShape);

    /// <summary>(OrtAllocatorType, OrtMemType, OrtMemoryInfo** out).</summary>
    public static delegate* unmanaged<int, int, nint*, nint> CreateCpuMemoryInfo =>
        (delegate* unmanaged<int, int, nint*, nint>)Slot(SlotCreateCpuMemoryInfo);

    public static delegate* unmanaged<nint, void> ReleaseEnv => (delegate* unmanaged<nint, void>)Slot(SlotReleaseEnv);

    public static delegate* unmanaged<nint, void> ReleaseStatus => (delegate* unmanaged<nint, void>)Slot(SlotReleaseStatus);

    public static delegate* unmanaged<nint, void> ReleaseMemoryInfo => (delegate* unmanaged<nint, void>)Slot(SlotReleaseMemoryInfo);

    public static delegate* unmanaged<nint, void> ReleaseSession => (delegate* unmanaged<nint, void>)Slot(SlotReleaseSession);

    public static delegate* unmanaged<nint, void> ReleaseValue => (delegate* unmanaged<nint, void>)Slot(SlotReleaseValue);

    public static delegate* unmanaged<nint, void> ReleaseTensorTypeAndShapeInfo =>
        (delegate* unmanaged<nint, void>)Slot(SlotReleaseTensorTypeAndShapeInfo);

    public static delegate* unmanaged<nint, void> ReleaseSessionOptions => (delegate* unmanaged<nint, void>)Slot(SlotReleaseSessionOptions);

    /// <summary>(OrtSessionOptions*, const char* key, const char* value).</summary>
    public static delegate* unmanaged<nint, byte*, byte*, nint> AddSessionConfigEntry =>
        (delegate* unmanaged<nint, byte*, byte*, nint>)Slot(SlotAddSessionConfigEntry);

    public static delegate* unmanaged<byte*> GetBuildInfoString => (delegate* unmanaged<byte*>)Slot(SlotGetBuildInfoString);

    /// <summary>
    /// The one status check: a non-null OrtStatus becomes an <see cref="OrtException"/> with the
    /// error code and ONNX Runtime's message, and the status is released.
    /// </summary>
    public static void Check(nint status)
    {
        if (status == 0) return;
        int code;
        string message;
        try
        {
            code = GetErrorCode(status);
            message = Marshal.PtrToStringUTF8((nint)GetErrorMessage(status)) ?? "";
        }
        finally
        {
            ReleaseStatus(status);
        }
        throw new OrtException((OrtErrorCode)code, message);
    }
}
