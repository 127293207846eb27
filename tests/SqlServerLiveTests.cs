using Dapper;
using Microsoft.Data.SqlClient;
using Warehouse.Store;
using Warehouse.Store.Engine;
using Xunit.Abstractions;

namespace Warehouse.Tests;

/// <summary>Runs against a real SQL Server only when WAREHOUSE_TEST_SQLSERVER holds a connection string or a sqlserver:// address
/// (a login that may CREATE DATABASE); each test works in a scratch database it drops at the end. Without it each test
/// returns at once and says so (xunit 2 has no runtime skip).</summary>
public sealed class SqlServerLiveTests(ITestOutputHelper output)
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("WAREHOUSE_TEST_SQLSERVER");

    private bool Unavailable()
    {
        if (!string.IsNullOrWhiteSpace(Server)) return false;
        output.WriteLine("not run: set WAREHOUSE_TEST_SQLSERVER to a SQL Server connection string or sqlserver:// address");
        return true;
    }

    /// <summary>A fresh database on the test server, dropped on dispose.</summary>
    private sealed class Scratch : IDisposable
    {
        private readonly SqlConnectionStringBuilder _master;
        public string Name { get; } = "wh_test_" + Guid.NewGuid().ToString("N")[..12];
        public SqlServerDialect Dialect { get; }

        public Scratch()
        {
            var b = Address();
            _master = new SqlConnectionStringBuilder(b.ConnectionString) { InitialCatalog = "master" };
            using (var c = new SqlConnection(_master.ConnectionString))
            {
                c.Open();
                c.Execute($"CREATE DATABASE [{Name}]");
            }
            Dialect = new SqlServerDialect(new SqlConnectionStringBuilder(b.ConnectionString) { InitialCatalog = Name });
        }

        public void Dispose()
        {
            SqlConnection.ClearAllPools();
            using var c = new SqlConnection(_master.ConnectionString);
            c.Open();
            c.Execute($"ALTER DATABASE [{Name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{Name}];");
        }
    }

    [Fact]
    public void Migrations_build_the_schema_once_and_the_views_read_it()
    {
        if (Unavailable()) return;
        using var db = new Scratch();
        var applied = new Migrator(db.Dialect).Migrate();
        Assert.Equal(Migrator.Migrations("sqlserver").Select(m => m.Version), applied);
        Assert.Empty(new Migrator(db.Dialect).Migrate());
        using var c = db.Dialect.OpenReadWrite();
        Assert.Equal(Migrator.Migrations("sqlserver").Max(m => m.Version), Migrator.CurrentVersion(c, db.Dialect));
        string[] tables = ["dim_region", "dim_indicator", "dim_period", "dim_source", "etl_batch", "etl_reject", "fact_observation",
            "fact_target", "fact_forecast", "fact_attainment", "warehouse_state"];
        foreach (var table in tables)
            Assert.True(db.Dialect.TableExists(c, table), table);
        foreach (var (view, _) in Migrator.Views("sqlserver"))
            c.Query($"SELECT TOP 0 * FROM {view}");
    }

    [Fact]
    public void The_reader_session_is_refused_writes_by_the_server()
    {
        if (Unavailable()) return;
        using var db = new Scratch();
        new Migrator(db.Dialect).Migrate();
        var r = Query(db.Dialect, "select count(*) as n from dim_region", TimeSpan.FromSeconds(30));
        Assert.Equal(["n"], r.Columns);
        Assert.Equal(0L, r.Rows[0][0]);
        Assert.Throws<QueryRefusedException>(() => Query(db.Dialect, "delete from dim_region", TimeSpan.FromSeconds(30)));
        var capped = Query(db.Dialect, "select n from (values (1), (2), (3)) as t(n)", TimeSpan.FromSeconds(30), maxRows: 2);
        Assert.True(capped.Truncated);
        Assert.Equal(2, capped.Rows.Count);
        var slow = Assert.ThrowsAny<QueryTimeoutException>(() => AdHocQuery.Run(db.Dialect,
            "select count_big(*) from sys.all_objects a cross join sys.all_objects b cross join sys.all_objects c",
            TimeSpan.FromSeconds(1)));
        Assert.Contains("timeout", slow.Message);
        // Past the parser: the session itself may not write (error 229, permission denied).
        using var c = db.Dialect.OpenReader(out var enforced);
        Assert.True(enforced);
        var ex = Assert.Throws<SqlException>(() => c.Execute("DELETE FROM dim_region"));
        Assert.Contains(ex.Errors.Cast<SqlError>(), e => e.Number == 229);
        Assert.Throws<SqlException>(() => c.Execute("REVERT"));
    }

    [Fact]
    public void Staged_figures_merge_like_sqlite_on_conflict()
    {
        if (Unavailable()) return;
        using var db = new Scratch();
        new Migrator(db.Dialect).Migrate();
        long region, indicator, y2021, y2022, source;
        using (var c = db.Dialect.OpenReadWrite())
        {
            region = c.ExecuteScalar<long>("INSERT INTO dim_region (region_code, region_name, name_en, level) OUTPUT INSERTED.region_key "
                + "VALUES (N'320000', N'江苏省', N'Jiangsu', N'province')");
            indicator = c.ExecuteScalar<long>(
                "INSERT INTO dim_indicator (indicator_code, indicator_name, name_en, category, unit, measure) "
                + "OUTPUT INSERTED.indicator_key VALUES (N'patents', N'发明专利', N'Patents', N'patent', N'件', N'stock')");
            const string period = "INSERT INTO dim_period (period_code, grain, year, month_from, month_to, start_date, end_date) "
                + "OUTPUT INSERTED.period_key VALUES (@code, N'year', @year, 1, 12, @start, @end)";
            y2021 = c.ExecuteScalar<long>(period, new { code = "2021", year = 2021, start = "2021-01-01", end = "2021-12-31" });
            y2022 = c.ExecuteScalar<long>(period, new { code = "2022", year = 2022, start = "2022-01-01", end = "2022-12-31" });
            source = c.ExecuteScalar<long>(
                "INSERT INTO dim_source (source_name, path, kind, checksum, loaded_at) OUTPUT INSERTED.source_key "
                + "VALUES (N'统计.csv', N'/x/统计.csv', N'statistics', N'abc', SYSDATETIMEOFFSET())");
            Assert.Equal("江苏省", c.ExecuteScalar<string>("SELECT region_name FROM dim_region"));
        }
        var log = new BatchLog(db.Dialect);
        var first = log.Start("test", null);
        var second = log.Start("test", null);

        int Load(long batch, params (long Seq, long Period, double Value)[] figures)
        {
            using var c = db.Dialect.OpenReadWrite();
            using var tx = c.BeginTransaction();
            using var stage = new SqlServerStage(db.Dialect, c, tx, flushEvery: 2);
            foreach (var f in figures)
                stage.Add(region, indicator, Period.OfYear((int)f.Period), f.Value, $"row {f.Seq}", null, f.Seq == 1 ? "备注" : null);
            stage.Complete();
            stage.Group();
            var merged = stage.Merge(source, batch);
            tx.Commit();
            return merged;
        }

        // 2022 has two different figures in one file: contradicted, left out; 2021 twice with the same value is one figure.
        Assert.Equal(1, Load(first, (1, 2021, 10.5), (2, 2022, 20), (3, 2022, 21), (4, 2021, 10.5)));
        // Again: 2021 unchanged keeps its batch, 2022 is new in the second batch.
        Assert.Equal(2, Load(second, (1, 2021, 10.5), (2, 2022, 22)));
        using var check = db.Dialect.OpenReadWrite();
        var rows = check.Query<(long Period, double Value, long Batch)>(
            "SELECT period_key, value, batch_id FROM fact_observation ORDER BY period_key").ToList();
        Assert.Equal([(y2021, 10.5, first), (y2022, 22.0, second)], rows);
        Assert.Equal("备注", check.ExecuteScalar<string>("SELECT note FROM fact_observation WHERE period_key = @y2021", new { y2021 }));
    }

    [Fact]
    public void A_wrong_password_is_described_as_a_failed_login()
    {
        if (Unavailable()) return;
        var b = Address();
        if (b.IntegratedSecurity) { output.WriteLine("not run: the test server uses integrated security"); return; }
        var d = new SqlServerDialect(new SqlConnectionStringBuilder(b.ConnectionString) { Password = "not-the-password" });
        var ex = Assert.ThrowsAny<SqlException>(() => d.OpenReadWrite());
        var described = d.Describe(ex);
        Assert.NotNull(described);
        Assert.True(described.Value.Usage);
        Assert.Contains("login failed", described.Value.Message);
    }

    /// <summary>Runs ad-hoc SQL the way `sql` does on SQL Server.</summary>
    private static QueryResult Query(SqlServerDialect dialect, string sql, TimeSpan timeout, int maxRows = 100_000)
    {
        using var deadline = new CancellationTokenSource(timeout);
        return dialect.RunAdHoc(sql, new QueryLimits(MaxRows: maxRows), deadline.Token, timeout);
    }

    /// <summary>The test server's settings: a raw connection string, or a sqlserver:// address (which names a database).</summary>
    private static SqlConnectionStringBuilder Address() =>
        Server!.StartsWith("sqlserver://", StringComparison.OrdinalIgnoreCase)
        || Server.StartsWith("mssql://", StringComparison.OrdinalIgnoreCase)
            ? DatabaseAddress.SqlServer(new Uri(Server))
            : new SqlConnectionStringBuilder(Server);
}
