using System.Collections.Concurrent;

namespace AccuracyHarness.OpenCL.Devices;

/// <summary>
/// Runs work on one thread of its own. Oclgrind 21.10 crashes (SIGSEGV) when successive cases
/// call it from different threads, as parallel runs do; every Oclgrind call goes through here.
/// </summary>
internal sealed class DedicatedThread
{
    private readonly BlockingCollection<Action> _work = new();

    public DedicatedThread(string name)
    {
        var thread = new Thread(() =>
        {
            foreach (var action in _work.GetConsumingEnumerable()) action();
        }) { IsBackground = true, Name = name };
        thread.Start();
    }

    public T Invoke<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task.GetAwaiter().GetResult();
    }
}
