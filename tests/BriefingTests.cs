using System.Diagnostics;
using System.Xml.Linq;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Warehouse.Etl.Loading;
using Warehouse.Reports.Briefing;
using Warehouse.Reports.Charts;
using Warehouse.Reports.Forecasting;
using Warehouse.Store;
using Xunit.Abstractions;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Warehouse.Tests;

/// <summary>The whole pipeline once on the shipped seeds (plans, published, illustrative) on one engine.</summary>
public sealed class PipelineRun : IDisposable
{
    public TempWarehouse Warehouse { get; }
    public BriefingOutput Output { get; }
    public IReadOnlyList<LoadResult> Loads { get; }
    public ForecastRunResult Forecast { get; }

    public PipelineRun(string engine)
    {
        Warehouse = new TempWarehouse(engine: engine);
        Loads = new Ingestor(Warehouse.Dialect).Ingest([TempWarehouse.SeedsDir]);
        Forecast = new ForecastRun(Warehouse.Dialect).Execute();
        Output = BriefingWriter.Write(Warehouse.Dialect, Warehouse.PathOf("out"), today: new DateOnly(2026, 11, 22));
    }

    public void Dispose() => Warehouse.Dispose();
}

/// <summary>The pipeline run shared by a class of briefing tests, once per engine the class's tests ask for.</summary>
public sealed class PipelineFixture : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<PipelineRun>> runs = new();

    /// <summary>The run on this engine, made on first use.</summary>
    public PipelineRun For(string engine) => runs.GetOrAdd(engine, e => new Lazy<PipelineRun>(() => new PipelineRun(e))).Value;

    public void Dispose()
    {
        foreach (var run in runs.Values)
            if (run.IsValueCreated) run.Value.Dispose();
    }
}

public class PipelineTests(PipelineFixture f) : IClassFixture<PipelineFixture>
{
    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Seeds_load_and_forecasts_and_attainment_are_written(string engine)
    {
        Assert.All(f.For(engine).Loads, l => Assert.True(l.Succeeded, l.Error));
        Assert.Contains(f.For(engine).Loads, l => l.Kind == "illustrative" && l.Loaded == 450);
        Assert.True(f.For(engine).Forecast.ForecastRows > 100);
        using var c = f.For(engine).Warehouse.Dialect.OpenReadWrite();
        var hv = c.QuerySingle<(double Probability, string Status, double Lo95, double Hi95)>(
            "SELECT probability_met, status, lo95, hi95 FROM v_attainment WHERE region_code = '320700' AND indicator_code = 'hv_invention_patents_per_10k'");
        Assert.InRange(hv.Probability, 0, 1);
        Assert.True(hv.Lo95 < hv.Hi95);
        Assert.Equal(0, c.ExecuteScalar<int>("SELECT count(*) FROM v_forecasts WHERE NOT (lo95 <= lo80 AND lo80 <= point AND point <= hi80 AND hi80 <= hi95)"));
    }
}

public class ChartTests(PipelineFixture f) : IClassFixture<PipelineFixture>
{
    private static readonly string[] SeedRegions = ["320411", "320481", "320700", "320612", "320282"];

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Every_region_gets_trend_charts_and_every_png_is_wide_nonblank_and_has_its_svg(string engine)
    {
        var pngs = f.For(engine).Output.Files.Where(x => x.EndsWith(".png")).ToList();
        foreach (var code in SeedRegions) Assert.Contains(pngs, p => Path.GetFileName(p).StartsWith($"03_trend_{code}_"));
        foreach (var png in pngs)
        {
            var (w, h, inked) = Figure.Inspect(png);
            Assert.Equal(1080, w);
            Assert.True(h >= 600, $"{png}: {h} px tall");
            Assert.InRange(inked, 0.02, 0.9);
            var svg = XDocument.Load(Path.ChangeExtension(png, ".svg"));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            // The SVG's text is searchable: the illustrative mark reads 示例数据, not Kangxi radicals that look the same.
            Assert.Contains("示例数据", svg.Root.Value);
            Assert.DoesNotContain(svg.Root.Value, c => c is >= '\u2E80' and <= '\u2FDF');
        }
    }

    [Fact]
    public void Without_the_cjk_font_the_renderer_refuses_with_install_instructions()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ChartFont.Require("Noto Sans CJK XX"));
        Assert.Contains("fonts-noto-cjk", ex.Message);
        // A Latin-only family that exists is refused too: it would draw Chinese as boxes.
        Assert.Throws<InvalidOperationException>(() => ChartFont.Require("DejaVu Sans"));
        Assert.Equal(ChartFont.Family, ChartFont.Require(ChartFont.Family).FamilyName);
    }
}

public class WorkbookTests(PipelineFixture f) : IClassFixture<PipelineFixture>
{
    private string Xlsx(string engine) => f.For(engine).Output.Files.Single(x => x.EndsWith(".xlsx"));

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Workbook_has_the_sheets_native_charts_frozen_headers_and_number_formats(string engine)
    {
        using var doc = SpreadsheetDocument.Open(Xlsx(engine), false);
        var wb = doc.WorkbookPart!;
        var names = wb.Workbook.Sheets!.Elements<S.Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal("总览", names[0]);
        foreach (var n in new[] { "目标", "数据来源", "说明", "万人高价值发明专利拥有量", "有效注册商标量" }) Assert.Contains(n, names);
        var charts = wb.WorksheetParts.SelectMany(w => w.DrawingsPart?.ChartParts ?? []).ToList();
        Assert.True(charts.Count >= 5, $"{charts.Count} charts");
        Assert.All(charts, c => Assert.InRange(c.ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Charts.LineChartSeries>().Count(), 1, Workbook.MaxChartSeries));
        Assert.All(wb.WorksheetParts, w => Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen, w.Worksheet.Descendants<S.Pane>().Single().State!.Value));
        var formats = wb.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<S.NumberingFormat>().Select(n => n.FormatCode!.Value).ToList();
        Assert.Contains("yyyy-mm-dd hh:mm", formats);
        var targets = wb.WorksheetParts.First(w => wb.GetIdOfPart(w) == wb.Workbook.Sheets!.Elements<S.Sheet>().First(s => s.Name == "目标").Id!.Value);
        Assert.True(targets.Worksheet.Descendants<S.Row>().Count() > 170, "every target with its evidence");
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void LibreOffice_opens_the_workbook_and_converts_it_to_pdf(string engine)
    {
        var outDir = Path.Combine(f.For(engine).Warehouse.Dir, "pdf");
        Directory.CreateDirectory(outDir);
        var psi = new ProcessStartInfo("libreoffice", ["--headless", $"-env:UserInstallation=file://{outDir}/profile", "--convert-to", "pdf", "--outdir", outDir, Xlsx(engine)])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        Assert.True(p.WaitForExit(180_000), "LibreOffice finished within 3 minutes");
        var pdf = Directory.GetFiles(outDir, "*.pdf").Single();
        Assert.True(new FileInfo(pdf).Length > 20_000);
        var text = new ProcessStartInfo("pdftotext", [pdf, "-"]) { RedirectStandardOutput = true };
        using var t = Process.Start(text)!;
        var content = t.StandardOutput.ReadToEnd();
        t.WaitForExit();
        Assert.Contains("5 个地区知识产权目标达成总览", content);
        Assert.Contains("来源：观测值取自 v_observations", content); // the note runs on, not cut at column A
        Assert.Contains("观测与预测", content); // a native chart's title, drawn by LibreOffice
    }
}

public class WorkbookLayoutTests(PipelineFixture f) : IClassFixture<PipelineFixture>
{
    private string Xlsx(string engine) => f.For(engine).Output.Files.Single(x => x.EndsWith(".xlsx"));

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void The_workbook_passes_the_open_xml_validator(string engine)
    {
        using var doc = SpreadsheetDocument.Open(Xlsx(engine), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Overview_lists_assessed_goals_first_has_tall_enough_rows_and_holds_the_scorecard_picture(string engine)
    {
        using var doc = SpreadsheetDocument.Open(Xlsx(engine), false);
        var wb = doc.WorkbookPart!;
        var sheet = wb.Workbook.Sheets!.Elements<S.Sheet>().First();
        var ws = (WorksheetPart)wb.GetPartById(sheet.Id!.Value!);
        var rows = ws.Worksheet.Descendants<S.Row>().ToList();
        // Title and header rows have their own heights (the title's 14 pt font does not run into the header).
        Assert.True(rows[0].Height!.Value >= 24 && rows[0].CustomHeight!.Value);
        Assert.True(rows[1].Height!.Value >= 16.5);
        var status = rows.Skip(2).Select(r => r.Elements<S.Cell>().ElementAt(13).InnerText).ToList();
        var firstNoData = status.FindIndex(s => s.Contains("数据不足") || s.Contains("未评估"));
        Assert.True(firstNoData > 0, "some goals are assessed");
        Assert.All(status.Skip(firstNoData), s => Assert.True(s.Contains("数据不足") || s.Contains("未评估"), s));
        Assert.Single(ws.DrawingsPart!.ImageParts);
    }
}

public class ChartLayoutTests(PipelineFixture f) : IClassFixture<PipelineFixture>
{
    private static void AssertNoOverlap(Figure fig, string name)
    {
        var labels = fig.Labels;
        Assert.NotEmpty(labels);
        foreach (var l in labels)
        {
            Assert.True(l.Size >= Figure.MinText, $"{name}: \"{l.Text}\" at {l.Size} px");
            Assert.True(l.Box.Left >= 0 && l.Box.Right <= fig.Width && l.Box.Top >= 0 && l.Box.Bottom <= fig.Height, $"{name}: \"{l.Text}\" outside the image");
        }
        for (var i = 0; i < labels.Count; i++)
            for (var j = i + 1; j < labels.Count; j++)
            {
                var (a, b) = (labels[i].Box, labels[j].Box);
                var overlapX = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
                var overlapY = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
                Assert.False(overlapX > 0.5 && overlapY > 0.5, $"{name}: \"{labels[i].Text}\" overlaps \"{labels[j].Text}\"");
            }
    }

    public static TheoryData<string, string> Languages => TempWarehouse.EnginesTimes("zh", "en");

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_two_labels_overlap_on_any_chart_and_none_is_below_26_px(string engine, string lang)
    {
        var d = BriefingData.Load(f.For(engine).Warehouse.Dialect, lang: Lang.Parse(lang));
        var date = new DateOnly(2026, 11, 22);
        foreach (var page in ScorecardChart.Build(d, date)) AssertNoOverlap(page, "scorecard");
        foreach (var page in ComparisonChart.Build(d, date, ComparisonChart.PickIndicator(d)!)) AssertNoOverlap(page, "comparison");
        foreach (var g in d.Attainment.Where(a => a.TargetKind == "goal").Select(a => (a.RegionCode, a.IndicatorCode)).Distinct())
            if (TrendChart.Build(d, g.RegionCode, g.IndicatorCode, date) is { } trend) AssertNoOverlap(trend, $"trend {g}");
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void English_charts_carry_no_chinese_words(string engine)
    {
        var d = BriefingData.Load(f.For(engine).Warehouse.Dialect, lang: Lang.English);
        // Footers of trend charts name source files, which keep their own (Chinese) names; everything else is English.
        var labels = ScorecardChart.Build(d, new DateOnly(2026, 11, 22)).SelectMany(p => p.Labels)
            .Concat(TrendChart.Build(d, "320612", "ip_pledge_financing", new DateOnly(2026, 11, 22))!.Labels.Take(6)).Select(l => l.Text).ToList();
        Assert.Contains(labels, l => l.Contains("Tongzhou"));
        Assert.Contains(labels, l => l.Contains("ILLUSTRATIVE"));
        Assert.DoesNotContain(labels, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"[\u4e00-\u9fff]"));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Trend_charts_draw_cumulative_targets_as_a_running_sum_panel(string engine)
    {
        var d = BriefingData.Load(f.For(engine).Warehouse.Dialect);
        var trend = TrendChart.Build(d, "320612", "ip_pledge_financing", new DateOnly(2026, 11, 22))!;
        Assert.Contains(trend.Labels, l => l.Text.StartsWith("累计：2021年起逐年合计"));
        Assert.Contains(trend.Labels, l => l.Text == "目标");
        Assert.Equal(2, trend.PanelCount);
        // The sum's 80% range at the target year (the distribution behind the printed probability) is drawn as a vertical bar.
        var goal = d.Attainment.Single(a => a is { RegionCode: "320612", IndicatorCode: "ip_pledge_financing", TargetKind: "goal" });
        Assert.Contains(trend.Plots[1].GetPlottables().OfType<ScottPlot.Plottables.LinePlot>(), l =>
            l.Start.X == goal.TargetYear && l.End.X == goal.TargetYear && Math.Abs(l.Start.Y - goal.Lo80!.Value) < 1e-9
            && Math.Abs(l.End.Y - goal.Hi80!.Value) < 1e-9);
    }

    [Fact]
    public void Numbers_and_their_units_never_break_across_lines()
    {
        var lines = Figure.Wrap("达到3,100件目标的概率为99%，累计17.1亿元，万人高价值发明专利拥有量1.5万件", 26, 150).ToList();
        Assert.True(lines.Count > 2);
        foreach (var number in new[] { "3,100件", "99%", "17.1亿元", "1.5万件" }) Assert.Contains(lines, l => l.Contains(number));
    }
}

/// <summary>Scorecard cells in each measure's own sense, drawn from hand-made attainment rows (no database).</summary>
public class ScorecardCellTests
{
    private static AttainmentRow Row(string indicator, string unit, string measure, long start, double target, double? achieved, long? asOf,
        string status, double? p, string source = "statistics") =>
        new("320612", "南通市通州区", indicator, indicator, unit, measure, "goal", start, 2025, 2025, ">=", target, asOf, achieved, achieved / target,
            null, null, null, null, null, p, null, null, status, null, "plan.txt", "evidence", achieved, asOf, source);

    private static IReadOnlyList<string> Labels(params AttainmentRow[] rows) => Labels(Lang.Zh, rows);

    private static IReadOnlyList<string> Labels(Lang lang, params AttainmentRow[] rows)
    {
        var region = new Warehouse.Store.Region(1, "320612", "南通市通州区", "Tongzhou", "county", "320600", "");
        var indicators = rows.Select((r, i) =>
            new Warehouse.Store.Indicator(i + 1, r.IndicatorCode, r.IndicatorCode, r.IndicatorCode, "patent", r.Unit, "", r.Measure, 1, 1, "")).ToList();
        var d = new BriefingData
        {
            Regions = [region], Indicators = indicators, Attainment = rows, Targets = [], Observations = [], Forecasts = [], Sources = [],
            ScorecardIndicators = rows.Select(r => r.IndicatorCode).ToList(), Year = 2024, Lang = lang,
        };
        return ScorecardChart.Build(d, new DateOnly(2026, 11, 22)).Single().Labels.Select(l => l.Text).ToList();
    }

    [Fact]
    public void Cumulative_cells_show_the_sum_over_the_span_with_its_years_and_the_probability_that_sets_the_colour()
    {
        var labels = Labels(Row("a", "亿元", "cumulative", 2021, 20, 17.1, 2024, "on_track", 0.874));
        Assert.Contains("17.1 / 20", labels);
        Assert.Contains("累计 亿元", labels);
        Assert.Contains("2021–2024", labels);
        Assert.Contains("● 87%", labels);
    }

    [Fact]
    public void Increment_and_level_cells_use_their_own_sense_and_large_counts_share_one_unit()
    {
        var labels = Labels(Row("a", "件", "increment", 2022, 12, 7, 2024, "off_track", 0.002),
            Row("b", "件", "stock", 2025, 50000, 46500, 2024, "at_risk", 0.7499));
        Assert.Contains("7 / 12", labels);
        Assert.Contains("新增 件", labels);
        Assert.Contains("2022–2024", labels);
        Assert.Contains("■ <1%", labels);
        Assert.Contains("4.65 / 5", labels);
        Assert.Contains("万件", labels);
        Assert.Contains("2024年", labels);
        Assert.Contains("▲ 74%", labels); // 74.99% is at risk: it must not print as 75%
    }

    [Fact]
    public void Met_missed_and_illustrative_cells_are_marked_and_the_legend_names_met_and_missed()
    {
        var labels = Labels(Row("a", "件/万人", "ratio", 2025, 90, 90, 2025, "met", 1, "illustrative"),
            Row("b", "件/万人", "ratio", 2025, 86, 82.85, 2025, "missed", 0));
        Assert.Contains("★ 已达成", labels);
        Assert.Contains("× 未达成", labels);
        Assert.Single(labels, l => l == "示例");
        Assert.Equal(2, labels.Count(l => l == "× 未达成")); // the cell and the legend
    }

    [Fact]
    public void English_cells_spell_out_measures_and_statuses()
    {
        var labels = Labels(Lang.English, Row("a", "亿元", "cumulative", 2021, 20, 17.1, 2024, "missed", 0));
        Assert.Contains(labels, l => l.StartsWith("total"));
        Assert.Contains(labels, l => l.EndsWith("CNY100M")); // one token: never "10" / "0M" on two lines
        Assert.Contains("× missed", labels);
    }
}

/// <summary>A province-sized briefing: 30 regions (the bench command does 100 and prints the timing).</summary>
public class ManyRegionsTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Thirty_regions_get_paged_scorecards_every_region_in_the_workbook_and_regions_can_be_chosen(string engine)
    {
        using var w = new TempWarehouse(engine: engine);
        new Ingestor(w.Dialect).Ingest([TempWarehouse.SeedsDir]);
        Assert.Equal(25, Warehouse.Cli.BenchBriefing.AddProvince(w.Dialect, 30));
        new ForecastRun(w.Dialect).Execute();
        var result = BriefingWriter.Write(w.Dialect, w.PathOf("out"), today: new DateOnly(2026, 11, 22));
        output.WriteLine($"30 regions: {result.Timings.Total:0.0} s (charts {result.Timings.Charts:0.0} s, workbook {result.Timings.Workbook:0.0} s)");
        Assert.Equal(30, result.Regions);
        var names = result.Files.Select(Path.GetFileName).ToList();
        Assert.Contains("01_scorecard.png", names);
        Assert.Contains("01_scorecard_p03.png", names);
        Assert.Contains(names, n => n!.StartsWith("03_trend_390029_"));
        using (var doc = SpreadsheetDocument.Open(result.Files.Single(x => x.EndsWith(".xlsx")), false))
        {
            var text = string.Join(" ", doc.WorkbookPart!.WorksheetParts.First(p => doc.WorkbookPart.GetIdOfPart(p) ==
                doc.WorkbookPart.Workbook.Sheets!.Elements<S.Sheet>().First().Id!.Value).Worksheet.Descendants<S.Text>().Select(t => t.Text));
            Assert.Contains("示例县030", text);
            // All three scorecard pages on their own sheet; 总览 keeps the first beside its table.
            var card = doc.WorkbookPart.Workbook.Sheets!.Elements<S.Sheet>().Single(s => s.Name == "记分卡");
            Assert.Equal(3, ((WorksheetPart)doc.WorkbookPart.GetPartById(card.Id!.Value!)).DrawingsPart!.ImageParts.Count());
            Assert.Empty(new OpenXmlValidator().Validate(doc));
        }
        var two = BriefingWriter.Write(w.Dialect, w.PathOf("two"), today: new DateOnly(2026, 11, 22), regions: ["320612", "宜兴"]);
        Assert.Equal(2, two.Regions);
        Assert.DoesNotContain(two.Files, p => Path.GetFileName(p).StartsWith("03_trend_320411"));
        Assert.Throws<ArgumentException>(() => BriefingData.Load(w.Dialect, regions: ["nowhere"]));
    }
}
