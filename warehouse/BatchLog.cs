using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>A row quarantined by a load: where it was, why it was refused, and what it said.</summary>
public sealed record Reject(string File, string Location, string Reason, string RawText);

/// <summary>Counts a batch reports when it finishes.</summary>
public sealed record BatchCounts(int Read, int Loaded, int Rejected, int Changed = 0, string? Detail = null);

/// <summary>Writes <c>etl_batch</c> and <c>etl_reject</c>. A batch row is opened in its own transaction so
/// that a load that fails and rolls back still leaves its failed batch on record.</summary>
public sealed class BatchLog(SqlDialect dialect)
{
    /// <summary>Who runs a batch: host, process id and the process's start time, so a later process can tell a live run
    /// from one whose process died (kill -9, power cut) even when the pid has since been reused.</summary>
    public static string Owner { get; } = OwnerOf(Environment.ProcessId) ?? $"{Environment.MachineName}:{Environment.ProcessId}:?";

    /// <summary>Opens a batch in state <c>running</c> and returns its id.</summary>
    public long Start(string job, string? source, string trigger = "cli")
    {
        using var connection = dialect.OpenReadWrite();
        return connection.ExecuteScalar<long>(dialect.Sql("batches/start"), new { job, trigger, source, at = dialect.Now(), owner = Owner });
    }

    /// <summary>Marks a batch succeeded, inside the load's own transaction so data and log commit together.</summary>
    public static void Succeed(SqlDialect dialect, DbConnection connection, DbTransaction tx, long batchId, BatchCounts counts) =>
        connection.Execute(dialect.Sql("batches/finish"), new
        {
            batchId, status = "succeeded", at = dialect.Now(), counts.Read, counts.Loaded, counts.Rejected, counts.Changed, counts.Detail,
            error = (string?)null,
        }, tx);

    /// <summary>Marks a batch succeeded on its own connection (for job-level batches that hold no data).</summary>
    public void Finish(long batchId, BatchCounts counts) => Finish(batchId, "succeeded", counts);

    /// <summary>Closes a job-level batch in the given state: succeeded, partial or failed (with counts and detail).</summary>
    public void Finish(long batchId, string status, BatchCounts counts, string? error = null)
    {
        using var connection = dialect.OpenReadWrite();
        connection.Execute(dialect.Sql("batches/finish"), new
        {
            batchId, status, at = dialect.Now(), counts.Read, counts.Loaded, counts.Rejected, counts.Changed, counts.Detail, error,
        });
    }

    /// <summary>Records in one row that a run left files alone (state <c>skipped</c>).</summary>
    public void Skipped(string job, string trigger, int files, string detail)
    {
        using var connection = dialect.OpenReadWrite();
        connection.Execute(dialect.Sql("batches/skipped"), new { job, trigger, at = dialect.Now(), files, detail });
    }

    /// <summary>Marks a batch failed with the error that stopped it.</summary>
    public void Fail(long batchId, string error, int rowsRead = 0)
    {
        using var connection = dialect.OpenReadWrite();
        connection.Execute(dialect.Sql("batches/fail"), new { batchId, at = dialect.Now(), error, rowsRead });
    }

    /// <summary>Marks every <c>running</c> batch whose process is gone as <c>interrupted</c>; returns how many.
    /// Called by every process that opens the warehouse for writing, so a killed run never stays <c>running</c>.</summary>
    /// <remarks>A run owned by another host cannot be checked from here and is left alone.</remarks>
    public static int MarkInterrupted(SqlDialect dialect, DbConnection connection)
    {
        var running = connection.Query<(long Id, string? Owner)>(dialect.Sql("batches/running")).ToList();
        var dead = running.Where(r => IsDead(r.Owner)).Select(r => r.Id).ToList();
        if (dead.Count == 0) return 0;
        return connection.Execute(dialect.Sql("batches/interrupt"), new
        {
            dead, at = dialect.Now(), message = "进程已终止，批次未完成（已回滚）/ the process running this batch died; its transaction rolled back",
        });
    }

    /// <summary>Writes quarantined rows for a batch.</summary>
    public static void WriteRejects(SqlDialect dialect, DbConnection connection, DbTransaction tx, long batchId, IEnumerable<Reject> rejects)
    {
        using var writer = new RejectWriter(dialect, connection, tx, batchId);
        foreach (var r in rejects) writer.Add(r);
    }

    private static bool IsDead(string? owner)
    {
        // Rows from before owners were recorded can only come from a process that has since been replaced by this version.
        if (string.IsNullOrEmpty(owner)) return true;
        var parts = owner.Split(':');
        if (parts.Length < 3 || parts[0] != Environment.MachineName) return false;
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return true;
        return OwnerOf(pid) != owner;
    }

    /// <summary>The owner string of a live process, or null when no such process runs.</summary>
    private static string? OwnerOf(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return $"{Environment.MachineName}:{pid}:{p.StartTime.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond}";
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

/// <summary>Writes rejects one by one with a prepared statement, so a file with a million bad rows streams them out instead of
/// holding them in memory.</summary>
public sealed class RejectWriter : IDisposable
{
    private readonly PreparedStatement _insert;
    private readonly long _batchId;

    /// <summary>Rejects written so far.</summary>
    public int Count { get; private set; }

    /// <summary>Prepares the insert on the load's connection and transaction.</summary>
    public RejectWriter(SqlDialect dialect, DbConnection connection, DbTransaction tx, long batchId)
    {
        _batchId = batchId;
        _insert = new PreparedStatement(dialect, connection, tx, "batches/add_reject", "batch", "file", "location", "reason", "raw");
    }

    /// <summary>Writes one reject.</summary>
    public void Add(Reject r)
    {
        _insert.Run(_batchId, r.File, r.Location, r.Reason, r.RawText);
        Count++;
    }

    /// <summary>Releases the prepared statement.</summary>
    public void Dispose() => _insert.Dispose();
}
