using System.Diagnostics;
using Dapper;
using Warehouse.Store;

namespace Warehouse.Tests;

/// <summary>Escape attempts through `sql`: hidden statements, VACUUM INTO, ATTACH, PRAGMA writes, extension loading, transactions.
/// Each is refused with exit code 2 and leaves no trace; reads still work; output is bounded and the timeout covers it.</summary>
// SQLite only: SQLite's own escapes (VACUUM INTO, ATTACH, PRAGMA, load_extension, randomblob) and its authorizer; PostgreSQL's
// read-only role and read-only transaction are tested in PostgresEngineTests.
public class AdHocSqlEscapeTests
{
    // SQLite only: SQLite's own escapes (VACUUM INTO, ATTACH, PRAGMA, load_extension) and its authorizer; PostgreSQL's read-only
    // role and read-only transaction are tested in PostgresEngineTests.
    [Theory]
    [InlineData("select 1 -- '\n; vacuum into '{0}'; select 1 -- '")]
    [InlineData("select 1 /* ' */ ; vacuum into '{0}'")]
    [InlineData("select 1;vacuum into '{0}'")]
    [InlineData("select ';' ; attach '{0}' as x")]
    [InlineData("vacuum into '{0}'")]
    [InlineData("VACUUM main INTO '{0}'")]
    [InlineData("vacuum")]
    [InlineData("attach database '{0}' as x")]
    [InlineData("detach database main")]
    [InlineData("pragma query_only = 0")]
    [InlineData("pragma query_only(0)")]
    [InlineData("pragma writable_schema = 1")]
    [InlineData("PRAGMA user_version = 7")]
    [InlineData("pragma journal_mode = delete")]
    [InlineData("select load_extension('{0}')")]
    [InlineData("select * from (select load_extension('{0}', 'init'))")]
    [InlineData("savepoint s")]
    [InlineData("begin immediate")]
    [InlineData("analyze")]
    [InlineData("reindex dim_region")]
    [InlineData("create temp table t (a)")]
    [InlineData("create temp view v as select 1")]
    [InlineData("with x as (select 1) insert into dim_region (region_code) select 'x'")]
    [InlineData("replace into dim_region (region_code) values ('x')")]
    [InlineData("delete from dim_region returning *")]
    [InlineData("update dim_region set region_name = region_name returning 1")]
    [InlineData("select 1; select 2")]
    [InlineData("explain select 1; vacuum into '{0}'")]
    public void An_escape_is_refused_with_exit_code_2_and_leaves_no_trace(string template)
    {
        using var wh = new TempWarehouse();
        var target = wh.PathOf("escape.db");
        var sql = string.Format(template, target);
        var before = State(wh);
        var ex = Assert.ThrowsAny<QueryRefusedException>(() => AdHocQuery.Run(wh.Dialect, sql, TimeSpan.FromSeconds(5)));
        Assert.Equal(2, ex.ExitCode);
        Assert.False(File.Exists(target), "a file was written through `sql`");
        Assert.Equal(before, State(wh));
    }

    private static (long, long, string) State(TempWarehouse wh)
    {
        using var c = wh.Dialect.OpenReadWrite();
        return (c.ExecuteScalar<long>("SELECT count(*) FROM dim_region"), c.ExecuteScalar<long>("PRAGMA user_version"),
            string.Join(",", Directory.GetFiles(wh.Dir).Select(Path.GetFileName).Where(n => !n!.StartsWith("warehouse.db")).Order()));
    }

    private static readonly string[] PortableReads =
    [
        "select 1;",
        "select 1 ; -- trailing comment",
        "/* leading */ select 1 /* trailing */ ;;",
        "select 'vacuum into ''/tmp/x.db''; attach' as s",
        "with recursive n(i) as (select 1 union all select i + 1 from n where i < 3) select * from n",
        "values (1, 'a')",
    ];

    // SQLite only: its PRAGMA functions, EXPLAIN QUERY PLAN and LIMIT inside a recursive query.
    private static readonly string[] SqliteReads =
        ["with recursive n(i) as (select 1 union all select i + 1 from n limit 3) select * from n", "pragma table_info(dim_region)", "select * from pragma_table_info('dim_region')", "explain query plan select * from dim_region"];

    public static TheoryData<string, string> SingleReads()
    {
        var data = TempWarehouse.EnginesTimes(PortableReads);
        foreach (var sql in SqliteReads) data.Add("sqlite", sql);
        return data;
    }

    [Theory]
    [MemberData(nameof(SingleReads))]
    public void Single_reads_still_run(string engine, string sql)
    {
        using var wh = new TempWarehouse(engine: engine);
        var r = AdHocQuery.Run(wh.Dialect, sql, TimeSpan.FromSeconds(5));
        Assert.NotEmpty(r.Columns);
        Assert.NotEmpty(r.Rows);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_typo_is_a_syntax_error_near_the_word_not_a_read_only_refusal(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var ex = Assert.ThrowsAny<QueryRefusedException>(() => AdHocQuery.Run(wh.Dialect, "selct region_code from dim_region", TimeSpan.FromSeconds(5)));
        Assert.Contains("syntax error near \"selct\"", ex.Message);
        Assert.DoesNotContain("read-only", ex.Message);
        Assert.Equal(2, ex.ExitCode);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Output_is_capped_in_rows_and_bytes_with_a_note_and_one_huge_value_is_refused(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var pg = engine == "postgres";
        var blobs = pg ? "select i, decode(repeat('ab', 1000000), 'hex') from generate_series(1, 40) i"
            : "with recursive n(i) as (select 1 union all select i + 1 from n limit 40) select i, randomblob(1000000) from n";
        var r = AdHocQuery.Run(wh.Dialect, blobs, new QueryLimits(MaxBytes: 5L << 20), CancellationToken.None, TimeSpan.FromSeconds(10));
        Assert.True(r.Truncated);
        Assert.InRange(r.Rows.Count, 4, 5);
        Assert.Contains("MiB", r.Note);

        var rows = AdHocQuery.Run(wh.Dialect, "with recursive n(i) as (select 1 union all select i + 1 from n where i < 50) select i from n", TimeSpan.FromSeconds(5), maxRows: 10);
        Assert.Equal(10, rows.Rows.Count);
        Assert.Contains("10 rows", rows.Note);

        var huge = Assert.ThrowsAny<QueryRefusedException>(() => AdHocQuery.Run(wh.Dialect, pg ? "select decode(repeat('ab', 40000000), 'hex')" : "select randomblob(40000000)", TimeSpan.FromSeconds(10)));
        Assert.Contains("exceeds", huge.Message);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Csv_cells_that_a_spreadsheet_would_run_as_formulas_are_quoted_as_text(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var tab = engine == "postgres" ? "chr(9)" : "char(9)";
        var r = AdHocQuery.Run(wh.Dialect, $"select '=HYPERLINK(\"http://x\")' a, '+1' b, '-2+3' c, '@SUM(A1)' d, -5 e, 'plain' f, {tab} || 'x' g", TimeSpan.FromSeconds(5));
        var sw = new StringWriter();
        ResultFormats.WriteCsv(r, sw);
        var line = sw.ToString().Split("\r\n")[1];
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\",\"'+1\",\"'-2+3\",\"'@SUM(A1)\",-5,plain,\"'\tx\"", line);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Writing_output_stops_at_the_deadline(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var r = AdHocQuery.Run(wh.Dialect, "select 1 union all select 2", TimeSpan.FromSeconds(5));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ResultFormats.WriteCsv(r, new StringWriter(), cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ResultFormats.WriteJson(r, new StringWriter(), cancelled.Token));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public async Task The_cli_timeout_covers_the_whole_command_even_when_output_blocks(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        // 100,000 rows of 300 characters to a pipe nobody reads: the engine is done in a moment, the writing never is.
        var sw = Stopwatch.StartNew();
        using var p = CliProcess.Start(["--db", wh.Db, "sql", "--format", "csv", "--timeout", "2", engine == "postgres"
            ? "select i, repeat('x', 300) from generate_series(1, 100000) i"
            : "with recursive n(i) as (select 1 union all select i + 1 from n limit 100000) select i, printf('%.300c', 'x') from n"]);
        var stderr = p.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var exited = true;
        try { await p.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException) { exited = false; p.Kill(true); }
        Assert.True(exited, "the command ran past its timeout");
        Assert.InRange(sw.Elapsed.TotalSeconds, 1.5, 15);
        Assert.Equal(1, p.ExitCode);
        var errors = await stderr;
        Assert.Contains("timeout", errors);
        CliProcess.AssertNoStackTrace(errors);
    }
}
