using System.Data.Common;
using Dapper;
using Npgsql;
using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Tests;

/// <summary>The warehouse on a real PostgreSQL server (the test process's private cluster): migrations, schema parity with
/// SQLite, value guards, the read-only role and the one-statement rule of ad-hoc SQL, timestamps.</summary>
[Collection(PostgresCollection.Name)]
public class PostgresEngineTests
{
    [PostgresFact]
    public void Migrating_twice_applies_every_version_once()
    {
        using var wh = new TempWarehouse(init: false, engine: "postgres");
        var first = new Migrator(wh.Dialect).Migrate();
        Assert.Equal(Migrator.Migrations("postgres").Select(m => m.Version), first);
        Assert.Empty(new Migrator(wh.Dialect).Migrate());
        using var c = wh.Dialect.OpenReadWrite();
        Assert.Equal(14, Migrator.CurrentVersion(c, wh.Dialect));
        Assert.True(new Migrator(wh.Dialect).IsCurrent(c));
        Assert.Equal(first.Count, c.ExecuteScalar<int>("SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public void Every_engine_has_the_same_migration_versions_and_names()
    {
        var sqlite = Migrator.Migrations("sqlite").Select(m => m.Name).ToList();
        Assert.Equal(Enumerable.Range(1, sqlite.Count), Migrator.Migrations("sqlite").Select(m => m.Version));
        Assert.Equal(sqlite, Migrator.Migrations("postgres").Select(m => m.Name));
        // SQL Server's folder is written separately; once it holds scripts it must match as well.
        var sqlserver = Migrator.Migrations("sqlserver").Select(m => m.Name).ToList();
        if (sqlserver.Count > 0) Assert.Equal(sqlite, sqlserver);
    }

    [PostgresFact]
    public void Tables_and_views_have_the_same_columns_in_the_same_order_as_on_sqlite()
    {
        using var lite = new TempWarehouse(init: true);
        using var pg = new TempWarehouse(init: true, engine: "postgres");
        using var lc = lite.Dialect.OpenReadWrite();
        using var pc = pg.Dialect.OpenReadWrite();
        var relations = lc.Query<string>(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite%' ORDER BY name").ToList();
        var pgRelations = pc.Query<string>("""
            SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name
            """).ToList();
        Assert.Equal(relations.Order(StringComparer.Ordinal), pgRelations.Order(StringComparer.Ordinal));
        Assert.Contains("v_attainment", relations);
        foreach (var relation in relations)
            Assert.Equal(Columns(lc, relation), Columns(pc, relation));
    }

    private static List<string> Columns(DbConnection c, string relation)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT * FROM {relation} WHERE 1 = 0";
        using var r = cmd.ExecuteReader();
        return Enumerable.Range(0, r.FieldCount).Select(r.GetName).ToList();
    }

    [PostgresFact]
    public void Values_years_and_timestamps_have_real_types()
    {
        using var wh = new TempWarehouse(engine: "postgres");
        using var c = wh.Dialect.OpenReadWrite();
        var types = c.Query<(string Table, string Column, string Type)>("""
            SELECT table_name, column_name, data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name IN (SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')
            """).ToList();
        Assert.DoesNotContain(types, t => t.Type == "real");
        Assert.All(types.Where(t => t.Column is "value" or "point" or "lo80" or "hi95" or "achieved" or "probability_met"),
            t => Assert.Equal("double precision", t.Type));
        Assert.Equal(["applied_at", "claimed_at", "finished_at", "finished_at", "loaded_at", "stale_since", "started_at"],
            types.Where(t => t.Type == "timestamp with time zone").Select(t => t.Column).Order(StringComparer.Ordinal));
        // 64-bit like SQLite's INTEGER, so the stores' records (long) read both engines.
        Assert.DoesNotContain(types, t => t.Type is "integer" or "smallint" && t.Table != "schema_version");
        Assert.All(types.Where(t => t.Column.EndsWith("_key") || t.Column is "batch_id" or "year" or "direction"),
            t => Assert.Equal("bigint", t.Type));
    }

    [PostgresTheory]
    [InlineData("fact_observation", "'NaN'")]
    [InlineData("fact_observation", "'Infinity'")]
    [InlineData("fact_observation", "'-Infinity'")]
    [InlineData("fact_target", "'NaN'")]
    [InlineData("fact_target", "'Infinity'")]
    public void A_value_that_is_not_a_finite_number_is_refused(string table, string value)
    {
        using var wh = new TempWarehouse(engine: "postgres");
        using var c = wh.Dialect.OpenReadWrite();
        var (batch, source, region, indicator, period) = Keys(c);
        var sql = table == "fact_observation"
            ? $"""
              INSERT INTO fact_observation (region_key, indicator_key, period_key, source_key, value, location, batch_id)
              VALUES ({region}, {indicator}, {period}, {source}, {value}::double precision, 'A1', {batch})
              """
            : $"""
              INSERT INTO fact_target (region_key, indicator_key, source_key, target_kind, measure, comparator, value, target_year,
                  span_start_year, span_end_year, evidence, evidence_offset, batch_id)
              VALUES ({region}, {indicator}, {source}, 'goal', 'stock', '>=', {value}::double precision, 2025, 2025, 2025, 'x', 0, {batch})
              """;
        var ex = Assert.Throws<PostgresException>(() => c.Execute(sql));
        Assert.Equal(PostgresErrorCodes.CheckViolation, ex.SqlState);
        Assert.Equal(0, c.ExecuteScalar<long>($"SELECT count(*) FROM {table}"));
        c.Execute(sql.Replace($"{value}::double precision", "1.5")); // the same row with a finite value goes in
    }

    private const string PeriodInsert =
        "INSERT INTO dim_period (period_code, grain, year, month_from, month_to, start_date, end_date) VALUES ";

    [PostgresTheory]
    [InlineData(PeriodInsert + "('10000', 'year', 10000, 1, 12, '9999-01-01', '9999-12-31')")]
    [InlineData(PeriodInsert + "('1900', 'year', 1900, 1, 12, '1900-01-01', '1900-12-31')")]
    [InlineData(PeriodInsert + "('2023-13', 'month', 2023, 13, 13, '2023-01-01', '2023-12-31')")]
    [InlineData("UPDATE dim_period SET year = 10000 WHERE period_code = '2023'")]
    [InlineData("UPDATE fact_target SET target_year = 10000")]
    [InlineData("UPDATE fact_target SET span_start_year = 0")]
    public void A_period_outside_1949_to_2100_is_refused(string sql)
    {
        using var wh = new TempWarehouse(engine: "postgres");
        using var c = wh.Dialect.OpenReadWrite();
        var (batch, source, region, indicator, _) = Keys(c);
        c.Execute($"""
            INSERT INTO fact_target (region_key, indicator_key, source_key, target_kind, measure, comparator, value, target_year,
                span_start_year, span_end_year, evidence, evidence_offset, batch_id)
            VALUES ({region}, {indicator}, {source}, 'goal', 'stock', '>=', 10, 2025, 2025, 2025, 'x', 0, {batch})
            """);
        var ex = Assert.Throws<PostgresException>(() => c.Execute(sql));
        Assert.Equal(PostgresErrorCodes.CheckViolation, ex.SqlState);
    }

    /// <summary>A batch, a source and existing dimension keys for inserting facts by hand.</summary>
    private static (long Batch, long Source, long Region, long Indicator, long Period) Keys(DbConnection c)
    {
        var batch = c.ExecuteScalar<long>("INSERT INTO etl_batch (job, started_at, status) VALUES ('test', now(), 'running') RETURNING batch_id");
        var source = c.ExecuteScalar<long>("""
            INSERT INTO dim_source (source_name, path, kind, checksum, loaded_at) VALUES ('t.csv', '/t.csv', 'statistics', 'x', now())
            RETURNING source_key
            """);
        return (batch, source, c.ExecuteScalar<long>("SELECT min(region_key) FROM dim_region"),
            c.ExecuteScalar<long>("SELECT min(indicator_key) FROM dim_indicator"),
            c.ExecuteScalar<long>("SELECT period_key FROM dim_period WHERE period_code = '2023'"));
    }

    [PostgresFact]
    public void Deleting_a_fact_target_deletes_its_attainment()
    {
        using var wh = new TempWarehouse(engine: "postgres");
        using var c = wh.Dialect.OpenReadWrite();
        var (batch, source, region, indicator, _) = Keys(c);
        var target = c.ExecuteScalar<long>($"""
            INSERT INTO fact_target (region_key, indicator_key, source_key, target_kind, measure, comparator, value, target_year,
                span_start_year, span_end_year, evidence, evidence_offset, batch_id)
            VALUES ({region}, {indicator}, {source}, 'goal', 'stock', '>=', 10, 2025, 2025, 2025, 'x', 0, {batch}) RETURNING target_key
            """);
        c.Execute($"INSERT INTO fact_attainment (target_key, status, batch_id) VALUES ({target}, 'on_track', {batch})");
        c.Execute($"DELETE FROM fact_target WHERE target_key = {target}");
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM fact_attainment"));
    }

    [PostgresFact]
    public void Timestamps_round_trip_as_DateTimeOffset()
    {
        using var wh = new TempWarehouse(engine: "postgres");
        var before = DateTimeOffset.UtcNow;
        var id = new BatchLog(wh.Dialect).Start("test", "x.csv");
        new BatchLog(wh.Dialect).Finish(id, new BatchCounts(1, 1, 0));
        using var c = wh.Dialect.OpenReadWrite();
        var (started, finished) = c.QuerySingle<(DateTimeOffset, DateTimeOffset)>(
            "SELECT started_at, finished_at FROM etl_batch WHERE batch_id = @id", new { id });
        Assert.InRange(started, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.True(finished >= started);
        Assert.Equal(TimeSpan.Zero, started.Offset);
        var applied = c.Query<DateTimeOffset>("SELECT applied_at FROM schema_version").ToList();
        Assert.All(applied, a => Assert.InRange(a, before.AddMinutes(-5), DateTimeOffset.UtcNow.AddSeconds(1)));
    }

    [PostgresFact]
    public void The_reader_role_may_select_but_not_delete()
    {
        using var wh = new TempWarehouse(engine: "postgres");
        using var c = (NpgsqlConnection)wh.Dialect.OpenReadWrite();
        using var tx = c.BeginTransaction(); // read-write: the role alone must refuse
        c.Execute("SET LOCAL ROLE warehouse_reader", transaction: tx);
        Assert.True(c.ExecuteScalar<long>("SELECT count(*) FROM v_targets", transaction: tx) >= 0);
        Assert.True(c.ExecuteScalar<long>("SELECT count(*) FROM dim_region", transaction: tx) >= 5);
        c.Execute("SAVEPOINT s", transaction: tx);
        var ex = Assert.Throws<PostgresException>(() => c.Execute("DELETE FROM dim_region", transaction: tx));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        c.Execute("ROLLBACK TO SAVEPOINT s", transaction: tx);
        Assert.Throws<PostgresException>(() => c.Execute("CREATE TABLE t (a int)", transaction: tx));
    }

    [PostgresTheory]
    [InlineData("delete from dim_region")]
    [InlineData("DELETE FROM dim_region RETURNING *")]
    [InlineData("with x as (delete from dim_region returning 1) select count(*) from x")]
    [InlineData("update dim_region set region_name = 'x'")]
    [InlineData("insert into dim_region (region_code, region_name, name_en, level) values ('1', '1', '1', 'city')")]
    [InlineData("drop table dim_region")]
    [InlineData("truncate dim_region cascade")]
    [InlineData("create table t (a int)")]
    [InlineData("create temp table t (a int)")]
    [InlineData("select set_config('transaction_read_only', 'off', true)")]
    [InlineData("select 1; delete from dim_region")]
    [InlineData("select 1 -- '\n; delete from dim_region; select 1 -- '")]
    [InlineData("select ';'; delete from dim_region")]
    [InlineData("select 1; select 2")]
    [InlineData("commit; delete from dim_region")]
    [InlineData("selct region_code from dim_region")]
    [InlineData("select * from no_such_table")]
    public void Ad_hoc_sql_refuses_writes_and_second_statements_with_exit_code_2(string sql)
    {
        using var wh = new TempWarehouse(engine: "postgres");
        var before = Regions(wh);
        var ex = Assert.ThrowsAny<QueryRefusedException>(() => AdHocQuery.Run(wh.Dialect, sql, TimeSpan.FromSeconds(10)));
        Assert.Equal(2, ex.ExitCode);
        Assert.DoesNotContain("\n", ex.Message);
        Assert.Equal(before, Regions(wh));
    }

    private static long Regions(TempWarehouse wh)
    {
        using var c = wh.Dialect.OpenReadWrite();
        return c.ExecuteScalar<long>("SELECT count(*) FROM dim_region");
    }

    [PostgresFact]
    public void A_second_statement_is_refused_by_the_server_and_named_as_such()
    {
        using var wh = new TempWarehouse(engine: "postgres");
        var ex = Assert.ThrowsAny<QueryRefusedException>(() => AdHocQuery.Run(wh.Dialect, "select 1; select 2", TimeSpan.FromSeconds(10)));
        Assert.Contains("only one statement", ex.Message);
        // The refusal is the server's: the same text in one Parse message fails with PostgreSQL's own error, and on a
        // read-write connection as the owner nothing is deleted.
        using (var c = (NpgsqlConnection)wh.Dialect.OpenReadWrite())
        using (var batch = new NpgsqlBatch(c) { BatchCommands = { new NpgsqlBatchCommand("select 1; delete from dim_region") } })
        {
            var server = Assert.Throws<PostgresException>(() => batch.ExecuteNonQuery());
            Assert.Equal(PostgresErrorCodes.SyntaxError, server.SqlState);
            Assert.Contains("multiple commands", server.MessageText);
        }
        Assert.True(Regions(wh) >= 5);
        var write = Assert.ThrowsAny<QueryRefusedException>(() => AdHocQuery.Run(wh.Dialect, "delete from dim_region", TimeSpan.FromSeconds(10)));
        Assert.Contains("read-only", write.Message);
        var syntax = Assert.ThrowsAny<QueryRefusedException>(() => AdHocQuery.Run(wh.Dialect, "selct 1", TimeSpan.FromSeconds(10)));
        Assert.Contains("syntax error near \"selct\"", syntax.Message);
    }

    [PostgresFact]
    public void Ad_hoc_reads_return_plain_values_within_the_limits()
    {
        using var wh = new TempWarehouse(engine: "postgres");
        var r = AdHocQuery.Run(wh.Dialect, "select region_code, 1::int AS i, 2.5::float8 AS d, 'x' AS s, null AS n from dim_region "
            + "where region_code = '320481';", TimeSpan.FromSeconds(10));
        Assert.Equal(["region_code", "i", "d", "s", "n"], r.Columns);
        Assert.Equal(new object?[] { "320481", 1L, 2.5, "x", null }, r.Rows.Single());
        var capped = AdHocQuery.Run(wh.Dialect, "select g from generate_series(1, 50) g", TimeSpan.FromSeconds(10), maxRows: 10);
        Assert.Equal(10, capped.Rows.Count);
        Assert.True(capped.Truncated);
        Assert.Contains("10 rows", capped.Note);
        var bytes = AdHocQuery.Run(wh.Dialect, "select repeat('x', 1048576) from generate_series(1, 20)",
            new QueryLimits(MaxBytes: 5L << 20), CancellationToken.None, TimeSpan.FromSeconds(10));
        Assert.Equal(5, bytes.Rows.Count);
        Assert.Contains("MiB", bytes.Note);
        var huge = Assert.ThrowsAny<QueryRefusedException>(() => AdHocQuery.Run(wh.Dialect, "select repeat('x', 17000000)", TimeSpan.FromSeconds(10)));
        Assert.Equal(1, huge.ExitCode);
        Assert.Contains("16 MiB", huge.Message);
    }

    [PostgresFact]
    public void A_long_query_is_cut_off_by_the_timeout()
    {
        using var wh = new TempWarehouse(engine: "postgres");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Assert.Throws<QueryTimeoutException>(() => AdHocQuery.Run(wh.Dialect, "select pg_sleep(20)", TimeSpan.FromMilliseconds(500)));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"took {sw.Elapsed}");
    }

    [PostgresFact]
    public void A_configured_reader_login_runs_ad_hoc_sql_as_the_reader()
    {
        using var wh = new TempWarehouse(engine: "postgres", addressOptions: "reader=warehouse_reader&reader_password=s3cret");
        var pg = (PostgresDialect)wh.Dialect;
        Assert.Equal("warehouse_reader", pg.ReaderLogin);
        var who = AdHocQuery.Run(wh.Dialect, "select current_user, session_user", TimeSpan.FromSeconds(10)).Rows.Single();
        Assert.Equal(new object?[] { "warehouse_reader", "warehouse_reader" }, who);
        Assert.ThrowsAny<QueryRefusedException>(() => AdHocQuery.Run(wh.Dialect, "delete from dim_region", TimeSpan.FromSeconds(10)));
        Assert.True(Regions(wh) >= 5);
    }

    [PostgresFact]
    public void Without_a_reader_login_ad_hoc_sql_runs_as_warehouse_reader_in_a_read_only_transaction()
    {
        using var wh = new TempWarehouse(engine: "postgres");
        var row = AdHocQuery.Run(wh.Dialect, "select current_user, current_setting('transaction_read_only'), current_setting('statement_timeout')",
            TimeSpan.FromSeconds(7)).Rows.Single();
        Assert.Equal(new object?[] { "warehouse_reader", "on", "7s" }, row);
    }

    [PostgresFact]
    public void An_owner_without_createrole_gets_a_warehouse_and_a_note_and_sql_stays_read_only()
    {
        var cluster = PostgresCluster.Shared;
        var owner = "owner_" + Guid.NewGuid().ToString("N")[..8];
        var db = "w_" + Guid.NewGuid().ToString("N");
        cluster.Admin($"CREATE ROLE {owner} LOGIN");
        cluster.Admin($"CREATE DATABASE {db} OWNER {owner}");
        try
        {
            var dialect = SqlDialect.Open($"postgresql://{owner}@127.0.0.1:{cluster.Port}/{db}");
            var migrator = new Migrator(dialect);
            Assert.Equal(14, migrator.Migrate().Count);
            Assert.NotNull(migrator.ReaderNote);
            Assert.Contains("warehouse_reader", migrator.ReaderNote);
            ReferenceData.Load(dialect, TempWarehouse.SeedsDir);
            var who = AdHocQuery.Run(dialect, "select current_user", TimeSpan.FromSeconds(10)).Rows.Single();
            Assert.Equal(owner, who[0]);
            var ex = Assert.ThrowsAny<QueryRefusedException>(() => AdHocQuery.Run(dialect, "delete from dim_region", TimeSpan.FromSeconds(10)));
            Assert.Contains("read-only", ex.Message);
        }
        finally
        {
            cluster.DropDatabase(db);
            cluster.Admin($"DROP OWNED BY {owner}; DROP ROLE {owner}");
        }
    }

    [PostgresFact]
    public void The_cli_refuses_a_delete_on_postgres_in_one_line_with_exit_code_2()
    {
        using var wh = new TempWarehouse(engine: "postgres");
        var r = CliProcess.Run("--db", wh.Db, "sql", "delete from dim_region");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
        Assert.Contains("read-only", r.Stderr);
        CliProcess.AssertNoStackTrace(r.Stderr);
        var ok = CliProcess.Run("--db", wh.Db, "sql", "--format", "csv", "select region_code from dim_region where region_code = '320481'");
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("region_code\r\n320481\r\n", ok.Stdout);
    }

    [PostgresFact]
    public void A_real_serialization_failure_is_transient_and_a_real_unique_violation_is_not()
    {
        using var wh = new TempWarehouse(engine: "postgres");
        using var a = (NpgsqlConnection)wh.Dialect.OpenReadWrite();
        using var b = (NpgsqlConnection)wh.Dialect.OpenReadWrite();
        // Write skew under SERIALIZABLE: each reads the set the other inserts into; PostgreSQL aborts one with 40001.
        using var ta = a.BeginTransaction(System.Data.IsolationLevel.Serializable);
        using var tb = b.BeginTransaction(System.Data.IsolationLevel.Serializable);
        const string insert = "INSERT INTO dim_region (region_code, region_name, name_en, level) VALUES (@code, 'x', 'x', 'city')";
        a.ExecuteScalar<long>("SELECT count(*) FROM dim_region WHERE level = 'city'", transaction: ta);
        b.ExecuteScalar<long>("SELECT count(*) FROM dim_region WHERE level = 'city'", transaction: tb);
        a.Execute(insert, new { code = "990001" }, ta);
        b.Execute(insert, new { code = "990002" }, tb);
        ta.Commit();
        var ex = Assert.ThrowsAny<PostgresException>(() => tb.Commit());
        Assert.Equal(PostgresErrorCodes.SerializationFailure, ex.SqlState);
        Assert.True(wh.Dialect.IsTransient(ex));

        var dup = Assert.ThrowsAny<PostgresException>(() => a.Execute(insert, new { code = "990001" }));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, dup.SqlState);
        Assert.False(wh.Dialect.IsTransient(dup));
    }

    [PostgresFact]
    public void A_real_deadlock_is_transient()
    {
        using var wh = new TempWarehouse(engine: "postgres");
        using var a = (NpgsqlConnection)wh.Dialect.OpenReadWrite();
        using var b = (NpgsqlConnection)wh.Dialect.OpenReadWrite();
        using var ta = a.BeginTransaction();
        using var tb = b.BeginTransaction();
        const string touch = "UPDATE dim_region SET aliases = aliases WHERE region_code = @code";
        a.Execute(touch, new { code = "320481" }, ta);
        b.Execute(touch, new { code = "320282" }, tb);
        // Each now waits for the row the other holds; the server's deadlock detector (1 s) aborts one of them with 40P01.
        var first = Task.Run(() => Catch(() => a.Execute(touch, new { code = "320282" }, ta)));
        Thread.Sleep(200);
        var second = Task.Run(() => Catch(() => b.Execute(touch, new { code = "320481" }, tb)));
        var errors = new[] { first.Result, second.Result }.OfType<PostgresException>().ToList();
        var deadlock = Assert.Single(errors);
        Assert.Equal(PostgresErrorCodes.DeadlockDetected, deadlock.SqlState);
        Assert.True(wh.Dialect.IsTransient(deadlock));
    }

    private static Exception? Catch(Action action)
    {
        try { action(); return null; }
        catch (Exception e) { return e; }
    }

    [PostgresFact]
    public void Connection_errors_are_described_for_the_user()
    {
        var cluster = PostgresCluster.Shared;
        var missing = SqlDialect.Open(cluster.Address("w_no_such_database"));
        var e1 = Assert.ThrowsAny<Exception>(() => missing.OpenReadWrite());
        var d1 = missing.Describe(e1);
        Assert.NotNull(d1);
        Assert.True(d1.Value.Usage);
        Assert.Contains("does not exist", d1.Value.Message);

        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop(); // nothing listens there now
        var refused = SqlDialect.Open($"postgresql://postgres@127.0.0.1:{port}/w");
        var e2 = Assert.ThrowsAny<Exception>(() => refused.OpenReadWrite());
        var d2 = refused.Describe(e2);
        Assert.NotNull(d2);
        Assert.Contains("cannot connect", d2.Value.Message);
        Assert.DoesNotContain("\n", d2.Value.Message);
    }
}

/// <summary>The same behaviour on every engine (<see cref="TempWarehouse.Engines"/>): the pattern for engine-parameterised tests.</summary>
[Collection(PostgresCollection.Name)]
public class EveryEngineTests
{
    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Reference_data_and_the_batch_log_read_back_the_same_on_every_engine(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        using var c = wh.Dialect.OpenReadWrite();
        Assert.Equal(9, c.ExecuteScalar<long>("SELECT count(*) FROM dim_region"));
        Assert.Equal(ReferenceData.LastYear - ReferenceData.FirstYear + 1, c.ExecuteScalar<long>("SELECT count(*) FROM dim_period"));
        var log = new BatchLog(wh.Dialect);
        var id = log.Start("ingest", "a.csv");
        log.Finish(id, "partial", new BatchCounts(3, 2, 1, 0, "detail"), "one row rejected");
        var b = c.QuerySingle<(string Status, long Read, long Loaded, string Error)>(
            "SELECT status, rows_read, rows_loaded, error FROM etl_batch WHERE batch_id = @id", new { id });
        Assert.Equal(("partial", 3L, 2L, "one row rejected"), b);
        var ad = AdHocQuery.Run(wh.Dialect, "select region_code from dim_region where region_code = '320481'", TimeSpan.FromSeconds(10));
        Assert.Equal("320481", ad.Rows.Single()[0]);
        var refused = Assert.ThrowsAny<QueryRefusedException>(() => AdHocQuery.Run(wh.Dialect, "delete from dim_region", TimeSpan.FromSeconds(10)));
        Assert.Equal(2, refused.ExitCode);
    }
}

/// <summary>PostgreSQL tests run one at a time: the roles they create are shared by the whole cluster.</summary>
[CollectionDefinition(Name)]
public class PostgresCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "postgres";
}

/// <summary>Which PostgreSQL errors are worth retrying: decided by SQLSTATE, no server needed.</summary>
public class PostgresTransientErrorTests
{
    private static readonly PostgresDialect Dialect = new(new NpgsqlConnectionStringBuilder("Host=127.0.0.1;Database=w"));

    private static PostgresException Error(string sqlState) => new("test", "ERROR", "ERROR", sqlState);

    [Theory]
    [InlineData("40001", true)]  // serialization_failure
    [InlineData("40P01", true)]  // deadlock_detected
    [InlineData("55P03", true)]  // lock_not_available
    [InlineData("57P01", true)]  // admin_shutdown (a failover)
    [InlineData("53300", true)]  // too_many_connections
    [InlineData("57014", false)] // query_canceled (our own timeout)
    [InlineData("23505", false)] // unique_violation
    [InlineData("23514", false)] // check_violation
    [InlineData("42601", false)] // syntax_error
    [InlineData("42501", false)] // insufficient_privilege
    [InlineData("28P01", false)] // invalid_password
    public void Transient_errors_are_told_by_sqlstate(string sqlState, bool transient) =>
        Assert.Equal(transient, Dialect.IsTransient(Error(sqlState)));

    [Fact]
    public void Errors_of_other_engines_and_plain_exceptions_are_not_transient()
    {
        Assert.False(Dialect.IsTransient(new InvalidOperationException("x")));
        Assert.False(Dialect.IsTransient(new IOException("disk")));
    }

    [Theory]
    [InlineData("28P01", true, "login")]
    [InlineData("3D000", true, "does not exist")]
    [InlineData("25006", true, "read-only")]
    [InlineData("40P01", false, "try again")]
    public void Server_errors_become_one_line_messages(string sqlState, bool usage, string text)
    {
        var d = Dialect.Describe(Error(sqlState));
        Assert.NotNull(d);
        Assert.Equal(usage, d.Value.Usage);
        Assert.Contains(text, d.Value.Message);
        Assert.Contains("/", d.Value.Message); // Chinese / English
    }

    [Fact]
    public void Other_errors_are_left_to_the_caller() => Assert.Null(Dialect.Describe(Error("23505")));
}
