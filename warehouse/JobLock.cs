using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>Keeps two runs of one job apart, across processes and nodes: held until disposed, lost when the holder dies.</summary>
/// <remarks>The engine takes the lock (<see cref="SqlDialect.TryLockJob"/>): an advisory lock (PostgreSQL) or application lock
/// (SQL Server) on a connection the lock keeps open, an exclusive lock on a file beside a SQLite database. Each vanishes with
/// the process that held it, so a node killed mid-job never leaves the job locked for the node that takes it over.</remarks>
public static class JobLock
{
    /// <summary>Waits until no other run of <paramref name="job"/> holds the lock, then takes it; null when
    /// <paramref name="wait"/> ran out.</summary>
    public static IDisposable? Acquire(SqlDialect dialect, string job, TimeSpan wait, CancellationToken cancel = default)
    {
        var until = DateTime.UtcNow + wait;
        for (var pause = 100; ; pause = Math.Min(pause * 2, 2000))
        {
            if (dialect.TryLockJob(job) is { } held) return held;
            if (DateTime.UtcNow >= until) return null;
            if (cancel.WaitHandle.WaitOne(pause)) cancel.ThrowIfCancellationRequested();
        }
    }
}
