namespace AccuracyHarness.Core.Diagnosis.Search;

/// <summary>One mapping the search tries: the name of its family, what it is in words, and the kernel it describes.</summary>
public sealed record MappingHypothesis(string Model, string Detail, KernelMapping Mapping);
