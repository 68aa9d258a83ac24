namespace AccuracyHarness.OpenCL.Manifests;

/// <summary>A manifest that breaks a rule; names the file and the field.</summary>
public sealed class ManifestException(string path, string field, string problem)
    : Exception($"kernel manifest {path}: field '{field}': {problem}")
{
    public string Path { get; } = path;

    public string Field { get; } = field;
}
