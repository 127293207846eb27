using System.Data.Common;
using System.Text;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>The result of an ad-hoc query: column names and rows of plain values.</summary>
/// <param name="Truncated">True when the rows stop at a limit; <see cref="Note"/> says which.</param>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, bool Truncated)
{
    /// <summary>Why the rows stop short, for the analyst (null when they are complete).</summary>
    public string? Note { get; init; }
}

/// <summary>Raised when an ad-hoc statement is refused, fails or runs too long; the message is for the analyst.</summary>
/// <param name="exitCode">2 for a statement that is refused or does not parse (the analyst's input), 1 for one that failed running.</param>
public class QueryRefusedException(string message, int exitCode = 2) : Exception(message)
{
    /// <summary>The CLI's exit code for this outcome.</summary>
    public int ExitCode { get; } = exitCode;
}

/// <summary>Raised when a query or the writing of its output runs past the time limit.</summary>
public sealed class QueryTimeoutException(string message) : QueryRefusedException(message, 1);

/// <summary>How much an ad-hoc query may return: rows, bytes in all, and bytes in one value (the engine refuses larger values).</summary>
public sealed record QueryLimits(int MaxRows = 100_000, long MaxBytes = 64L << 20, int MaxValueBytes = 16 << 20);

/// <summary>Runs analysts' SQL: exactly one statement, only a read, with a time limit and bounded output.</summary>
/// <remarks>Every decision is the engine's own, not a keyword scan (<see cref="SqlDialect.RunAdHoc"/>): SQLite prepares the
/// text, checks <c>sqlite3_stmt_readonly</c> and an authorizer on a read-only connection (<c>SqliteAdHoc</c>); PostgreSQL
/// runs the text through the extended protocol (one statement per Parse message) as <c>warehouse_reader</c> inside a read-only
/// transaction with a statement timeout (<c>PostgresAdHoc</c>).</remarks>
public static class AdHocQuery
{
    /// <summary>Checks the statement, runs it read-only and returns at most <paramref name="maxRows"/> rows within <paramref name="timeout"/>.</summary>
    public static QueryResult Run(SqlDialect dialect, string sql, TimeSpan timeout, int maxRows = 100_000)
    {
        using var cts = new CancellationTokenSource(timeout);
        return Run(dialect, sql, new QueryLimits(MaxRows: maxRows), cts.Token, timeout);
    }

    /// <summary>Checks the statement and runs it read-only until <paramref name="cancel"/> fires (the caller's deadline, which
    /// should also cover writing the output).</summary>
    /// <param name="timeout">Only for the message when the deadline passes.</param>
    public static QueryResult Run(SqlDialect dialect, string sql, QueryLimits limits, CancellationToken cancel, TimeSpan timeout)
    {
        try
        {
            return dialect.RunAdHoc(sql, limits, cancel, timeout);
        }
        catch (Exception e) when (e is not QueryRefusedException && dialect.Describe(e) is { } d)
        {
            // The engine's own words for a server that cannot be reached, a login refused, a missing database.
            throw new QueryRefusedException(d.Message, d.Usage ? 2 : 1);
        }
    }

    /// <summary>The analyst's message when the deadline passes.</summary>
    public static QueryTimeoutException Timeout(TimeSpan timeout) =>
        new($"查询超时（{timeout.TotalSeconds:0.#} 秒）已中止 / query cancelled: timeout after {timeout.TotalSeconds:0.#}s");

    /// <summary>The note when the rows stop at <see cref="QueryLimits.MaxRows"/>; <paramref name="cut"/> is the engine's word for
    /// cutting rows (LIMIT, TOP).</summary>
    public static string RowCapNote(QueryLimits limits, string cut = "LIMIT") =>
        $"输出限制为 {limits.MaxRows:N0} 行 / output capped at {limits.MaxRows:N0} rows; add {cut} or narrow the query";

    /// <summary>Reads a server's result within the limits: at most <see cref="QueryLimits.MaxRows"/> rows and
    /// <see cref="QueryLimits.MaxBytes"/> bytes (a note says which cap stopped it), no value over
    /// <see cref="QueryLimits.MaxValueBytes"/> (measured as the UTF-8 the output writes); values made plain by the engine's
    /// <paramref name="plain"/>.</summary>
    public static QueryResult ReadCapped(DbDataReader reader, QueryLimits limits, CancellationToken cancel, TimeSpan timeout,
        Func<object, object?> plain, string cut = "LIMIT")
    {
        var n = reader.FieldCount;
        var columns = Enumerable.Range(0, n).Select(i => reader.GetName(i) is { Length: > 0 } c ? c : $"column{i + 1}").ToList();
        var rows = new List<object?[]>();
        long bytes = 0;
        string? note = null;
        while (true)
        {
            if (cancel.IsCancellationRequested) throw Timeout(timeout);
            if (!reader.Read()) break;
            if (rows.Count >= limits.MaxRows)
            {
                note = RowCapNote(limits, cut);
                break;
            }
            var row = new object?[n];
            var rowBytes = 0L;
            for (var i = 0; i < n; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : plain(reader.GetValue(i));
                var size = row[i] switch { string s => Encoding.UTF8.GetByteCount(s), byte[] b => b.Length, _ => 8 };
                // Servers allow far larger values (PostgreSQL 1 GB, SQL Server 2 GB); the cap SQLite enforces is enforced on the value read.
                if (size > limits.MaxValueBytes) throw ValueTooBig(limits, $"column {columns[i]} ({size:N0} bytes)");
                rowBytes += size;
            }
            if (bytes + rowBytes > limits.MaxBytes)
            {
                note = ByteCapNote(limits, rows.Count);
                break;
            }
            bytes += rowBytes;
            rows.Add(row);
        }
        return new QueryResult(columns, rows, note != null) { Note = note };
    }

    /// <summary>The note when the rows stop at <see cref="QueryLimits.MaxBytes"/> after <paramref name="rows"/> rows.</summary>
    public static string ByteCapNote(QueryLimits limits, int rows) =>
        $"输出限制为 {limits.MaxBytes >> 20} MiB（{rows:N0} 行）/ "
        + $"output capped at {limits.MaxBytes >> 20} MiB ({rows:N0} rows); select fewer or smaller columns";

    /// <summary>The refusal of a value larger than <see cref="QueryLimits.MaxValueBytes"/> (exit code 1).</summary>
    public static QueryRefusedException ValueTooBig(QueryLimits limits, string detail) =>
        new($"单个值超过 {limits.MaxValueBytes >> 20} MiB / a single value exceeds {limits.MaxValueBytes >> 20} MiB: {detail}", 1);
}
