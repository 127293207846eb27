using Warehouse.Etl.Sources.PlanDocuments;
using Warehouse.Store;

namespace Warehouse.Tests;

/// <summary><c>status</c> lists the rejects still standing: a file loaded again (its rows replaced) no longer counts its earlier
/// load's rejects, while a failed re-load, rolled back, leaves them (found by the newcomer trial of session 14).</summary>
public class StandingRejectsTests
{
    private const string Plan = "宜兴市知识产权局\n宜兴市知识产权强市建设行动方案（2026—2028年）\n二、主要目标\n" +
        "到2028年，有效注册商标量达到3万件。\n";

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_file_loaded_again_without_its_rejected_line_no_longer_lists_its_rejects(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var path = wh.PathOf("plan.txt");
        File.WriteAllText(path, Plan + "到2028年，每百户企业注册商标拥有量达到40件。\n");
        Assert.Equal(1, new PlanLoader(wh.Dialect).Load(path).Rejected);
        Assert.Equal(1L, Standing(wh));

        File.WriteAllBytes(path, []); // a failed load is rolled back: the rows and rejects before it still stand
        Assert.False(new PlanLoader(wh.Dialect).Load(path).Succeeded);
        Assert.Equal(1L, Standing(wh));

        File.WriteAllText(path, Plan);
        Assert.True(new PlanLoader(wh.Dialect).Load(path).Succeeded);
        Assert.Equal(0L, Standing(wh));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void An_unchanged_file_skipped_on_a_re_run_still_reports_the_rows_its_last_load_rejected(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var path = wh.PathOf("plan.txt");
        File.WriteAllText(path, Plan + "到2028年，每百户企业注册商标拥有量达到40件。\n");
        var ingestor = new Warehouse.Etl.Loading.Ingestor(wh.Dialect);
        Assert.Equal(1, Assert.Single(ingestor.Ingest([path])).Rejected);

        var again = Assert.Single(ingestor.Ingest([path]));
        Assert.True(again.Unchanged);
        Assert.Equal(1, again.StandingRejects);
        Assert.Contains("1 rejected rows still stand", again.ToString());

        File.WriteAllText(path, Plan); // fixed: loaded again, nothing stands
        Assert.Equal(0, Assert.Single(ingestor.Ingest([path])).Rejected);
        Assert.Equal(0, Assert.Single(ingestor.Ingest([path])).StandingRejects);
    }

    private static long Standing(TempWarehouse wh)
    {
        using var c = wh.Dialect.OpenReadOnly();
        return new ReadModels(wh.Dialect, c).RejectReasons().Sum(r => r.Total);
    }
}
