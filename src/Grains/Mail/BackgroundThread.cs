using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace MedPlatform.Mail;

/// <summary>
/// A thread of its own for work nobody waits on, below the priority of the threads that answer
/// requests: when both want the processor, requests get it. Building and writing a batch of mail
/// took the processor from answers as they were being sent (answers' p99 +40 % with notifications
/// on, docs/benchmarks.md). Work queued here runs one item at a time, in order.
/// </summary>
public sealed class BackgroundThread : IDisposable
{
    // Linux nice value: 10 gets about a tenth of a processor that requests also want, and all of an idle one.
    private const int Nice = 10;
    private readonly BlockingCollection<Action> work = [];

    public BackgroundThread(string name)
    {
        new Thread(Run) { IsBackground = true, Name = name }.Start();
    }

    public Task<T> Run<T>(Func<T> function)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        work.Add(() =>
        {
            try
            {
                done.SetResult(function());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    private void Run()
    {
        LowerPriority();
        foreach (var item in work.GetConsumingEnumerable())
            item();
    }

    private static void LowerPriority()
    {
        if (OperatingSystem.IsWindows())
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        else if (OperatingSystem.IsLinux())
            // .NET does not change a thread's priority on Linux; its nice value is per thread there (who 0: this thread).
            _ = SetPriority(0, 0, Nice);
    }

    // A plain DllImport: only ints cross, so nothing is marshalled (LibraryImport would need unsafe code for the same).
    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);

    public void Dispose() => work.CompleteAdding();
}
