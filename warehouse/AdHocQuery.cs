using System.Data.Common;
using System.Text.RegularExpressions;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>The result of an ad-hoc query: column names and rows of plain values.</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, bool Truncated);

/// <summary>Raised when an ad-hoc statement is refused or runs too long; the message is for the analyst.</summary>
public sealed class QueryRefusedException(string message) : Exception(message);

/// <summary>Runs analysts' SQL on a read-only connection: one SELECT/WITH/VALUES/EXPLAIN statement, with a time limit.</summary>
public static partial class AdHocQuery
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "SELECT", "WITH", "VALUES", "EXPLAIN" };

    /// <summary>Checks the statement, runs it read-only and returns at most <paramref name="maxRows"/> rows.</summary>
    public static QueryResult Run(SqlDialect dialect, string sql, TimeSpan timeout, int maxRows = 100_000)
    {
        Check(sql);
        using var connection = dialect.OpenReadOnly();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var timedOut = false;
        // The engine's own interrupt stops the statement mid-scan; a command timeout alone would only cover lock waits.
        using var timer = new Timer(_ => { timedOut = true; dialect.Interrupt(connection, command); }, null, timeout, Timeout.InfiniteTimeSpan);
        try
        {
            using var reader = command.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<object?[]>();
            var truncated = false;
            while (reader.Read())
            {
                if (rows.Count == maxRows) { truncated = true; break; }
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }
            return new QueryResult(columns, rows, truncated);
        }
        catch (DbException ex) when (timedOut)
        {
            throw new QueryRefusedException($"查询超时（{timeout.TotalSeconds:0} 秒）已中止 / query cancelled after {timeout.TotalSeconds:0}s: {ex.Message}");
        }
        catch (DbException ex) when (ex.Message.Contains("readonly", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("read-only", StringComparison.OrdinalIgnoreCase))
        {
            throw new QueryRefusedException($"只读连接拒绝写入 / refused: the warehouse is read-only through `sql` ({ex.Message})");
        }
    }

    /// <summary>Refuses anything but a single read statement, with a message that says why.</summary>
    public static void Check(string sql)
    {
        var body = StripComments(sql).Trim().TrimEnd(';').Trim();
        if (body.Length == 0) throw new QueryRefusedException("空查询 / empty query");
        if (SplitStatements().IsMatch(body))
            throw new QueryRefusedException("一次只能执行一条语句 / only one statement is allowed");
        var first = FirstWord().Match(body).Value;
        if (!Allowed.Contains(first))
            throw new QueryRefusedException($"只允许查询（SELECT/WITH/VALUES/EXPLAIN），拒绝 {first.ToUpperInvariant()} / refused: `sql` is read-only, {first.ToUpperInvariant()} is not allowed");
        var write = WriteKeyword().Match(body);
        if (write.Success)
            throw new QueryRefusedException($"只读查询中不允许 {write.Value.ToUpperInvariant()} / refused: {write.Value.ToUpperInvariant()} is not allowed in a read-only query");
    }

    private static string StripComments(string sql)
    {
        // Remove comments and string literals' contents so keywords inside them do not count.
        var noStrings = Regex.Replace(sql, "'(?:[^']|'')*'", "''");
        noStrings = Regex.Replace(noStrings, "\"(?:[^\"]|\"\")*\"", "\"\"");
        noStrings = Regex.Replace(noStrings, @"--[^\n]*", " ");
        return Regex.Replace(noStrings, @"/\*.*?\*/", " ", RegexOptions.Singleline);
    }

    [GeneratedRegex(@";\s*\S")]
    private static partial Regex SplitStatements();

    [GeneratedRegex(@"^[A-Za-z]+")]
    private static partial Regex FirstWord();

    // replace(...) is also a string function, so REPLACE counts only when no parenthesis follows.
    [GeneratedRegex(@"\b(INSERT|UPDATE|DELETE|DROP|CREATE|ALTER|ATTACH|DETACH|PRAGMA|VACUUM|REINDEX|ANALYZE)\b|\bREPLACE\b(?!\s*\()", RegexOptions.IgnoreCase)]
    private static partial Regex WriteKeyword();
}
