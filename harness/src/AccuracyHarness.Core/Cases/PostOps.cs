using System.Collections;

namespace AccuracyHarness.Core.Cases;

/// <summary>
/// A chain of fused post-ops applied in order after the bias (and the scales of a quantized case), before the
/// destination's rounding: <c>po-relu+sum0.5</c>. Compared by value, so that cases that say the same are equal.
/// </summary>
public sealed class PostOps : IReadOnlyList<PostOp>, IEquatable<PostOps>
{
    private readonly PostOp[] _ops;

    public PostOps(IEnumerable<PostOp> ops)
    {
        _ops = [.. ops];
    }

    public static PostOps None { get; } = new([]);

    public int Count => _ops.Length;

    public PostOp this[int index] => _ops[index];

    public bool IsNone => _ops.Length == 0;

    /// <summary>The id token's value after <c>po-</c>; null for no post-ops.</summary>
    public string? Text => IsNone ? null : string.Join('+', _ops.Select(o => o.Text));

    public bool Has(PostOpKind kind) => _ops.Any(o => o.Kind == kind);

    public override string ToString() => Text ?? "none";

    /// <summary>Reads a chain (<c>relu+sum0.5</c>); false with the first post-op that is wrong.</summary>
    public static bool TryParse(string text, out PostOps ops, out string error)
    {
        ops = None;
        error = "";
        var read = new List<PostOp>();
        foreach (var part in text.Split('+'))
        {
            if (!PostOp.TryParse(part, out var op, out error)) return false;
            read.Add(op);
        }
        ops = new PostOps(read);
        return true;
    }

    public bool Equals(PostOps? other) => other is not null && _ops.SequenceEqual(other._ops);

    public override bool Equals(object? obj) => Equals(obj as PostOps);

    public override int GetHashCode() => _ops.Aggregate(0, (h, o) => HashCode.Combine(h, o));

    public IEnumerator<PostOp> GetEnumerator() => ((IEnumerable<PostOp>)_ops).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
