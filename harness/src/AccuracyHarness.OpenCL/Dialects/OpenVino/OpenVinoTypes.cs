using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.OpenCL.Dialects.OpenVino;

/// <summary>
/// The per-type macros OpenVINO's kernel selector generates for a prefix (<c>MakeTypeJitConstants</c>
/// in jitter.cpp): NAME_TYPE, its limits, one and zero, conversions and min/max/abs functions.
/// </summary>
internal static class OpenVinoTypes
{
    public static void Add(JitDefinitions jit, string name, DataType type)
    {
        var f32 = type == DataType.F32;
        var cl = f32 ? "float" : "half";
        jit.Add($"{name}_TYPE", cl)
            .Add($"{name}_VAL_MAX", f32 ? "FLT_MAX" : "HALF_MAX")
            .Add($"{name}_VAL_MIN", $"-{name}_VAL_MAX")
            .Add($"{name}_VAL_ONE", f32 ? "1.0f" : "1.0h")
            .Add($"{name}_VAL_ZERO", f32 ? "0.0f" : "0.0h")
            .Add($"TO_{name}_TYPE(v)", $"convert_{cl}(v)")
            .Add($"TO_{name}_TYPE_SAT(v)", $"convert_{cl}(v)")
            .Add($"AS_{name}_TYPE(v)", $"as_{cl}(v)")
            .Add($"{name}_MAX_FUNC", "fmax")
            .Add($"{name}_MIN_FUNC", "fmin")
            .Add($"{name}_ABS_FUNC", "fabs")
            .Add($"{name}_TYPE_SIZE", f32 ? 4 : 2)
            .Add($"{name}_IS_FP", 1);
    }
}
