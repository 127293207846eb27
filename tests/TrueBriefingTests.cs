using Dapper;
using Warehouse.Cli.Serve;
using Warehouse.Reports.Pipeline;
using Warehouse.Etl.Loading;
using Warehouse.Reports.Briefing;
using Warehouse.Reports.Forecasting;
using Warehouse.Store;

namespace Warehouse.Tests;

/// <summary>The scheduled path publishes true briefings: unchanged input is a no-op, stale forecasts are refreshed or the
/// briefing is refused, attainment is read in the target's own sense, and implausible figures are quarantined.</summary>
[Collection("server")]
public class TrueBriefingTests
{
    /// <summary>A copy of seeds/ in the temporary folder, so a test may change a plan.</summary>
    private static string CopySeeds(TempWarehouse w)
    {
        var root = w.PathOf("root");
        foreach (var file in Directory.EnumerateFiles(TempWarehouse.SeedsDir, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(root, "seeds", Path.GetRelativePath(TempWarehouse.SeedsDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        File.WriteAllText(Path.Combine(root, "Warehouse.sln"), "");
        return root;
    }

    private static (long Batches, long Rejects, long Attainment, long Goals) Counts(TempWarehouse w)
    {
        using var c = w.Dialect.OpenReadOnly();
        return c.QuerySingle<(long, long, long, long)>("""
            SELECT (SELECT count(*) FROM etl_batch), (SELECT count(*) FROM etl_reject), (SELECT count(*) FROM v_attainment),
                   (SELECT count(*) FROM fact_target WHERE target_kind IN ('goal', 'milestone'))
            """);
    }

    private static void RunMainJob(TempWarehouse w, string seeds)
    {
        new Ingestor(w.Dialect).Ingest([seeds]);
        new ForecastRun(w.Dialect).Execute();
        BriefingPublisher.Publish(w.Dialect, w.PathOf("out"), "test");
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void An_unchanged_ingest_touches_nothing_and_the_next_briefing_still_scores_every_goal(string engine)
    {
        using var w = new TempWarehouse(engine: engine);
        RunMainJob(w, TempWarehouse.SeedsDir);
        var before = Counts(w);
        Assert.True(before.Goals > 100);
        Assert.Equal(before.Goals, before.Attainment);

        var again = new Ingestor(w.Dialect).Ingest([TempWarehouse.SeedsDir]);
        Assert.All(again, r => Assert.True(r.Unchanged, r.ToString()));
        var after = Counts(w);
        Assert.Equal(before.Rejects, after.Rejects);
        Assert.Equal(before.Attainment, after.Attainment);
        Assert.Equal(before.Batches + 1, after.Batches); // the one "skipped" line

        var output = BriefingPublisher.Publish(w.Dialect, w.PathOf("out2"), "test");
        Assert.Contains(output.Files, f => f.EndsWith(".xlsx"));
        var data = BriefingData.Load(w.Dialect);
        Assert.Equal(before.Goals, data.Attainment.Count);
        Assert.DoesNotContain(data.Attainment, a => a.Progress > 10);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_changed_plan_marks_forecasts_stale_and_the_briefing_refreshes_them_first(string engine)
    {
        using var w = new TempWarehouse(engine: engine);
        var root = CopySeeds(w);
        var seeds = Path.Combine(root, "seeds");
        RunMainJob(w, seeds);
        Assert.Null(Freshness.Read(w.Dialect, Freshness.Forecast));

        var plan = Directory.GetFiles(Path.Combine(seeds, "documents"), "320612*").Single();
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("20亿元", "25亿元"));
        var results = new Ingestor(w.Dialect).Ingest([seeds]);
        Assert.Single(results, r => !r.Unchanged);
        var stale = Freshness.Read(w.Dialect, Freshness.Forecast);
        Assert.NotNull(stale);
        Assert.Contains("320612", stale.Reason);
        Assert.NotNull(BriefingReadiness.Read(w.Dialect).Refusal());

        var said = new List<string>();
        BriefingPublisher.Publish(w.Dialect, w.PathOf("out2"), "test", say: said.Add);
        Assert.Contains(said, s => s.Contains("stale"));
        Assert.Null(Freshness.Read(w.Dialect, Freshness.Forecast));
        var c = Counts(w);
        Assert.Equal(c.Goals, c.Attainment);
        var pledge = BriefingData.Load(w.Dialect).Attainment.Single(a => a is { RegionCode: "320612", IndicatorCode: "ip_pledge_financing" });
        Assert.Equal(25, pledge.Target);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_briefing_is_refused_when_goals_have_no_attainment_or_attainment_is_older_than_the_data(string engine)
    {
        using var w = new TempWarehouse(engine: engine);
        new Ingestor(w.Dialect).Ingest([Path.Combine(TempWarehouse.SeedsDir, "documents")]);
        using (var c = w.Dialect.OpenReadWrite()) c.Execute("DELETE FROM warehouse_state"); // bypass the stale mark: the count rule must hold alone
        var ex = Assert.Throws<BriefingRefusedException>(() => BriefingPublisher.Publish(w.Dialect, w.PathOf("out"), "test"));
        Assert.Contains("no attainment", ex.Message);
        Assert.False(Directory.Exists(w.PathOf("out")));

        new ForecastRun(w.Dialect).Execute();
        using (var c = w.Dialect.OpenReadWrite())
            c.Execute("UPDATE etl_batch SET finished_at = '2999-01-01T00:00:00.000+08:00' WHERE job = 'ingest-plan'");
        var older = Assert.Throws<BriefingRefusedException>(() => BriefingPublisher.Publish(w.Dialect, w.PathOf("out"), "test"));
        Assert.Contains("older than the data", older.Message);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public async Task Through_serve_two_unchanged_ingests_then_the_briefing_job_publish_a_true_briefing(string engine)
    {
        await using var s = new TestServer(engine: engine);
        await s.Http.PostAsync("/api/jobs/ingest/trigger", null);
        Assert.True(await TestServer.Eventually(() => s.JobBatches().Any(b => b is { Job: "job:briefing", Status: "succeeded" })));
        var before = Counts(s.Warehouse);
        Assert.Equal(before.Goals, before.Attainment);

        for (var i = 0; i < 2; i++)
        {
            var n = s.JobBatches().Count(b => b.Job == "job:ingest");
            await s.Http.PostAsync("/api/jobs/ingest/trigger", null);
            Assert.True(await TestServer.Eventually(() => s.JobBatches().Count(b => b.Job == "job:ingest" && b.Status is "succeeded" or "partial") > n));
        }
        var last = s.JobBatches().Last(b => b.Job == "job:ingest");
        Assert.Contains("files unchanged", last.Detail);
        var after = Counts(s.Warehouse);
        Assert.Equal(before.Rejects, after.Rejects);
        Assert.Equal(before.Batches + 2, after.Batches); // the two job rows, nothing per file

        var briefings = s.JobBatches().Count(b => b is { Job: "job:briefing", Status: "succeeded" });
        await s.Http.PostAsync("/api/jobs/briefing/trigger", null);
        Assert.True(await TestServer.Eventually(() => s.JobBatches().Count(b => b is { Job: "job:briefing", Status: "succeeded" }) > briefings));
        Assert.Equal(after.Goals, Counts(s.Warehouse).Attainment);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Ingest_job_status_is_partial_when_a_file_fails_and_an_unknown_layout_fails_naming_the_layouts(string engine)
    {
        using var w = new TempWarehouse(engine: engine);
        var good = w.PathOf("good.csv");
        File.WriteAllText(good, "地区,指标,年份,数值\n宜兴市,专利授权量,2023,100\n");
        var odd = w.PathOf("odd.csv");
        File.WriteAllText(odd, "甲,乙,丙\n1,2,3\n4,5,6\n");
        var results = new Ingestor(w.Dialect).Ingest([good, odd]);
        var failed = Assert.Single(results, r => !r.Succeeded);
        Assert.Contains("odd.csv", failed.Error);
        Assert.Contains("long", failed.Error);
        Assert.Contains("wide", failed.Error);
        var outcome = JobOutcome.Of(results, stale: true);
        Assert.Equal("partial", outcome.Status);
        Assert.Contains("odd.csv", outcome.Detail);
        Assert.Equal("failed", JobOutcome.Of([failed], stale: false).Status);
        Assert.Equal("succeeded", JobOutcome.Of(results.Where(r => r.Succeeded).ToList(), stale: false).Status);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_wan_slip_is_quarantined_as_implausible_unless_the_note_confirms_it(string engine)
    {
        using var w = new TempWarehouse(engine: engine);
        var series = w.PathOf("series.csv");
        File.WriteAllText(series, "地区,指标,年份,数值,单位\n" + string.Join("\n",
            new[] { 5.06, 5.55, 5.78, 6.2 }.Select((v, i) => $"宜兴市,有效注册商标量,{2021 + i},{v},万件")) + "\n");
        new Ingestor(w.Dialect).Ingest([series]);

        var slip = w.PathOf("slip.csv");
        File.WriteAllText(slip, "地区,指标,年份,数值,单位,备注\n宜兴市,有效注册商标量,2025,\"1,523\",万件,\n宜兴市,专利授权量,2025,3000,件,\n");
        var r = Assert.Single(new Ingestor(w.Dialect).Ingest([slip]), x => !x.Unchanged);
        Assert.Equal((1, 1), (r.Loaded, r.Rejected));
        using (var c = w.Dialect.OpenReadOnly())
        {
            var reason = c.QuerySingle<string>("SELECT reason FROM etl_reject WHERE file_name = 'slip.csv'");
            Assert.StartsWith("implausible", reason);
            Assert.Contains("62,000", reason); // the neighbour it was compared with
            Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM v_observations WHERE value > 1000000"));
        }

        File.WriteAllText(slip, "地区,指标,年份,数值,单位,备注\n宜兴市,有效注册商标量,2025,\"1,523\",万件,已核实\n");
        Assert.Equal(0, Assert.Single(new Ingestor(w.Dialect).Ingest([slip])).Rejected);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_unit_slip_far_from_any_neighbour_year_is_still_caught_and_small_counts_may_jump(string engine)
    {
        using var w = new TempWarehouse(engine: engine);
        var f = w.PathOf("old.csv");
        File.WriteAllText(f, "地区,指标,年份,数值,单位\n宜兴市,知识产权质押融资金额,2010,5.2,亿元\n宜兴市,知识产权质押融资金额,2011,5.9,亿元\n"
            + "宜兴市,马德里商标注册量,2023,1,件\n");
        new Ingestor(w.Dialect).Ingest([f]);
        var g = w.PathOf("new.csv");
        // 2020 has no neighbour within three years; 52000 亿元 is 10⁴ times the series: a 万元 figure typed as 亿元.
        File.WriteAllText(g, "地区,指标,年份,数值,单位\n宜兴市,知识产权质押融资金额,2020,52000,亿元\n宜兴市,马德里商标注册量,2024,6,件\n");
        var r = Assert.Single(new Ingestor(w.Dialect).Ingest([g]), x => !x.Unchanged);
        Assert.Equal((1, 1), (r.Loaded, r.Rejected));
    }
}

/// <summary>Achieved in the target's own sense, computed by hand from the shipped seeds.</summary>
public class AchievedTests
{
    private static IReadOnlyDictionary<int, double> Series(params (int Year, double Value)[] points) => points.ToDictionary(p => p.Year, p => p.Value);

    [Fact]
    public void Ratio_target_achieved_is_the_latest_level_and_met_or_missed_once_the_year_is_observed()
    {
        // seeds: 常州高新区 万人发明专利拥有量 2022 78.67, 2023 82.85, 2024 90 (illustrative); goal 92 in 2025, milestones 86 (2023), 90 (2024).
        var obs = Series((2022, 78.67), (2023, 82.85), (2024, 90));
        var (achieved, asOf) = Attainment.Achieved(new TargetSpec("ratio", ">=", 92, 2025, 2025, 2025), obs);
        Assert.Equal((90.0, 2024), (achieved!.Value, asOf!.Value));
        Assert.Equal("missed", Attainment.Assess(new TargetSpec("ratio", ">=", 86, 2023, 2023, 2023), obs, null).Status);
        var met = Attainment.Assess(new TargetSpec("ratio", ">=", 90, 2024, 2024, 2024), obs, null);
        Assert.Equal(("met", 1.0), (met.Status, met.Progress!.Value));
        Assert.Equal(82.85, Attainment.Assess(new TargetSpec("ratio", ">=", 86, 2023, 2023, 2023), obs, null).Achieved);
    }

    [Fact]
    public void Cumulative_target_achieved_is_the_sum_over_its_span_so_far()
    {
        // seeds: 通州区 知识产权质押融资 2020 5 (before the span: the plan's baseline), 2021 5.03, 2022 5.07, 2023 5.16, 2024 4.6 亿元
        // (published); goal 累计 20亿元 2021–2025.
        var obs = Series((2020, 5), (2021, 5.03), (2022, 5.07), (2023, 5.16), (2024, 4.6));
        var t = new TargetSpec("cumulative", ">=", 20, 2025, 2021, 2025);
        var (achieved, asOf) = Attainment.Achieved(t, obs);
        Assert.Equal(19.86, achieved!.Value, 6);
        Assert.Equal(2024, asOf);
        var f = new IntervalForecast("test", [4.8], [4.0], [5.6], [3.5], [6.1]);
        var a = Attainment.Assess(t, obs, f);
        Assert.Equal(19.86 / 20, a.Progress!.Value, 6);
        Assert.NotEqual("met", a.Status);
        Assert.Null(Attainment.Achieved(t, Series((2020, 5), (2021, 5.03), (2023, 5.16))).Achieved); // a missing year is not summed over
    }

    [Fact]
    public void Increment_target_achieved_is_the_change_since_the_year_before_its_span()
    {
        // seeds: 常州高新区 马德里商标注册量 2021 23, 2024 30 件; goal 2025年新增12件 over 2022–2025.
        var obs = Series((2021, 23), (2022, 26), (2023, 27), (2024, 30));
        var t = new TargetSpec("increment", ">=", 12, 2025, 2022, 2025);
        Assert.Equal((7.0, 2024), (Attainment.Achieved(t, obs).Achieved!.Value, Attainment.Achieved(t, obs).AsOf!.Value));
        var done = Attainment.Assess(new TargetSpec("increment", ">=", 12, 2024, 2022, 2024), obs, null);
        Assert.Equal(("missed", 7 / 12.0), (done.Status, done.Progress!.Value));
        Assert.Null(Attainment.Achieved(t, Series((2022, 26), (2024, 30))).Achieved); // no figure for the year before the span
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void The_seeds_attainment_rows_carry_achieved_as_of_and_the_weakest_source(string engine)
    {
        using var w = new TempWarehouse(engine: engine);
        new Ingestor(w.Dialect).Ingest([TempWarehouse.SeedsDir]);
        new ForecastRun(w.Dialect).Execute();
        var rows = BriefingData.Load(w.Dialect).Attainment;
        var pledge = rows.Single(a => a is { RegionCode: "320612", IndicatorCode: "ip_pledge_financing", TargetKind: "goal" });
        Assert.Equal((19.86, 2024L, "illustrative"), (Math.Round(pledge.Achieved!.Value, 2), pledge.AchievedAsOf!.Value, pledge.SourceKind));
        Assert.Equal(pledge.Achieved / pledge.Target, pledge.Progress);
        var madrid = rows.Single(a => a is { RegionCode: "320411", IndicatorCode: "madrid_registrations", TargetKind: "goal" });
        Assert.Equal(7, madrid.Achieved);
        Assert.Contains(rows, a => a.Status == "missed");
        Assert.DoesNotContain(rows, a => a.Status is "met" or "missed" && a.TargetYear > a.AchievedAsOf);
    }
}
