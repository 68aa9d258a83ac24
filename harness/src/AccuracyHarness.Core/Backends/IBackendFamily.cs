namespace AccuracyHarness.Core.Backends;

/// <summary>
/// Backends that share a native library (OpenCL, ONNX Runtime, oneDNN): the unit the command line
/// wires. A family declares the options it reads, registers its backends (with itself as their
/// availability check) in <see cref="Register"/>, and says what its library is. Its backends read
/// their typed options from <see cref="BackendSettings"/>, render their repro flags from those
/// typed options (<see cref="BackendOption.Repro(bool)"/>), keep their native cache in one
/// process-wide place of the family, and leave data conversions (f16) to the backend, not the
/// interop layer. README "Architecture" describes the shape.
/// </summary>
public interface IBackendFamily
{
    /// <summary>The family's name, also its line in the run's environment ("opencl", "onnxruntime").</summary>
    string Name { get; }

    /// <summary>The options its backends read, offered on the command line as <c>--NAME</c>.</summary>
    IReadOnlyList<BackendOption> Options { get; }

    /// <summary>Whether the native library can be used here, with the reason when not. Never throws.</summary>
    bool IsAvailable(out string reason);

    /// <summary>One line about the native library (version, path, devices) for `devices` and reports; called only when available.</summary>
    string Describe();

    /// <summary>Adds the family's backends to the catalogue (<see cref="BackendCatalogue.Add"/>).</summary>
    void Register(BackendCatalogue catalogue);
}
