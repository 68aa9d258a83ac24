namespace AccuracyHarness.Core.Benchdnn;

/// <summary>
/// One option benchdnn's deconvolution driver knows: its name (<c>--dir</c>), what its value may
/// be in words (for the error that refuses a malformed one) and the check of a value.
/// </summary>
/// <param name="Allowed">The values it takes, e.g. "a comma-separated list of FWD_B, FWD_D, ...".</param>
/// <param name="Accepts">Whether a value is well formed (given the text after '=', or null when there is no '=').</param>
public sealed record BenchdnnOption(string Name, string Allowed, Func<string?, bool> Accepts);
