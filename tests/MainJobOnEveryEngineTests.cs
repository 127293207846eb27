using Dapper;
using Warehouse.Etl.Loading;
using Warehouse.Reports.Briefing;
using Warehouse.Reports.Forecasting;
using Warehouse.Store.Engine;
using Warehouse.Reports.Pipeline;
using Warehouse.Store;

namespace Warehouse.Tests;

/// <summary>The main job gives the same answers on every engine: the same attainment row for row, the same charts.</summary>
public class MainJobOnEveryEngineTests
{
    private const string Attainment = """
        SELECT region_code, indicator_code, target_kind, measure, target_year, period_start, period_end, comparator, target,
               latest_year, latest_value, achieved, achieved_as_of, progress, forecast, lo80, hi80, lo95, hi95, probability_met,
               gap, required_growth, status, source_kind, source_document
        FROM v_attainment
        ORDER BY region_code, indicator_code, target_kind, target_year, period_start, target, source_document
        """;

    [PostgresFact]
    public void The_main_job_on_PostgreSQL_matches_SQLite_row_for_row_and_chart_for_chart()
    {
        using var sqlite = new TempWarehouse(init: false, engine: "sqlite");
        using var postgres = new TempWarehouse(init: false, engine: "postgres");
        var onSqlite = new MainJob(sqlite.Dialect, TempWarehouse.SeedsDir).Run(sqlite.PathOf("out"));
        var onPostgres = new MainJob(postgres.Dialect, TempWarehouse.SeedsDir).Run(postgres.PathOf("out"));

        var a = Rows(sqlite);
        var b = Rows(postgres);
        Assert.True(a.Count > 100, $"only {a.Count} attainment rows");
        Assert.Contains(a, r => r[22] is "on_track" or "at_risk" or "off_track"); // forecasts really ran
        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
            for (var j = 0; j < a[i].Length; j++)
                Assert.True(Same(a[i][j], b[i][j]), $"row {i} column {j}: SQLite {a[i][j]} vs PostgreSQL {b[i][j]} ({string.Join(", ", a[i])})");

        // Every chart is the same picture: the briefing reads the same rows in the same order on both engines.
        var pngs = Directory.GetFiles(onSqlite.Briefing.Folder, "*.png").Select(Path.GetFileName).Order().ToList();
        Assert.NotEmpty(pngs);
        Assert.Equal(pngs, Directory.GetFiles(onPostgres.Briefing.Folder, "*.png").Select(Path.GetFileName).Order().ToList());
        foreach (var png in pngs)
            Assert.True(File.ReadAllBytes(Path.Combine(onSqlite.Briefing.Folder, png!))
                .SequenceEqual(File.ReadAllBytes(Path.Combine(onPostgres.Briefing.Folder, png!))), $"{png} differs between engines");
    }

    /// <summary>The briefing lists its rows (the 目标 sheet, the overview, the sources, every chart's series) in the order the read
    /// statements return them, so that order must be the same on every engine: a total order, and text sorted byte-wise even in a
    /// PostgreSQL database created with a linguistic collation (en-US ignoring underscores, as glibc's en_US.UTF-8 does; Chinese).</summary>
    [PostgresTheory]
    [InlineData("C.UTF-8")]
    [InlineData("en-US-u-ka-shifted")]
    [InlineData("zh")]
    public void The_briefing_reads_its_rows_in_the_same_order_on_PostgreSQL_whatever_the_databases_collation(string collation)
    {
        using var sqlite = new TempWarehouse(engine: "sqlite");
        var name = "w_" + Guid.NewGuid().ToString("N");
        PostgresCluster.Shared.Admin(collation == "C.UTF-8"
            ? $"CREATE DATABASE {name}"
            : $"CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '{collation}' LOCALE 'C.UTF-8'");
        try
        {
            var postgres = SqlDialect.Open(PostgresCluster.Shared.Address(name));
            new Migrator(postgres).Migrate();
            ReferenceData.Load(postgres, TempWarehouse.SeedsDir);
            foreach (var dialect in new[] { sqlite.Dialect, postgres })
            {
                new Ingestor(dialect).Ingest([TempWarehouse.SeedsDir]);
                new ForecastRun(dialect).Execute();
            }
            var a = BriefingData.Load(sqlite.Dialect);
            var b = BriefingData.Load(postgres);
            SameOrder("regions", a.Regions, b.Regions, r => r.RegionCode);
            SameOrder("indicators", a.Indicators, b.Indicators, i => i.IndicatorCode);
            SameOrder("scorecard indicators", a.ScorecardIndicators, b.ScorecardIndicators, i => i);
            SameOrder("targets", a.Targets, b.Targets, t => t.ToString());
            SameOrder("attainment", a.Attainment, b.Attainment,
                r => $"{r.RegionCode} {r.IndicatorCode} {r.TargetKind} {r.Measure} {r.PeriodStart}-{r.PeriodEnd} {r.TargetYear} {r.Comparator} {r.Target} {r.SourceDocument}");
            SameOrder("observations", a.Observations, b.Observations, o => o.ToString());
            SameOrder("forecasts", a.Forecasts, b.Forecasts, f => $"{f.RegionCode} {f.IndicatorCode} {f.Year}");
            SameOrder("sources", a.Sources, b.Sources, s => $"{s.Kind} {s.SourceName}");
        }
        finally
        {
            PostgresCluster.Shared.DropDatabase(name);
        }
    }

    private static void SameOrder<T>(string what, IReadOnlyList<T> sqlite, IReadOnlyList<T> postgres, Func<T, string> key)
    {
        var a = sqlite.Select(key).ToList();
        var b = postgres.Select(key).ToList();
        Assert.True(a.Count > 0, $"no {what}");
        Assert.Equal(a.Count, b.Count);
        var i = Enumerable.Range(0, a.Count).FirstOrDefault(k => a[k] != b[k], -1);
        Assert.True(i < 0, $"{what} #{i}: SQLite {(i < 0 ? "" : a[i])}\n  vs PostgreSQL {(i < 0 ? "" : b[i])}");
    }

    private static List<object?[]> Rows(TempWarehouse wh)
    {
        using var c = wh.Dialect.OpenReadOnly();
        return c.Query(Attainment).Select(r => ((IDictionary<string, object?>)r).Values.ToArray()).ToList();
    }

    // Numbers compare as numbers (an engine may return 2025 as long or int, 0.5 as double or decimal); doubles to 1e-9 relative,
    // since a sum may be added up in another order.
    private static bool Same(object? x, object? y) => (x, y) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (string s, string t) => s == t,
        _ when IsNumber(x) && IsNumber(y) => Math.Abs(Convert.ToDouble(x) - Convert.ToDouble(y))
            <= 1e-9 * Math.Max(1, Math.Abs(Convert.ToDouble(x))),
        _ => Equals(x, y),
    };

    private static bool IsNumber(object o) => o is long or int or short or double or float or decimal;
}
