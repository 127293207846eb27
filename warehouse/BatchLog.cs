using System.Data.Common;
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
    /// <summary>Opens a batch in state <c>running</c> and returns its id.</summary>
    public long Start(string job, string? source, string trigger = "cli")
    {
        using var connection = dialect.OpenReadWrite();
        return connection.ExecuteScalar<long>("""
            INSERT INTO etl_batch (job, trigger, source, started_at, status) VALUES (@job, @trigger, @source, @at, 'running')
            RETURNING batch_id
            """, new { job, trigger, source, at = Clock.Now() });
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

    /// <summary>Writes quarantined rows for a batch.</summary>
    public static void WriteRejects(DbConnection connection, DbTransaction tx, long batchId, IEnumerable<Reject> rejects)
    {
        foreach (var r in rejects)
            connection.Execute("""
                INSERT INTO etl_reject (batch_id, file, location, reason, raw_text) VALUES (@batchId, @File, @Location, @Reason, @RawText)
                """, new { batchId, r.File, r.Location, r.Reason, r.RawText }, tx);
    }
}
