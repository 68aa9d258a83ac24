namespace AccuracyHarness.Cli;

/// <summary>Bad input from the user: reported in one line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
