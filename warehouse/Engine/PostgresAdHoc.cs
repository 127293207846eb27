using System.Data;
using System.Globalization;
using Dapper;
using Npgsql;

namespace Warehouse.Store.Engine;

/// <summary>Ad-hoc SQL on PostgreSQL: exactly one statement, only a read, decided by the server, not a keyword scan.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>The text goes to the server unparsed in one Parse message of the extended protocol (an <see cref="NpgsqlBatch"/> of
/// one command with no parameters, which Npgsql neither rewrites nor splits on semicolons); PostgreSQL refuses a second
/// statement in it with "cannot insert multiple commands into a prepared statement".</item>
/// <item>It runs as <c>warehouse_reader</c> (SELECT only): the configured reader login, or the owner's connection with
/// <c>SET LOCAL ROLE</c>; where the role does not exist yet (init lacked CREATEROLE), as the owner.</item>
/// <item>Always inside a read-only transaction (<c>SET TRANSACTION READ ONLY</c> before any snapshot, so the statement cannot
/// undo it) with <c>statement_timeout</c>, rolled back at the end.</item>
/// </list>
/// </remarks>
internal static class PostgresAdHoc
{
    /// <summary>Runs the statement and reads at most the limits' rows and bytes.</summary>
    public static QueryResult Run(PostgresDialect dialect, string sql, QueryLimits limits, CancellationToken cancel, TimeSpan timeout)
    {
        if (string.IsNullOrWhiteSpace(sql)) throw new QueryRefusedException("空查询 / empty query");
        using var connection = (NpgsqlConnection)dialect.OpenReadOnly();
        using var tx = connection.BeginTransaction();
        connection.Execute(dialect.Sql("adhoc/begin"), transaction: tx);
        var ms = Math.Max(1, (long)Math.Ceiling(timeout.TotalMilliseconds));
        connection.Execute(dialect.Sql("adhoc/limits"), new { timeout = ms.ToString(CultureInfo.InvariantCulture) }, tx);
        if (dialect.ReaderLogin == null && connection.QuerySingle<(bool, bool, bool)>(dialect.Sql("roles/reader_state"), transaction: tx).Item3)
            connection.Execute(dialect.Sql("adhoc/set_role"), transaction: tx);
        using var batch = new NpgsqlBatch(connection, tx) { BatchCommands = { new NpgsqlBatchCommand(sql) } };
        using var interrupt = cancel.Register(batch.Cancel);
        try
        {
            if (cancel.IsCancellationRequested) throw AdHocQuery.Timeout(timeout);
            using var reader = batch.ExecuteReader(CommandBehavior.SingleResult);
            return AdHocQuery.ReadCapped(reader, limits, cancel, timeout, Plain);
        }
        catch (PostgresException e)
        {
            throw Refusal(e, cancel, timeout);
        }
        catch (NpgsqlException e) when (cancel.IsCancellationRequested || e.InnerException is TimeoutException)
        {
            throw AdHocQuery.Timeout(timeout);
        }
        catch (OperationCanceledException)
        {
            throw AdHocQuery.Timeout(timeout);
        }
    }

    /// <summary>Plain values as the SQLite path returns them: integers as long, floats as double, text, bytes; the rest as text.</summary>
    private static object? Plain(object value) => value switch
    {
        short or int or long or byte => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        float f => (double)f,
        double or decimal or string or byte[] or bool => value,
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero && d.Kind == DateTimeKind.Unspecified
            ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss.FFFFFFK", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The server's refusal in the analyst's terms: exit code 2 for the analyst's input (a write, a second statement,
    /// a syntax error, an unknown table), 1 for a failure while running.</summary>
    private static QueryRefusedException Refusal(PostgresException e, CancellationToken cancel, TimeSpan timeout)
    {
        if (e.SqlState == PostgresErrorCodes.QueryCanceled || cancel.IsCancellationRequested) return AdHocQuery.Timeout(timeout);
        if (e.SqlState == PostgresErrorCodes.SyntaxError && e.MessageText.Contains("multiple commands", StringComparison.Ordinal))
            return new QueryRefusedException("一次只能执行一条语句 / only one statement is allowed: PostgreSQL found more than one");
        if (e.SqlState == PostgresErrorCodes.SyntaxError && e.MessageText.StartsWith("syntax error at or near", StringComparison.Ordinal))
            return new QueryRefusedException($"语法错误 / syntax error near {e.MessageText["syntax error at or near ".Length..]}");
        // 25006 a write in the read-only transaction, 25001 an attempt to make it read-write, 42501 beyond the reader's rights.
        if (e.SqlState is PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.ActiveSqlTransaction
            or PostgresErrorCodes.InsufficientPrivilege)
            return new QueryRefusedException($"只允许只读查询 / refused by PostgreSQL: `sql` is read-only ({e.MessageText})");
        if (e.SqlState.StartsWith("42", StringComparison.Ordinal) || e.SqlState.StartsWith("0A", StringComparison.Ordinal))
            return new QueryRefusedException($"SQL 错误 / SQL error: {e.MessageText}");
        return new QueryRefusedException($"SQL 错误 / SQL error: {e.MessageText}", 1);
    }
}
