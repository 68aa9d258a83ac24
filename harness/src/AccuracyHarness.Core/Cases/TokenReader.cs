namespace AccuracyHarness.Core.Cases;

/// <summary>Reads the value text of a case-id token; false with what the token must say instead.</summary>
public delegate bool TokenReader<T>(string text, out T value, out string error);
