using System.Collections;
using System.Globalization;

namespace AccuracyHarness.Core.Cases;

/// <summary>An immutable list of small integers with value equality, written "3x3".</summary>
public readonly struct Dims : IEquatable<Dims>, IReadOnlyList<int>
{
    private readonly int[]? _values;

    public Dims(params int[] values) => _values = (int[])values.Clone();

    private Dims(int[] values, bool _) => _values = values;

    public static Dims Empty => new(Array.Empty<int>(), true);

    public static Dims Fill(int count, int value) => new(Enumerable.Repeat(value, count).ToArray(), true);

    public static Dims From(IEnumerable<int> values) => new(values.ToArray(), true);

    public int Count => _values?.Length ?? 0;

    public int this[int index] => (_values ?? throw new ArgumentOutOfRangeException(nameof(index)))[index];

    public long Product() => this.Aggregate(1L, (p, v) => p * v);

    public Dims Map(Func<int, int, int> f) => From(this.Select((v, i) => f(v, i)));

    public bool All(Func<int, bool> predicate) => Enumerable.All(this, predicate);

    public int[] ToArray() => _values is null ? [] : (int[])_values.Clone();

    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)(_values ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(Dims other) => this.SequenceEqual(other);

    public override bool Equals(object? obj) => obj is Dims other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in this) hash.Add(v);
        return hash.ToHashCode();
    }

    public static bool operator ==(Dims a, Dims b) => a.Equals(b);

    public static bool operator !=(Dims a, Dims b) => !a.Equals(b);

    public override string ToString() => string.Join("x", this.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Parses "3x3" (or a single "3"); negative values are allowed so that validation can name them.</summary>
    public static bool TryParse(string text, out Dims dims)
    {
        dims = Empty;
        if (string.IsNullOrEmpty(text)) return false;
        var parts = text.Split('x');
        var values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]))
                return false;
        }
        dims = new Dims(values, true);
        return true;
    }
}
