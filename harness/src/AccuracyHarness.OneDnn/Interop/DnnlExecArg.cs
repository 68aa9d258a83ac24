using System.Runtime.InteropServices;

namespace AccuracyHarness.OneDnn.Interop;

/// <summary>dnnl_exec_arg_t: { int arg; dnnl_memory_t memory; } (16 bytes on 64-bit).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct DnnlExecArg
{
    public int Arg;
    public nint Memory;
}
