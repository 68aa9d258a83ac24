using System.Text;

namespace AccuracyHarness.OpenCL.Interop;

/// <summary>
/// Managed faces of the native calls: spans and strings in, SafeHandles out, every status
/// checked. Platform and device ids are plain values (OpenCL does not reference-count them).
/// </summary>
internal static unsafe class Cl
{
    public static nint[] Platforms()
    {
        uint count;
        var status = ClNative.clGetPlatformIDs(0, null, &count);
        // The ICD loader answers CL_PLATFORM_NOT_FOUND_KHR when no vendor is registered: that is "none".
        if (status == -1001) return [];
        ClStatus.Check(status, "clGetPlatformIDs");
        var ids = new nint[count];
        fixed (nint* p = ids) ClStatus.Check(ClNative.clGetPlatformIDs(count, p, null), "clGetPlatformIDs");
        return ids;
    }

    public static nint[] Devices(nint platform)
    {
        uint count;
        var status = ClNative.clGetDeviceIDs(platform, ClConstants.DeviceTypeAll, 0, null, &count);
        if (status == -1) return [];
        ClStatus.Check(status, "clGetDeviceIDs");
        var ids = new nint[count];
        fixed (nint* p = ids) ClStatus.Check(ClNative.clGetDeviceIDs(platform, ClConstants.DeviceTypeAll, count, p, null),
            "clGetDeviceIDs");
        return ids;
    }

    public static string PlatformString(nint platform, uint name)
    {
        nuint size;
        ClStatus.Check(ClNative.clGetPlatformInfo(platform, name, 0, null, &size), "clGetPlatformInfo");
        var bytes = new byte[size];
        fixed (byte* p = bytes) ClStatus.Check(ClNative.clGetPlatformInfo(platform, name, size, p, null), "clGetPlatformInfo");
        return Text(bytes);
    }

    public static string DeviceString(nint device, uint name)
    {
        nuint size;
        ClStatus.Check(ClNative.clGetDeviceInfo(device, name, 0, null, &size), "clGetDeviceInfo");
        var bytes = new byte[size];
        fixed (byte* p = bytes) ClStatus.Check(ClNative.clGetDeviceInfo(device, name, size, p, null), "clGetDeviceInfo");
        return Text(bytes);
    }

    public static uint DeviceUInt(nint device, uint name)
    {
        uint value;
        ClStatus.Check(ClNative.clGetDeviceInfo(device, name, sizeof(uint), &value, null), "clGetDeviceInfo");
        return value;
    }

    public static ClContextHandle CreateContext(nint device)
    {
        int status;
        var context = ClNative.clCreateContext(null, 1, &device, 0, 0, &status);
        return Checked(context, status, "clCreateContext");
    }

    public static ClQueueHandle CreateQueue(ClContextHandle context, nint device)
    {
        int status;
        var queue = ClNative.clCreateCommandQueue(context, device, ClConstants.QueueProfilingEnable, &status);
        return Checked(queue, status, "clCreateCommandQueue");
    }

    public static ClMemHandle CreateBuffer(ClContextHandle context, ulong flags, long bytes)
    {
        int status;
        var buffer = ClNative.clCreateBuffer(context, flags, (nuint)bytes, null, &status);
        return Checked(buffer, status, "clCreateBuffer");
    }

    public static void Write(ClQueueHandle queue, ClMemHandle buffer, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
            ClStatus.Check(ClNative.clEnqueueWriteBuffer(queue, buffer, ClConstants.True, 0, (nuint)data.Length, p, 0, null, null),
                "clEnqueueWriteBuffer");
    }

    public static void Read(ClQueueHandle queue, ClMemHandle buffer, Span<byte> data)
    {
        fixed (byte* p = data)
            ClStatus.Check(ClNative.clEnqueueReadBuffer(queue, buffer, ClConstants.True, 0, (nuint)data.Length, p, 0, null, null),
                "clEnqueueReadBuffer");
    }

    /// <summary>
    /// Fills <paramref name="size"/> bytes from <paramref name="offset"/> with a repeated pattern (1 to 128 bytes, a power of
    /// two). Not waited for: the queue is in order, so every later command sees the fill done.
    /// </summary>
    public static void Fill(ClQueueHandle queue, ClMemHandle buffer, ReadOnlySpan<byte> pattern, long offset, long size)
    {
        fixed (byte* p = pattern)
            ClStatus.Check(ClNative.clEnqueueFillBuffer(queue, buffer, p, (nuint)pattern.Length, (nuint)offset, (nuint)size, 0, null, null),
                "clEnqueueFillBuffer");
    }

    /// <summary>Builds for one device from source; a failed build throws with the device's build log.</summary>
    public static ClProgramHandle BuildProgram(ClContextHandle context, nint device, string source, string options)
    {
        var sourceBytes = Encoding.UTF8.GetBytes(source);
        int status;
        ClProgramHandle program;
        fixed (byte* s = sourceBytes)
        {
            var strings = s;
            var length = (nuint)sourceBytes.Length;
            program = Checked(ClNative.clCreateProgramWithSource(context, 1, &strings, &length, &status), status,
                "clCreateProgramWithSource");
        }
        return Built(program, device, options);
    }

    /// <summary>
    /// Builds for one device from a binary that <see cref="ProgramBinary"/> returned; a binary the device rejects throws
    /// (CL_INVALID_BINARY or a failed build), so the caller can fall back to the source.
    /// </summary>
    public static ClProgramHandle BuildProgram(ClContextHandle context, nint device, ReadOnlySpan<byte> binary, string options)
    {
        int status, binaryStatus;
        ClProgramHandle program;
        fixed (byte* b = binary)
        {
            var binaries = b;
            var length = (nuint)binary.Length;
            program = Checked(ClNative.clCreateProgramWithBinary(context, 1, &device, &length, &binaries, &binaryStatus, &status),
                status, "clCreateProgramWithBinary");
        }
        if (binaryStatus != ClStatus.Success)
        {
            program.Dispose();
            ClStatus.Check(binaryStatus, "clCreateProgramWithBinary");
        }
        return Built(program, device, options);
    }

    /// <summary>The device binary of a program built for one device.</summary>
    public static byte[] ProgramBinary(ClProgramHandle program)
    {
        nuint size;
        ClStatus.Check(ClNative.clGetProgramInfo(program, ClConstants.ProgramBinarySizes, (nuint)sizeof(nuint), &size, null),
            "clGetProgramInfo(CL_PROGRAM_BINARY_SIZES)");
        var binary = new byte[size];
        fixed (byte* b = binary)
        {
            var pointers = b;
            ClStatus.Check(ClNative.clGetProgramInfo(program, ClConstants.ProgramBinaries, (nuint)sizeof(nint), &pointers, null),
                "clGetProgramInfo(CL_PROGRAM_BINARIES)");
        }
        return binary;
    }

    private static ClProgramHandle Built(ClProgramHandle program, nint device, string options)
    {
        var optionBytes = Encoding.UTF8.GetBytes(options + "\0");
        int status;
        fixed (byte* o = optionBytes) status = ClNative.clBuildProgram(program, 1, &device, o, 0, 0);
        if (status != ClStatus.Success)
        {
            var log = BuildLog(program, device);
            program.Dispose();
            throw new ClException("clBuildProgram", status, log);
        }
        return program;
    }

    public static string BuildLog(ClProgramHandle program, nint device)
    {
        nuint size;
        ClStatus.Check(ClNative.clGetProgramBuildInfo(program, device, ClConstants.ProgramBuildLog, 0, null, &size),
            "clGetProgramBuildInfo");
        var bytes = new byte[size];
        fixed (byte* p = bytes) ClStatus.Check(ClNative.clGetProgramBuildInfo(program, device, ClConstants.ProgramBuildLog, size, p, null),
            "clGetProgramBuildInfo");
        return Text(bytes);
    }

    public static ClKernelHandle CreateKernel(ClProgramHandle program, string entry)
    {
        var name = Encoding.UTF8.GetBytes(entry + "\0");
        int status;
        fixed (byte* n = name)
        {
            var kernel = ClNative.clCreateKernel(program, n, &status);
            return Checked(kernel, status, $"clCreateKernel({entry})");
        }
    }

    public static void SetArg(ClKernelHandle kernel, uint index, ClMemHandle buffer)
    {
        var success = false;
        buffer.DangerousAddRef(ref success);
        try
        {
            var raw = buffer.DangerousGetHandle();
            ClStatus.Check(ClNative.clSetKernelArg(kernel, index, (nuint)sizeof(nint), &raw), $"clSetKernelArg({index})");
        }
        finally
        {
            if (success) buffer.DangerousRelease();
        }
    }

    /// <summary>A scalar argument (an int or a float, by the type of <paramref name="value"/>).</summary>
    public static void SetArg<T>(ClKernelHandle kernel, uint index, T value)
        where T : unmanaged
    {
        ClStatus.Check(ClNative.clSetKernelArg(kernel, index, (nuint)sizeof(T), &value), $"clSetKernelArg({index})");
    }

    /// <summary>
    /// Enqueues a range of 1 to 3 dimensions and returns its event (for the profiling times); a null
    /// <paramref name="local"/> leaves the work-group size to the driver.
    /// </summary>
    public static ClEventHandle Enqueue(ClQueueHandle queue, ClKernelHandle kernel, long[] global, long[]? local)
    {
        var g = stackalloc nuint[global.Length];
        var l = stackalloc nuint[global.Length];
        for (var i = 0; i < global.Length; i++)
        {
            g[i] = (nuint)global[i];
            l[i] = local is null ? 0 : (nuint)local[i];
        }
        nint evt;
        var status = ClNative.clEnqueueNDRangeKernel(queue, kernel, (uint)global.Length, null, g, local is null ? null : l, 0, null, &evt);
        ClStatus.Check(status, "clEnqueueNDRangeKernel");
        return new ClEventHandle(evt);
    }

    public static void Finish(ClQueueHandle queue) => ClStatus.Check(ClNative.clFinish(queue), "clFinish");

    /// <summary>Device time between the start and the end of a finished command.</summary>
    public static TimeSpan Duration(ClEventHandle evt)
    {
        ulong start, end;
        var raw = evt.DangerousGetHandle();
        ClStatus.Check(ClNative.clGetEventProfilingInfo(raw, ClConstants.ProfilingCommandStart, sizeof(ulong), &start, null),
            "clGetEventProfilingInfo");
        ClStatus.Check(ClNative.clGetEventProfilingInfo(raw, ClConstants.ProfilingCommandEnd, sizeof(ulong), &end, null),
            "clGetEventProfilingInfo");
        return TimeSpan.FromTicks((long)(end - start) / 100);
    }

    private static T Checked<T>(T handle, int status, string call)
        where T : ClHandle
    {
        if (status != ClStatus.Success) handle.Dispose();
        ClStatus.Check(status, call);
        return handle;
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes).TrimEnd('\0').Trim();
}
