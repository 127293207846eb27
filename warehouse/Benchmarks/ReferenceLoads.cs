using System.Diagnostics;
using System.Globalization;
using System.Text;
using Warehouse.Store.Engine;

namespace Warehouse.Store.Benchmarks;

/// <summary>What the warehouse's load is measured against, on the same file in the same run: the engine's own raw bulk
/// path into a plain table (<c>sqlite3 .import</c>, <c>psql \copy</c>) and a pure-SQL load into the warehouse's own schema
/// (multi-row INSERTs run by the engine's client in one transaction).</summary>
public static class ReferenceLoads
{
    /// <summary>The engine's command-line client for <paramref name="dialect"/>, or null when the engine has none here.</summary>
    public static ProcessStartInfo? Client(SqlDialect dialect, string? sqliteFile = null)
    {
        switch (dialect)
        {
            case SqliteDialect s:
                return new ProcessStartInfo("sqlite3", [sqliteFile ?? s.Path]) { RedirectStandardInput = true, RedirectStandardError = true };
            case PostgresDialect p:
                var psi = new ProcessStartInfo("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1"])
                {
                    RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true,
                };
                psi.Environment["PGHOST"] = p.Connection.Host;
                psi.Environment["PGPORT"] = p.Connection.Port.ToString(CultureInfo.InvariantCulture);
                psi.Environment["PGDATABASE"] = p.Connection.Database;
                if (p.Connection.Username != null) psi.Environment["PGUSER"] = p.Connection.Username;
                if (p.Connection.Password != null) psi.Environment["PGPASSWORD"] = p.Connection.Password;
                return psi;
            default:
                return null;
        }
    }

    /// <summary>Loads the CSV into a plain table with the engine's own raw bulk path; null when the engine has no client here.</summary>
    public static (TimeSpan Elapsed, long? PeakBytes)? RawBulk(SqlDialect dialect, string csv, string scratchFile, Func<Process, long?> watch)
    {
        var commands = dialect switch
        {
            SqliteDialect => $".import --csv {Quote(csv)} bench_plain\n",
            PostgresDialect => dialect.Sql("bench/plain_table") + ";\n"
                + $"\\copy bench_plain FROM {Quote(csv)} WITH (FORMAT csv, HEADER true)\n",
            _ => null,
        };
        if (commands == null) return null;
        return RunClient(dialect, commands, scratchFile, watch);
    }

    /// <summary>Loads the same rows with SQL alone into a migrated warehouse with reference data; null when the engine has no client.</summary>
    public static (TimeSpan Elapsed, long? PeakBytes)? PureSql(SqlDialect dialect, Catalog catalog, int rows, string scriptPath,
        Func<Process, long?> watch)
    {
        if (Client(dialect) == null) return null;
        WriteScript(dialect, catalog, rows, scriptPath);
        return RunClient(dialect, dialect is SqliteDialect ? $".read {Quote(scriptPath)}\n" : $"\\i {Quote(scriptPath)}\n", null, watch);
    }

    /// <summary>Writes the pure-SQL load: BEGIN, the periods, the source and batch, the figures 500 rows a statement, COMMIT.</summary>
    public static void WriteScript(SqlDialect dialect, Catalog catalog, int rows, string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine("BEGIN;");
        // The generator is deterministic, so the rows are generated twice (periods first, then figures) instead of held in memory.
        foreach (var chunk in BenchFile.Rows(catalog, rows).Select(r => r.Period).DistinctBy(p => p.Code).Chunk(500))
            w.WriteLine(dialect.Sql("bench/pure_periods").Replace("(@row)", string.Join(",\n", chunk.Select(p =>
                $"({Text(p.Code)}, {Text(p.Grain)}, {p.Year}, {p.MonthFrom}, {p.MonthTo}, {Text(p.StartDate)}, {Text(p.EndDate)})"))));
        w.WriteLine(dialect.Sql("bench/pure_source").Replace("@at", Text(DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture))));
        var line = 1;
        foreach (var chunk in BenchFile.Rows(catalog, rows).Chunk(500))
            w.WriteLine(dialect.Sql("bench/pure_observations").Replace("(@row)", string.Join(",\n", chunk.Select(r =>
                $"({r.Region.RegionKey}, {r.Indicator.IndicatorKey}, {Text(r.Period.Code)}, "
                + $"{r.Value.ToString("R", CultureInfo.InvariantCulture)}, {Text($"line {++line}")})"))) + ";");
        w.WriteLine("COMMIT;");
    }

    private static (TimeSpan, long?) RunClient(SqlDialect dialect, string commands, string? sqliteFile, Func<Process, long?> watch)
    {
        var psi = Client(dialect, sqliteFile)!;
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(commands);
        p.StandardInput.Close();
        var error = p.StandardError.ReadToEndAsync();
        if (psi.RedirectStandardOutput) _ = p.StandardOutput.ReadToEndAsync();
        var peak = watch(p);
        p.WaitForExit();
        sw.Stop();
        if (p.ExitCode != 0)
        {
            var first = error.Result.Trim().Split('\n')[0];
            throw new InvalidOperationException($"{psi.FileName} failed: {(first.Length > 300 ? first[..300] + "…" : first)}");
        }
        return (sw.Elapsed, peak);
    }

    private static string Text(string s) => "'" + s.Replace("'", "''") + "'";

    private static string Quote(string path) => "'" + path.Replace("'", "''") + "'";
}
