using System.Globalization;
using System.Text;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// Deterministic selections of cases by a stable hash of their canonical id: shards that n CI
/// machines split a suite by, and samples (e.g. the Oclgrind subset of the nightly). The hash
/// (FNV-1a, 64 bit) does not depend on the .NET version, the machine or the order of the suite.
/// </summary>
public static class CaseSelection
{
    public static ulong StableHash(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    /// <summary>Shard i of n (1-based), written "i/n".</summary>
    public sealed record Shard(int Index, int Count)
    {
        public static Shard Parse(string text)
        {
            var parts = text.Split('/');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || n < 1 || i < 1 || i > n)
                throw new FormatException($"--shard: '{text}' must be i/n with 1 <= i <= n (e.g. 2/4)");
            return new Shard(i, n);
        }

        public bool Includes(string caseId) => (int)(StableHash(caseId) % (ulong)Count) == Index - 1;

        public override string ToString() => $"{Index}/{Count}";
    }

    /// <summary>Whether a case falls in a sample of the given percentage (0 to 100).</summary>
    public static bool InSample(string caseId, double percent) =>
        (StableHash("sample:" + caseId) % 10000) < percent * 100;
}
