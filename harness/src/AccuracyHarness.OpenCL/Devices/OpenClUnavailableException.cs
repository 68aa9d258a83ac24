namespace AccuracyHarness.OpenCL.Devices;

/// <summary>The OpenCL loader or its platforms are missing; the message says how to install them.</summary>
public sealed class OpenClUnavailableException(string message) : Exception(message);
