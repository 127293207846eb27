using System.Data;
using Microsoft.Data.SqlClient;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Warehouse.Store.Engine;

/// <summary>Analysts' SQL on SQL Server: exactly one SELECT, run on a reader's connection with a time limit and bounded output.</summary>
/// <remarks>Two locks, the second the server's own. (1) The SQL Server 2019 parser (ScriptDom) reads the text before it is
/// sent: one batch, one statement, a SELECT without INTO; anything else is refused with exit 2. (2) The statement runs on
/// <see cref="SqlServerDialect.OpenReadOnly"/>, a session holding only the warehouse_reader role's SELECT on dbo, inside a
/// transaction that is always rolled back, so a write the parser missed is refused by the server.
/// The T-SQL parser is why <c>warehouse/</c> references Microsoft.SqlServer.TransactSql.ScriptDom.</remarks>
public static class SqlServerAdHoc
{
    /// <summary>Parses <paramref name="sql"/> as SQL Server 2019 and throws <see cref="QueryRefusedException"/> (exit 2) unless it
    /// is exactly one read-only SELECT.</summary>
    public static void Check(string sql)
    {
        var parser = new TSql150Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var tree = parser.Parse(reader, out var errors);
        if (errors.Count > 0)
        {
            var e = errors[0];
            throw new QueryRefusedException($"语法错误 / syntax error at line {e.Line}, column {e.Column}: {e.Message}");
        }
        var statements = (tree as TSqlScript)?.Batches.SelectMany(b => b.Statements).ToList() ?? [];
        if (statements.Count == 0) throw new QueryRefusedException("空查询 / empty query");
        if (statements.Count > 1)
            throw new QueryRefusedException($"一次只能执行一条语句 / only one statement is allowed; found {statements.Count}");
        var statement = statements[0];
        var kind = Kind(statement);
        if (statement is not SelectStatement select)
            throw new QueryRefusedException($"只允许只读查询，拒绝 {kind} / refused: `sql` is read-only and {kind} is not a query");
        if (select.Into != null)
            throw new QueryRefusedException("只允许只读查询，拒绝 SELECT INTO / refused: `sql` is read-only and SELECT INTO creates a table");
    }

    /// <summary>Checks the statement and runs it read-only until <paramref name="cancel"/> fires or the limits are reached.</summary>
    public static QueryResult Run(SqlServerDialect dialect, string sql, QueryLimits limits, CancellationToken cancel, TimeSpan timeout)
    {
        Check(sql);
        try
        {
            // Without the reader user (init could not create it) the parser's check and the rollback below are the only locks.
            using var connection = dialect.OpenReader(out _);
            // Never committed: disposing the transaction rolls it back, so nothing the statement might change survives it.
            using var tx = connection.BeginTransaction(System.Data.IsolationLevel.ReadCommitted);
            using var command = new SqlCommand(sql, connection, tx)
            {
                CommandTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
            };
            using var stop = cancel.Register(() => dialect.Interrupt(connection, command));
            using var reader = command.ExecuteReader(CommandBehavior.SequentialAccess);
            var result = AdHocQuery.ReadCapped(reader, limits, cancel, timeout, Plain, cut: "TOP");
            // Closing a reader reads the rest of the result; past a limit the server is told to stop instead.
            if (result.Truncated) dialect.Interrupt(connection, command);
            return result;
        }
        catch (SqlException e) when (cancel.IsCancellationRequested || e.Number == -2)
        {
            throw AdHocQuery.Timeout(timeout);
        }
        catch (SqlException e) when (e.Number is 229 or 230 or 262 or 297 or 300 or 3906)
        {
            throw new QueryRefusedException($"服务器拒绝（只读）/ refused by the server: `sql` is read-only ({e.Message})");
        }
        catch (SqlException e) when (e.Number is 102 or 156 or 207 or 208)
        {
            throw new QueryRefusedException($"SQL 错误 / SQL error: {e.Message}");
        }
        catch (SqlException e) when (dialect.Describe(e) == null) // cannot connect, login failed …: the CLI's engine message
        {
            throw new QueryRefusedException($"SQL 错误 / SQL error: {e.Message}", 1);
        }
    }

    /// <summary>SQL Server's types as the formats write the other engines' values: whole numbers as long, float as double,
    /// times as ISO 8601 text, identifiers as text.</summary>
    private static object? Plain(object value) => value switch
    {
        int or short or byte => Convert.ToInt64(value),
        bool b => b ? 1L : 0L,
        float f => (double)f,
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        Guid g => g.ToString(),
        _ => value,
    };

    /// <summary>The statement's kind for a message: <c>DeleteStatement</c> → <c>DELETE</c>.</summary>
    private static string Kind(TSqlStatement statement)
    {
        var name = statement.GetType().Name;
        if (name.EndsWith("Statement", StringComparison.Ordinal)) name = name[..^"Statement".Length];
        return System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ").ToUpperInvariant();
    }
}
