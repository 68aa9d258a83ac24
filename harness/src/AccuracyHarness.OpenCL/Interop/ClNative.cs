using System.Reflection;
using System.Runtime.InteropServices;

namespace AccuracyHarness.OpenCL.Interop;

/// <summary>
/// The OpenCL C API calls the harness uses, bound to the ICD loader. Every status these return
/// goes through <see cref="ClStatus.Check"/>; nothing outside this folder calls native code.
/// </summary>
internal static unsafe partial class ClNative
{
    /// <summary>The versioned soname: the unversioned one only exists with development packages.</summary>
    internal const string Library = "libOpenCL.so.1";

    private static readonly string[] Candidates = [Library, "libOpenCL.so"];

    static ClNative() => NativeLibrary.SetDllImportResolver(typeof(ClNative).Assembly, Resolve);

    /// <summary>
    /// Touching this runs the static constructor (and so installs the resolver) before the first
    /// native call; it says whether a loader could be loaded, with the reason when not.
    /// </summary>
    internal static bool TryLoad(out string error)
    {
        foreach (var name in Candidates)
        {
            if (NativeLibrary.TryLoad(name, out _))
            {
                error = "";
                return true;
            }
        }
        error = $"the OpenCL ICD loader ({Library}) could not be loaded";
        return false;
    }

    /// <summary>A resolver must not throw: it answers zero and lets the runtime report the failure.</summary>
    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Library) return 0;
        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle)) return handle;
        }
        return 0;
    }

    [LibraryImport(Library)]
    internal static partial int clGetPlatformIDs(uint numEntries, nint* platforms, uint* numPlatforms);

    [LibraryImport(Library)]
    internal static partial int clGetPlatformInfo(nint platform, uint name, nuint size, void* value, nuint* sizeRet);

    [LibraryImport(Library)]
    internal static partial int clGetDeviceIDs(nint platform, ulong type, uint numEntries, nint* devices, uint* numDevices);

    [LibraryImport(Library)]
    internal static partial int clGetDeviceInfo(nint device, uint name, nuint size, void* value, nuint* sizeRet);

    [LibraryImport(Library)]
    internal static partial ClContextHandle clCreateContext(nint* properties, uint numDevices, nint* devices, nint notify, nint userData,
        int* status);

    [LibraryImport(Library)]
    internal static partial int clReleaseContext(nint context);

    /// <summary>The OpenCL 1.2 entry point: Oclgrind implements 1.2 only.</summary>
    [LibraryImport(Library)]
    internal static partial ClQueueHandle clCreateCommandQueue(ClContextHandle context, nint device, ulong properties, int* status);

    [LibraryImport(Library)]
    internal static partial int clReleaseCommandQueue(nint queue);

    [LibraryImport(Library)]
    internal static partial int clFinish(ClQueueHandle queue);

    [LibraryImport(Library)]
    internal static partial ClMemHandle clCreateBuffer(ClContextHandle context, ulong flags, nuint size, void* hostPtr, int* status);

    [LibraryImport(Library)]
    internal static partial int clReleaseMemObject(nint memory);

    [LibraryImport(Library)]
    internal static partial int clEnqueueWriteBuffer(ClQueueHandle queue, ClMemHandle buffer, uint blocking, nuint offset, nuint size,
        void* source, uint numEvents, nint* waitList, nint* evt);

    [LibraryImport(Library)]
    internal static partial int clEnqueueReadBuffer(ClQueueHandle queue, ClMemHandle buffer, uint blocking, nuint offset, nuint size,
        void* destination, uint numEvents, nint* waitList, nint* evt);

    [LibraryImport(Library)]
    internal static partial int clEnqueueFillBuffer(ClQueueHandle queue, ClMemHandle buffer, void* pattern, nuint patternSize,
        nuint offset, nuint size, uint numEvents, nint* waitList, nint* evt);

    [LibraryImport(Library)]
    internal static partial ClProgramHandle clCreateProgramWithSource(ClContextHandle context, uint count, byte** strings, nuint* lengths,
        int* status);

    [LibraryImport(Library)]
    internal static partial ClProgramHandle clCreateProgramWithBinary(ClContextHandle context, uint numDevices, nint* devices,
        nuint* lengths, byte** binaries, int* binaryStatus, int* status);

    [LibraryImport(Library)]
    internal static partial int clGetProgramInfo(ClProgramHandle program, uint name, nuint size, void* value, nuint* sizeRet);

    [LibraryImport(Library)]
    internal static partial int clBuildProgram(ClProgramHandle program, uint numDevices, nint* devices, byte* options, nint notify,
        nint userData);

    [LibraryImport(Library)]
    internal static partial int clGetProgramBuildInfo(ClProgramHandle program, nint device, uint name, nuint size, void* value,
        nuint* sizeRet);

    [LibraryImport(Library)]
    internal static partial int clReleaseProgram(nint program);

    [LibraryImport(Library)]
    internal static partial ClKernelHandle clCreateKernel(ClProgramHandle program, byte* name, int* status);

    [LibraryImport(Library)]
    internal static partial int clReleaseKernel(nint kernel);

    [LibraryImport(Library)]
    internal static partial int clSetKernelArg(ClKernelHandle kernel, uint index, nuint size, void* value);

    [LibraryImport(Library)]
    internal static partial int clEnqueueNDRangeKernel(ClQueueHandle queue, ClKernelHandle kernel, uint workDim, nuint* offset,
        nuint* global, nuint* local, uint numEvents, nint* waitList, nint* evt);

    [LibraryImport(Library)]
    internal static partial int clGetEventProfilingInfo(nint evt, uint name, nuint size, void* value, nuint* sizeRet);

    [LibraryImport(Library)]
    internal static partial int clReleaseEvent(nint evt);
}
