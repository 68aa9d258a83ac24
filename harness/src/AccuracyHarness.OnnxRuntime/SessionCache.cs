using AccuracyHarness.OnnxRuntime.Interop;

namespace AccuracyHarness.OnnxRuntime;

/// <summary>
/// Sessions by model signature, least recently used evicted past a capacity. Callers rent a
/// session for one run; an evicted session is disposed at once, and its SafeHandle defers the
/// native release until the runs that rented it end.
/// </summary>
internal sealed class SessionCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, Lazy<OrtSession> Session)>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Lazy<OrtSession> Session)> _recency = new();
    /// <summary>Signatures evicted so far: a session created again for one of them is counted apart, since it is work a larger capacity
    /// would save.</summary>
    private readonly HashSet<string> _evicted = new(StringComparer.Ordinal);
    private long _created;
    private long _reused;
    private long _recreated;

    public long Created => Interlocked.Read(ref _created);

    public long Reused => Interlocked.Read(ref _reused);

    /// <summary>Sessions created for a signature whose earlier session had been evicted (included in <see cref="Created"/>).</summary>
    public long Recreated => Interlocked.Read(ref _recreated);

    /// <summary>A session for <paramref name="key"/>, held until the lease is disposed (created when missing).</summary>
    public SessionLease Rent(string key, Func<OrtSession> create)
    {
        while (true)
        {
            // Eviction may dispose the session between the lookup and the rent: look it up again.
            var session = GetOrCreate(key, create);
            if (session.TryAcquire()) return new SessionLease(session);
        }
    }

    private OrtSession GetOrCreate(string key, Func<OrtSession> create)
    {
        Lazy<OrtSession> entry;
        var fresh = false;
        lock (_byKey)
        {
            if (_byKey.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                entry = node.Value.Session;
            }
            else
            {
                fresh = true;
                if (_evicted.Remove(key)) Interlocked.Increment(ref _recreated);
                entry = new Lazy<OrtSession>(create, LazyThreadSafetyMode.ExecutionAndPublication);
                _byKey[key] = _recency.AddFirst((key, entry));
                while (_byKey.Count > capacity)
                {
                    var last = _recency.Last!;
                    _recency.RemoveLast();
                    _byKey.Remove(last.Value.Key);
                    _evicted.Add(last.Value.Key);
                    if (last.Value.Session.IsValueCreated) last.Value.Session.Value.Dispose();
                }
            }
        }
        Interlocked.Increment(ref fresh ? ref _created : ref _reused);
        try
        {
            // Creation runs outside the lock so that other signatures are not held up by it.
            return entry.Value;
        }
        catch
        {
            // A model ONNX Runtime rejects is not cached: the error is reported for every case that has it.
            lock (_byKey)
            {
                if (_byKey.TryGetValue(key, out var node) && ReferenceEquals(node.Value.Session, entry))
                {
                    _recency.Remove(node);
                    _byKey.Remove(key);
                }
            }
            throw;
        }
    }
}
