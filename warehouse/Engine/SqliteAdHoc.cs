using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Warehouse.Store.Engine;

/// <summary>Ad-hoc SQL on SQLite: exactly one statement, only a read, with a time limit and bounded output.</summary>
/// <remarks>Every decision is the engine's own, not a keyword scan: SQLite prepares the text and says where the first
/// statement ends (anything but whitespace or comments after it is refused), whether the statement writes
/// (<c>sqlite3_stmt_readonly</c>: false for VACUUM, BEGIN, ANALYZE, every DML and DDL), and, through the authorizer,
/// which actions it takes (ATTACH, DETACH, SAVEPOINT, a PRAGMA that sets a value, load_extension are denied). The connection is
/// also opened read-only with <c>query_only</c> on. The statement run is the one that was checked.</remarks>
internal static partial class SqliteAdHoc
{
    // SQLite action codes (sqlite3.h) the authorizer allows; everything else is denied.
    private const int Pragma = 19, Read = 20, Select = 21, Function = 31, Recursive = 33;
    private const int LimitLength = 0; // SQLITE_LIMIT_LENGTH

    /// <summary>Pragmas that only report; allowed with no value, or with a table or index name as their argument.</summary>
    private static readonly HashSet<string> ReportingPragmas = new(StringComparer.OrdinalIgnoreCase)
    {
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list", "database_list",
        "collation_list", "function_list", "pragma_list", "compile_options", "page_count", "page_size", "freelist_count", "encoding",
        "schema_version", "user_version", "application_id", "foreign_key_check", "quick_check", "integrity_check", "data_version",
    };

    /// <summary>Functions refused whatever else the statement does: loading native code, or replacing the FTS tokenizer table.</summary>
    private static readonly HashSet<string> DeniedFunctions = new(StringComparer.OrdinalIgnoreCase) { "load_extension", "fts3_tokenizer" };

    private static readonly Dictionary<int, string> ActionNames = new()
    {
        [1] = "CREATE INDEX", [2] = "CREATE TABLE", [3] = "CREATE TEMP INDEX", [4] = "CREATE TEMP TABLE", [5] = "CREATE TEMP TRIGGER",
        [6] = "CREATE TEMP VIEW", [7] = "CREATE TRIGGER", [8] = "CREATE VIEW", [9] = "DELETE", [10] = "DROP INDEX", [11] = "DROP TABLE",
        [12] = "DROP TEMP INDEX", [13] = "DROP TEMP TABLE", [14] = "DROP TEMP TRIGGER", [15] = "DROP TEMP VIEW", [16] = "DROP TRIGGER",
        [17] = "DROP VIEW", [18] = "INSERT", [19] = "PRAGMA", [22] = "BEGIN/COMMIT", [23] = "UPDATE", [24] = "ATTACH", [25] = "DETACH",
        [26] = "ALTER TABLE", [27] = "REINDEX", [28] = "ANALYZE", [29] = "CREATE VIRTUAL TABLE", [30] = "DROP VIRTUAL TABLE",
        [31] = "FUNCTION", [32] = "SAVEPOINT",
    };

    /// <summary>Checks the statement and runs it read-only until <paramref name="cancel"/> fires (the caller's deadline, which
    /// should also cover writing the output).</summary>
    /// <param name="timeout">Only for the message when the deadline passes.</param>
    public static QueryResult Run(SqliteDialect dialect, string sql, QueryLimits limits, CancellationToken cancel, TimeSpan timeout)
    {
        using var connection = dialect.OpenReadOnly();
        var db = ((SqliteConnection)connection).Handle!;
        raw.sqlite3_limit(db, LimitLength, limits.MaxValueBytes);
        string? denied = null;
        raw.sqlite3_set_authorizer(db, (_, action, p0, p1, _, _) =>
        {
            var verdict = Authorize(action, p0.utf8_to_string(), p1.utf8_to_string());
            if (verdict != null) denied ??= verdict;
            return verdict == null ? raw.SQLITE_OK : raw.SQLITE_DENY;
        }, null);
        using var stmt = Prepare(db, sql, () => denied);
        using var interrupt = cancel.Register(() => raw.sqlite3_interrupt(db));
        try
        {
            return Step(db, stmt, limits, cancel, timeout);
        }
        finally
        {
            raw.sqlite3_set_authorizer(db, (delegate_authorizer?)null, null);
        }
    }

    private static string? Authorize(int action, string? p0, string? p1)
    {
        switch (action)
        {
            case Read or Select or Recursive:
                return null;
            case Function:
                return p1 != null && DeniedFunctions.Contains(p1) ? $"{p1}()" : null;
            case Pragma:
                // PRAGMA x = v and PRAGMA x(v) both arrive with the value in p1; only reporting pragmas are let through,
                // and those that take an argument take a table or index name, never a setting.
                if (p0 != null && ReportingPragmas.Contains(p0) && (p1 == null || p0.Contains("info") || p0.Contains("list") || p0.EndsWith("check")))
                    return null;
                return $"PRAGMA {p0}{(p1 != null ? " = " + p1 : "")}";
            default:
                return ActionNames.GetValueOrDefault(action, $"action {action}");
        }
    }

    private static sqlite3_stmt Prepare(sqlite3 db, string sql, Func<string?> denied)
    {
        var rc = raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt stmt, out string tail);
        if (rc != raw.SQLITE_OK)
        {
            stmt.Dispose();
            if (denied() is { } what)
                throw new QueryRefusedException($"只读查询中不允许 {what} / refused: {what} is not allowed through `sql` (read-only)");
            if (raw.sqlite3_errcode(db) is raw.SQLITE_NOTADB or raw.SQLITE_CORRUPT)
                throw new QueryRefusedException("不是 SQLite 数据仓库或已损坏 / --db is not a SQLite warehouse, or it is damaged: "
                    + raw.sqlite3_db_filename(db, "main").utf8_to_string());
            throw new QueryRefusedException(Describe(raw.sqlite3_errmsg(db).utf8_to_string()));
        }
        if (stmt.IsInvalid)
        {
            stmt.Dispose();
            throw new QueryRefusedException("空查询 / empty query");
        }
        try
        {
            // Exactly one statement: what follows the first may only be whitespace, comments or semicolons, as the engine reads it.
            while (!string.IsNullOrWhiteSpace(tail))
            {
                var rest = raw.sqlite3_prepare_v2(db, tail, out sqlite3_stmt next, out string after);
                using (next)
                {
                    if (rest != raw.SQLITE_OK || !next.IsInvalid)
                        throw new QueryRefusedException($"一次只能执行一条语句 / only one statement is allowed; found more after the first: {Excerpt(tail)}");
                }
                if (after.Length >= tail.Length) break;
                tail = after;
            }
            if (raw.sqlite3_stmt_readonly(stmt) == 0 && raw.sqlite3_stmt_isexplain(stmt) == 0)
            {
                var word = FirstWord().Match(StripComments(sql)).Value.ToUpperInvariant();
                throw new QueryRefusedException($"只允许只读查询，拒绝 {word} / refused: `sql` is read-only and {word} would write");
            }
            return stmt;
        }
        catch
        {
            stmt.Dispose();
            throw;
        }
    }

    private static QueryResult Step(sqlite3 db, sqlite3_stmt stmt, QueryLimits limits, CancellationToken cancel, TimeSpan timeout)
    {
        var n = raw.sqlite3_column_count(stmt);
        var columns = Enumerable.Range(0, n).Select(i => raw.sqlite3_column_name(stmt, i).utf8_to_string() ?? $"column{i + 1}").ToList();
        var rows = new List<object?[]>();
        long bytes = 0;
        string? note = null;
        while (true)
        {
            if (cancel.IsCancellationRequested) throw AdHocQuery.Timeout(timeout);
            var rc = raw.sqlite3_step(stmt);
            if (rc == raw.SQLITE_DONE) break;
            if (rc != raw.SQLITE_ROW)
            {
                if (cancel.IsCancellationRequested || rc == raw.SQLITE_INTERRUPT) throw AdHocQuery.Timeout(timeout);
                var message = raw.sqlite3_errmsg(db).utf8_to_string();
                if (message.Contains("too big", StringComparison.OrdinalIgnoreCase))
                    throw AdHocQuery.ValueTooBig(limits, message);
                throw new QueryRefusedException($"SQL 错误 / SQL error: {message}", 1);
            }
            if (rows.Count >= limits.MaxRows)
            {
                note = AdHocQuery.RowCapNote(limits);
                break;
            }
            var rowBytes = 0L;
            for (var i = 0; i < n; i++)
                rowBytes += raw.sqlite3_column_type(stmt, i) is raw.SQLITE_TEXT or raw.SQLITE_BLOB ? raw.sqlite3_column_bytes(stmt, i) : 8;
            if (bytes + rowBytes > limits.MaxBytes)
            {
                note = AdHocQuery.ByteCapNote(limits, rows.Count);
                break;
            }
            bytes += rowBytes;
            var row = new object?[n];
            for (var i = 0; i < n; i++)
            {
                row[i] = raw.sqlite3_column_type(stmt, i) switch
                {
                    raw.SQLITE_INTEGER => raw.sqlite3_column_int64(stmt, i),
                    raw.SQLITE_FLOAT => raw.sqlite3_column_double(stmt, i),
                    raw.SQLITE_TEXT => raw.sqlite3_column_text(stmt, i).utf8_to_string(),
                    raw.SQLITE_BLOB => raw.sqlite3_column_blob(stmt, i).ToArray(),
                    _ => null,
                };
            }
            rows.Add(row);
        }
        return new QueryResult(columns, rows, note != null) { Note = note };
    }

    /// <summary>The engine's error in the analyst's terms: a parse error says where ("syntax error near …").</summary>
    private static string Describe(string message)
    {
        var near = NearSyntax().Match(message);
        if (near.Success) return $"语法错误 / syntax error near {near.Groups[1].Value}";
        if (message.Contains("incomplete input", StringComparison.OrdinalIgnoreCase)) return "语法错误 / syntax error near the end: incomplete input";
        return $"SQL 错误 / SQL error: {message}";
    }

    private static string Excerpt(string tail)
    {
        var t = tail.Trim();
        return t.Length <= 60 ? t : t[..60] + "…";
    }

    // Only for naming the refused statement in the message; the decision itself is the engine's.
    private static string StripComments(string sql) => CommentPattern().Replace(sql, " ").TrimStart();

    [GeneratedRegex(@"--[^\n]*|/\*.*?(?:\*/|$)", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"^[A-Za-z]+")]
    private static partial Regex FirstWord();

    [GeneratedRegex("near (\"[^\"]*\"|'[^']*'|\\S+): syntax error")]
    private static partial Regex NearSyntax();
}
