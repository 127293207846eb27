using System.Diagnostics;
using System.Xml.Linq;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using Warehouse.Etl.Loading;
using Warehouse.Reports.Briefing;
using Warehouse.Reports.Charts;
using Warehouse.Reports.Forecasting;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Warehouse.Tests;

/// <summary>The whole pipeline once on the shipped seeds (plans, published, illustrative), shared by the briefing tests.</summary>
public sealed class PipelineFixture : IDisposable
{
    public TempWarehouse Warehouse { get; } = new();
    public BriefingOutput Output { get; }
    public IReadOnlyList<LoadResult> Loads { get; }
    public ForecastRunResult Forecast { get; }

    public PipelineFixture()
    {
        Loads = new Ingestor(Warehouse.Dialect).Ingest([TempWarehouse.SeedsDir]);
        Forecast = new ForecastRun(Warehouse.Dialect).Execute();
        Output = BriefingWriter.Write(Warehouse.Dialect, Warehouse.PathOf("out"), today: new DateOnly(2026, 11, 22));
    }

    public void Dispose() => Warehouse.Dispose();
}

public class PipelineTests(PipelineFixture f) : IClassFixture<PipelineFixture>
{
    [Fact]
    public void Seeds_load_and_forecasts_and_attainment_are_written()
    {
        Assert.All(f.Loads, l => Assert.True(l.Succeeded, l.Error));
        Assert.Contains(f.Loads, l => l.Kind == "illustrative" && l.Loaded == 450);
        Assert.True(f.Forecast.ForecastRows > 100);
        using var c = f.Warehouse.Dialect.OpenReadWrite();
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

    [Fact]
    public void Every_region_gets_trend_charts_and_every_png_is_wide_nonblank_and_has_its_svg()
    {
        var pngs = f.Output.Files.Where(x => x.EndsWith(".png")).ToList();
        foreach (var code in SeedRegions) Assert.Contains(pngs, p => Path.GetFileName(p).StartsWith($"03_trend_{code}_"));
        foreach (var png in pngs)
        {
            var (w, h, inked) = Figure.Inspect(png);
            Assert.Equal(1080, w);
            Assert.True(h >= 600, $"{png}: {h} px tall");
            Assert.InRange(inked, 0.02, 0.9);
            var svg = XDocument.Load(Path.ChangeExtension(png, ".svg"));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
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
    private string Xlsx => f.Output.Files.Single(x => x.EndsWith(".xlsx"));

    [Fact]
    public void Workbook_has_the_sheets_native_charts_frozen_headers_and_number_formats()
    {
        using var doc = SpreadsheetDocument.Open(Xlsx, false);
        var wb = doc.WorkbookPart!;
        var names = wb.Workbook.Sheets!.Elements<S.Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal("总览", names[0]);
        foreach (var n in new[] { "目标", "数据来源", "说明", "万人高价值发明专利拥有量", "有效注册商标量" }) Assert.Contains(n, names);
        var charts = wb.WorksheetParts.SelectMany(w => w.DrawingsPart?.ChartParts ?? []).ToList();
        Assert.True(charts.Count >= 9, $"{charts.Count} charts");
        Assert.All(charts, c => Assert.Equal(5, c.ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Charts.LineChartSeries>().Count()));
        Assert.All(wb.WorksheetParts, w => Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen, w.Worksheet.Descendants<S.Pane>().Single().State!.Value));
        var formats = wb.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<S.NumberingFormat>().Select(n => n.FormatCode!.Value).ToList();
        Assert.Contains("yyyy-mm-dd hh:mm", formats);
        var targets = wb.WorksheetParts.First(w => wb.GetIdOfPart(w) == wb.Workbook.Sheets!.Elements<S.Sheet>().First(s => s.Name == "目标").Id!.Value);
        Assert.True(targets.Worksheet.Descendants<S.Row>().Count() > 170, "every target with its evidence");
    }

    [Fact]
    public void LibreOffice_opens_the_workbook_and_converts_it_to_pdf()
    {
        var outDir = Path.Combine(f.Warehouse.Dir, "pdf");
        Directory.CreateDirectory(outDir);
        var psi = new ProcessStartInfo("libreoffice", ["--headless", $"-env:UserInstallation=file://{outDir}/profile", "--convert-to", "pdf", "--outdir", outDir, Xlsx])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        Assert.True(p.WaitForExit(180_000), "LibreOffice finished within 3 minutes");
        var pdf = Directory.GetFiles(outDir, "*.pdf").Single();
        Assert.True(new FileInfo(pdf).Length > 20_000);
        var text = new ProcessStartInfo("pdftotext", [pdf, "-"]) { RedirectStandardOutput = true };
        using var t = Process.Start(text)!;
        var content = t.StandardOutput.ReadToEnd();
        t.WaitForExit();
        Assert.Contains("五地知识产权目标达成总览", content);
        Assert.Contains("观测与预测", content); // a native chart's title, drawn by LibreOffice
    }
}
