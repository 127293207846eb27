using Dapper;
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
