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
        return connection.ExecuteScalar<long>("""
            INSERT INTO etl_batch (job, trigger, source, started_at, status, owner) VALUES (@job, @trigger, @source, @at, 'running', @owner)
            RETURNING batch_id
            """, new { job, trigger, source, at = Clock.Now(), owner = Owner });
    }

    /// <summary>Marks a batch succeeded, inside the load's own transaction so data and log commit together.</summary>
    public static void Succeed(DbConnection connection, DbTransaction tx, long batchId, BatchCounts counts) =>
        connection.Execute("""
            UPDATE etl_batch SET status = 'succeeded', finished_at = @at, rows_read = @Read, rows_loaded = @Loaded,
                   rows_rejected = @Rejected, rows_changed = @Changed, detail = @Detail
            WHERE batch_id = @batchId
            """, new { batchId, at = Clock.Now(), counts.Read, counts.Loaded, counts.Rejected, counts.Changed, counts.Detail }, tx);

    /// <summary>Marks a batch succeeded on its own connection (for job-level batches that hold no data).</summary>
    public void Finish(long batchId, BatchCounts counts)
    {
        using var connection = dialect.OpenReadWrite();
        using var tx = connection.BeginTransaction();
        Succeed(connection, tx, batchId, counts);
        tx.Commit();
    }

    /// <summary>Closes a job-level batch in the given state: succeeded, partial or failed (with counts and detail).</summary>
    public void Finish(long batchId, string status, BatchCounts counts, string? error = null)
    {
        using var connection = dialect.OpenReadWrite();
        connection.Execute("""
            UPDATE etl_batch SET status = @status, finished_at = @at, rows_read = @Read, rows_loaded = @Loaded,
                   rows_rejected = @Rejected, rows_changed = @Changed, detail = @Detail, error = @error
            WHERE batch_id = @batchId
            """, new { batchId, status, at = Clock.Now(), counts.Read, counts.Loaded, counts.Rejected, counts.Changed, counts.Detail, error });
    }

    /// <summary>Records in one row that a run left files alone (state <c>skipped</c>).</summary>
    public void Skipped(string job, string trigger, int files, string detail)
    {
        using var connection = dialect.OpenReadWrite();
        var at = Clock.Now();
        connection.Execute("""
            INSERT INTO etl_batch (job, trigger, started_at, finished_at, status, rows_read, detail)
            VALUES (@job, @trigger, @at, @at, 'skipped', @files, @detail)
            """, new { job, trigger, at, files, detail });
    }

    /// <summary>Marks a batch failed with the error that stopped it.</summary>
    public void Fail(long batchId, string error, int rowsRead = 0)
    {
        using var connection = dialect.OpenReadWrite();
        connection.Execute("""
            UPDATE etl_batch SET status = 'failed', finished_at = @at, error = @error, rows_read = @rowsRead WHERE batch_id = @batchId
            """, new { batchId, at = Clock.Now(), error, rowsRead });
    }

    /// <summary>Marks every <c>running</c> batch whose process is gone as <c>interrupted</c>; returns how many.
    /// Called by every process that opens the warehouse for writing, so a killed run never stays <c>running</c>.</summary>
    /// <remarks>A run owned by another host cannot be checked from here and is left alone.</remarks>
    public static int MarkInterrupted(DbConnection connection)
    {
        var running = connection.Query<(long Id, string? Owner)>("SELECT batch_id, owner FROM etl_batch WHERE status = 'running'").ToList();
        var dead = running.Where(r => IsDead(r.Owner)).Select(r => r.Id).ToList();
        if (dead.Count == 0) return 0;
        return connection.Execute("""
            UPDATE etl_batch SET status = 'interrupted', finished_at = @at,
                   error = coalesce(error || '; ', '') || '进程已终止，批次未完成（已回滚）/ the process running this batch died; its transaction rolled back'
            WHERE batch_id IN @dead AND status = 'running'
            """, new { dead, at = Clock.Now() });
    }

    /// <summary>Writes quarantined rows for a batch.</summary>
    public static void WriteRejects(DbConnection connection, DbTransaction tx, long batchId, IEnumerable<Reject> rejects)
    {
        using var writer = new RejectWriter(connection, tx, batchId);
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
    private readonly DbCommand _insert;
    private readonly DbParameter[] _p;

    /// <summary>Rejects written so far.</summary>
    public int Count { get; private set; }

    /// <summary>Prepares the insert on the load's connection and transaction.</summary>
    public RejectWriter(DbConnection connection, DbTransaction tx, long batchId)
    {
        _insert = connection.CreateCommand();
        _insert.Transaction = tx;
        _insert.CommandText = "INSERT INTO etl_reject (batch_id, file, location, reason, raw_text) VALUES ($batch, $file, $location, $reason, $raw)";
        _p = new[] { "$batch", "$file", "$location", "$reason", "$raw" }.Select(name =>
        {
            var p = _insert.CreateParameter();
            p.ParameterName = name;
            _insert.Parameters.Add(p);
            return p;
        }).ToArray();
        _p[0].Value = batchId;
        _insert.Prepare();
    }

    /// <summary>Writes one reject.</summary>
    public void Add(Reject r)
    {
        (_p[1].Value, _p[2].Value, _p[3].Value, _p[4].Value) = (r.File, r.Location, r.Reason, r.RawText);
        _insert.ExecuteNonQuery();
        Count++;
    }

    /// <summary>Releases the prepared statement.</summary>
    public void Dispose() => _insert.Dispose();
}
