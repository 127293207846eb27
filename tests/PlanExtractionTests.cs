using System.Globalization;
using Dapper;
using Warehouse.Etl.Sources.PlanDocuments;
using Warehouse.Store;
using Xunit.Abstractions;

using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

public class PlanExtractionAccuracyTests(ITestOutputHelper output)
{
    private static readonly string Documents = Path.Combine(TempWarehouse.SeedsDir, "documents");

    /// <summary>The hand labels: every goal, milestone and baseline of the five plans, keyed region|indicator|kind|year|value.</summary>
    public static HashSet<string> Labels() =>
        File.ReadAllLines(Path.Combine(TempWarehouse.RepoRoot, "tests", "Fixtures", "plan_targets_labelled.csv"))
            .Skip(1).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(','))
            .Select(f => Key(f[0], f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToHashSet();

    private static string Key(string region, string indicator, string kind, long year, double value) =>
        $"{region}|{indicator}|{kind}|{year}|{value.ToString("R", CultureInfo.InvariantCulture)}";

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Ingesting_the_five_plans_reaches_95_percent_recall_and_precision_against_the_hand_labels(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var loader = new PlanLoader(wh.Dialect);
        foreach (var file in Directory.GetFiles(Documents).Order())
            Assert.True(loader.Load(file).Succeeded, file);

        using var c = wh.Dialect.OpenReadWrite();
        var extracted = c.Query<(string, string, string, long, double)>(
                "SELECT region_code, indicator_code, target_kind, target_year, value FROM v_targets")
            .Select(t => Key(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5)).ToHashSet();
        var labels = Labels();
        var hits = extracted.Intersect(labels).Count();
        var recall = (double)hits / labels.Count;
        var precision = (double)hits / extracted.Count;
        output.WriteLine($"labels {labels.Count}, extracted {extracted.Count}, matched {hits}: recall {recall:P1}, precision {precision:P1}");
        foreach (var miss in labels.Except(extracted).Order()) output.WriteLine("missed:    " + miss);
        foreach (var extra in extracted.Except(labels).Order()) output.WriteLine("unlabelled: " + extra);
        Assert.True(labels.Count >= 150, "the fixture covers the five plans");
        Assert.True(recall >= 0.95, $"recall {recall:P1}");
        Assert.True(precision >= 0.95, $"precision {precision:P1}");
    }
}

public class PlanDocumentShapeTests
{
    private const string Head = "连云港市人民政府\n连云港市知识产权工作方案（2024—2026年）\n";

    [Fact]
    public void Prose_goals_get_value_in_the_canonical_unit_comparator_measure_and_span()
    {
        var r = Extract(Head + "三、主要目标\n到2026年，万人高价值发明专利拥有量达10件，新增发明专利授权5000件，有效注册商标量达13.5万件，知识产权质押融资累计达60亿元，知识产权服务从业人数超300人。\n");
        Assert.Equal("320700", r.Header.Region.RegionCode);
        Assert.Equal((2024, 2026), (r.Header.StartYear, r.Header.EndYear));
        var t = r.Targets.ToDictionary(x => x.IndicatorCode);
        Assert.Equal(135000, t["registered_trademarks"].Value);
        Assert.Equal(("stock", ">=", 2026), (t["registered_trademarks"].Measure, t["registered_trademarks"].Comparator, t["registered_trademarks"].TargetYear));
        Assert.Equal(("cumulative", 2024, 2026), (t["ip_pledge_financing"].Measure, t["ip_pledge_financing"].SpanStart, t["ip_pledge_financing"].SpanEnd));
        Assert.Equal(("cumulative", 5000.0), (t["invention_grants"].Measure, t["invention_grants"].Value));
        Assert.Equal("ratio", t["hv_invention_patents_per_10k"].Measure);
        Assert.All(r.Targets, x => Assert.Equal("goal", x.Kind));
        Assert.Contains("13.5万件", t["registered_trademarks"].Evidence);
        Assert.Equal(5, r.Targets.Count);
    }

    [Fact]
    public void A_tab_separated_table_and_a_one_cell_per_line_table_are_both_read()
    {
        var tabs = Extract("溧阳市人民政府办公室文件\n溧阳市“十四五”知识产权发展规划\n（三）发展目标\n项目\t指标（单位）\t发展目标\n知识产权产出\t发明专利拥有量（件）\t3100\n\t累计PCT专利申请量（件）\t200\n知识产权运用\t知识产权质押融资（亿元）\t11\n");
        Assert.Equal(3, tabs.Targets.Count);
        Assert.Contains(tabs.Targets, x => x is { IndicatorCode: "invention_patents_owned", Value: 3100, TargetYear: 2025 });
        Assert.Contains(tabs.Targets, x => x is { IndicatorCode: "pct_applications", Value: 200, Measure: "cumulative", SpanStart: 2021 });

        var cells = Extract("区政府关于印发通州区“十四五”知识产权发展规划的通知\n（三）发展目标\n\t项目\n\t指标\n\t发展目标\n\t知识产权\n\n创造\n\t万人高价值发明专利拥有量\n\t18件\n\n\t知识产权保护社会满意度\n\t85%\n");
        Assert.Equal("320612", cells.Header.Region.RegionCode);
        Assert.Contains(cells.Targets, x => x is { IndicatorCode: "hv_invention_patents_per_10k", Value: 18, Kind: "goal", TargetYear: 2025 });
        Assert.Contains(cells.Targets, x => x is { IndicatorCode: "ip_protection_satisfaction", Value: 85 });
    }

    [Fact]
    public void Schedule_blocks_give_milestones_and_the_last_year_gives_goals()
    {
        var r = Extract("常州国家高新区管委会\n工作方案（2022～2025）\n五、时序进度\n（一）2022年7月至2022年12月\n5．万人发明专利拥有量82件；\n（三）2023年7月至2023年12月\n1．万人发明专利拥有量86件；\n6．实施 5项企业专利导航或预警项目；\n（六）2025年1月至2025年6月\n1．万人发明专利拥有量92件；\n六、保障措施\n");
        Assert.Contains(r.Targets, x => x is { IndicatorCode: "invention_patents_per_10k", Kind: "milestone", TargetYear: 2022, Value: 82 });
        Assert.Contains(r.Targets, x => x is { IndicatorCode: "invention_patents_per_10k", Kind: "milestone", TargetYear: 2023, Value: 86 });
        Assert.Contains(r.Targets, x => x is { IndicatorCode: "patent_navigation_projects", Kind: "milestone", TargetYear: 2023, Value: 5 });
        Assert.Contains(r.Targets, x => x is { IndicatorCode: "invention_patents_per_10k", Kind: "goal", TargetYear: 2025, Value: 92 });
        Assert.Equal(4, r.Targets.Count);
    }

    [Fact]
    public void Baselines_from_A_to_B_and_previous_plan_totals()
    {
        var r = Extract("通州区“十四五”知识产权发展规划\n（一）发展基础\n全区发明专利拥有量从1990件增加到4493件，万人发明专利拥有量从18.17件增加到44.3件。“十三五”期间新增专利申请11407件、授权6863件。\n（二）面临形势\n");
        Assert.Contains(r.Targets, x => x is { IndicatorCode: "invention_patents_per_10k", Kind: "baseline", TargetYear: 2015, Value: 18.17, Comparator: "=" });
        Assert.Contains(r.Targets, x => x is { IndicatorCode: "invention_patents_per_10k", Kind: "baseline", TargetYear: 2020, Value: 44.3 });
        Assert.Contains(r.Targets, x => x is { IndicatorCode: "invention_patents_owned", TargetYear: 2015, Value: 1990 });
        Assert.Contains(r.Targets, x => x is { IndicatorCode: "patent_applications", Kind: "baseline", Measure: "cumulative", SpanStart: 2016, SpanEnd: 2020, Value: 11407 });
        Assert.Contains(r.Targets, x => x is { IndicatorCode: "patent_grants", Kind: "baseline", Value: 6863 });
        Assert.Equal(6, r.Targets.Count);
    }

    [Fact]
    public void Document_numbers_dates_meetings_section_numbers_year_names_and_narrative_counts_are_not_targets()
    {
        var r = Extract("常州国家高新技术产业开发区管委会文件\n常开委〔2022〕27号\n工作方案（2022～2025）\n经第14次常务会议审议通过，2022年12月23日印发。\n“十四五”规划实施之年。\n三、主要目标\n金太阳等3家企业入选国家知识产权示范企业，300余家中小微企业实现“专利消零”。\n4．成立337调查公平贸易协同工作站。\n");
        Assert.Empty(r.Targets);
    }

    [Fact]
    public void An_unknown_indicator_with_a_committed_number_is_reported_not_dropped()
    {
        var r = Extract(Head + "三、主要目标\n到2026年，知识产权鉴定机构达5家。\n");
        Assert.Empty(r.Targets);
        Assert.Contains(r.Unknown, u => u.Phrase.Contains("知识产权鉴定机构达5家"));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_docx_with_a_real_table_is_read_and_reingesting_it_replaces_its_rows(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var path = wh.PathOf("宜兴方案.docx");
        OfficeFiles.Docx(path, ["宜兴市人民政府办公室", "宜兴市国家知识产权强县建设示范县工作方案（2024—2026年）", "二、工作目标", "万人高价值发明专利拥有量达20件。"],
            [["指标", "目标值"], ["有效注册商标量（件）", "70000"], ["知识产权质押融资（亿元）", "30"]]);
        var loader = new PlanLoader(wh.Dialect);
        var first = loader.Load(path);
        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(3, first.Loaded);
        var again = loader.Load(path);
        Assert.Equal(0, again.Changed);
        using var c = wh.Dialect.OpenReadWrite();
        Assert.Equal(3, c.ExecuteScalar<int>("SELECT count(*) FROM v_targets WHERE region_code = '320282'"));
        Assert.Equal(70000, c.ExecuteScalar<double>("SELECT value FROM v_targets WHERE indicator_code = 'registered_trademarks'"));
        Assert.Equal(2, c.ExecuteScalar<int>("SELECT count(*) FROM etl_batch WHERE job = 'ingest-plan' AND status = 'succeeded'"));
    }
}
