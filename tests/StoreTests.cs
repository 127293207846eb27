using Dapper;
using Warehouse.Store;

namespace Warehouse.Tests;

public class MigrationTests
{
    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Migrate_creates_every_table_and_view_and_records_each_version_once(string engine)
    {
        using var wh = new TempWarehouse(init: false, engine: engine);
        var applied = new Migrator(wh.Dialect).Migrate();
        var scripts = Migrator.Migrations();
        Assert.Equal(scripts.Select(s => s.Version), applied);
        Assert.Equal(Enumerable.Range(1, scripts.Count), scripts.Select(s => s.Version));

        using var c = wh.Dialect.OpenReadWrite();
        var objects = c.Query<string>(wh.Engine == "postgres"
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type IN ('table','view')").ToHashSet();
        foreach (var name in new[] { "dim_region", "dim_indicator", "dim_period", "dim_source", "fact_observation", "fact_target",
                     "fact_forecast", "etl_batch", "etl_reject", "schema_version", "v_targets", "v_observations", "v_forecasts", "v_attainment" })
            Assert.Contains(name, objects);
        Assert.Equal(scripts.Count, c.ExecuteScalar<int>("SELECT count(*) FROM schema_version"));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Migrate_twice_applies_nothing_the_second_time_and_keeps_data(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var before = Rows(wh);
        Assert.Empty(new Migrator(wh.Dialect).Migrate());
        ReferenceData.Load(wh.Dialect, TempWarehouse.SeedsDir);
        Assert.Equal(before, Rows(wh));
        using var c = wh.Dialect.OpenReadWrite();
        Assert.Equal(Migrator.Migrations().Max(m => m.Version), Migrator.CurrentVersion(c, wh.Dialect));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Views_expose_the_public_columns(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        using var c = wh.Dialect.OpenReadWrite();
        var expected = new Dictionary<string, string[]>
        {
            ["v_targets"] = ["region_code", "region_name", "indicator_code", "indicator_name", "unit", "measure", "target_kind", "period_start", "period_end", "target_year", "comparator", "value", "source_document", "evidence"],
            ["v_observations"] = ["region_code", "region_name", "indicator_code", "indicator_name", "unit", "year", "period", "value", "source_kind", "source"],
        };
        foreach (var (view, columns) in expected)
        {
            var actual = c.Query<string>(wh.Engine == "postgres"
                ? "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @view"
                : "SELECT name FROM pragma_table_info(@view)", new { view }).ToList();
            foreach (var col in columns) Assert.Contains(col, actual);
        }
    }

    private static (long, long, long) Rows(TempWarehouse wh)
    {
        using var c = wh.Dialect.OpenReadWrite();
        return (c.ExecuteScalar<long>("SELECT count(*) FROM dim_region"), c.ExecuteScalar<long>("SELECT count(*) FROM dim_indicator"),
            c.ExecuteScalar<long>("SELECT count(*) FROM dim_period"));
    }
}

public class ReferenceDataTests
{
    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void The_five_customer_regions_and_their_parents_load_with_aliases(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        using var c = wh.Dialect.OpenReadWrite();
        var catalog = Catalog.Load(wh.Dialect, c);
        foreach (var code in new[] { "320411", "320481", "320700", "320612", "320282", "320400", "320200", "320600", "320000" })
            Assert.Contains(catalog.Regions, r => r.RegionCode == code);
        Assert.Equal("320411", catalog.FindRegion("新北区")?.RegionCode);
        Assert.Equal("320411", catalog.FindRegion("常州高新区")?.RegionCode);
        Assert.Equal("320282", catalog.FindRegion("宜兴")?.RegionCode);
        Assert.Equal("320612", catalog.FindRegion("通州")?.RegionCode);
        Assert.Equal("320400", catalog.RegionByCode("320481").ParentCode);
        Assert.Null(catalog.FindRegion("北京市"));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Indicator_synonyms_resolve_to_one_indicator_with_its_canonical_unit(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        using var c = wh.Dialect.OpenReadWrite();
        var catalog = Catalog.Load(wh.Dialect, c);
        var hv = catalog.FindIndicator("每万人口高价值发明专利拥有量");
        Assert.Equal("hv_invention_patents_per_10k", hv?.IndicatorCode);
        Assert.Same(hv, catalog.FindIndicator("万人高价值发明专利拥有量"));
        Assert.Equal("件/万人", hv!.Unit);
        Assert.Equal("亿元", catalog.FindIndicator("知识产权质押融资")!.Unit);
        Assert.Null(catalog.FindIndicator("人均GDP"));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_seed_file_with_a_bad_number_is_refused_with_file_and_line(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var seeds = wh.PathOf("seeds");
        Directory.CreateDirectory(seeds);
        File.Copy(Path.Combine(TempWarehouse.SeedsDir, "regions.csv"), Path.Combine(seeds, "regions.csv"));
        var lines = File.ReadAllLines(Path.Combine(TempWarehouse.SeedsDir, "indicators.csv"));
        lines[3] = lines[3].Replace(",ratio,1,", ",ratio,high,").Replace(",annual,1,", ",annual,high,").Replace(",stock,1,", ",stock,high,");
        File.WriteAllLines(Path.Combine(seeds, "indicators.csv"), lines);
        var ex = Assert.Throws<InvalidDataException>(() => ReferenceData.Load(wh.Dialect, seeds));
        Assert.Contains("indicators.csv", ex.Message);
        Assert.Contains("line 4", ex.Message);
    }
}

public class AdHocQueryTests
{
    public static TheoryData<string, string> Writes => TempWarehouse.EnginesTimes(
        "DELETE FROM dim_region",
        "update dim_region set region_name = 'x'",
        "DROP TABLE dim_region",
        "ATTACH DATABASE '/tmp/x.db' AS x",
        "WITH a AS (SELECT 1) DELETE FROM dim_region",
        "SELECT 1; DELETE FROM dim_region",
        "PRAGMA writable_schema = 1",
        "INSERT INTO dim_region (region_code) VALUES ('x')");

    [Theory]
    [MemberData(nameof(Writes))]
    public void Writes_are_refused_and_change_nothing(string engine, string sql)
    {
        using var wh = new TempWarehouse(engine: engine);
        var before = AdHocQuery.Run(wh.Dialect, "SELECT count(*) FROM dim_region", TimeSpan.FromSeconds(5)).Rows[0][0];
        Assert.Throws<QueryRefusedException>(() => AdHocQuery.Run(wh.Dialect, sql, TimeSpan.FromSeconds(5)));
        var after = AdHocQuery.Run(wh.Dialect, "SELECT count(*) FROM dim_region", TimeSpan.FromSeconds(5)).Rows[0][0];
        Assert.Equal(before, after);
        Assert.True((long)after! >= 5);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void The_read_only_connection_refuses_writes_even_past_the_keyword_check(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        using var c = wh.Dialect.OpenReadOnly();
        var ex = Assert.ThrowsAny<System.Data.Common.DbException>(() => c.Execute("DELETE FROM dim_region"));
        // SQLite: "attempt to write a readonly database"; PostgreSQL: "cannot execute DELETE in a read-only transaction".
        Assert.Contains(wh.Engine == "postgres" ? "readonly transaction" : "readonly", ex.Message.Replace("-", "").ToLowerInvariant());
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Keywords_inside_strings_and_the_replace_function_are_allowed(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var r = AdHocQuery.Run(wh.Dialect, "SELECT replace(region_name, '市', '') AS n, 'DELETE me' AS s FROM dim_region WHERE region_code = '320481'", TimeSpan.FromSeconds(5));
        Assert.Equal("溧阳", r.Rows[0][0]);
        Assert.Equal("DELETE me", r.Rows[0][1]);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_long_query_is_cut_off_by_the_timeout(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n";
        var ex = Assert.Throws<QueryTimeoutException>(() => AdHocQuery.Run(wh.Dialect, sql, TimeSpan.FromMilliseconds(300)));
        Assert.Contains("timeout", ex.Message.Replace("超时", "timeout"));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Csv_output_is_rfc4180_with_a_header_and_quoted_specials(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var r = AdHocQuery.Run(wh.Dialect, "SELECT 'a,b' AS x, 'say \"hi\"' AS y, NULL AS z, 1.5 AS w, 'line1' || '\n' || 'line2' AS v", TimeSpan.FromSeconds(5));
        var sw = new StringWriter();
        ResultFormats.WriteCsv(r, sw);
        Assert.Equal("x,y,z,w,v\r\n\"a,b\",\"say \"\"hi\"\"\",,1.5,\"line1\nline2\"\r\n", sw.ToString());
        var parsed = CsvRecords.Read(new StringReader(sw.ToString())).ToList();
        Assert.Equal(["a,b", "say \"hi\"", "", "1.5", "line1\nline2"], parsed[1].Fields);
    }
}
