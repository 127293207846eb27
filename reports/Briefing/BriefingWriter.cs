using Warehouse.Reports.Charts;
using Warehouse.Store.Engine;

namespace Warehouse.Reports.Briefing;

/// <summary>What a briefing run wrote.</summary>
public sealed record BriefingOutput(string Folder, IReadOnlyList<string> Files);

/// <summary>Writes a dated briefing folder: PNG charts (with their SVG), and the Excel workbook.</summary>
public static class BriefingWriter
{
    /// <summary>Trend charts per region: the core indicators each region's plan sets a goal for.</summary>
    public static readonly string[] TrendIndicators = BriefingData.ScorecardIndicators.Concat(["invention_patents_owned", "patent_grants", "invention_grants", "pct_applications"]).ToArray();

    /// <summary>Writes everything into <c>DIR/briefing-YYYY-MM-DD</c>.</summary>
    public static BriefingOutput Write(SqlDialect dialect, string outDir, int? year = null, DateOnly? today = null)
    {
        Raster.RequireCjkFont(); // fail before writing anything
        var date = today ?? DateOnly.FromDateTime(DateTime.Now);
        var data = BriefingData.Load(dialect, year);
        var folder = Path.Combine(outDir, $"briefing-{date:yyyy-MM-dd}");
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        void Chart(Svg svg, string name)
        {
            var svgPath = Path.Combine(folder, name + ".svg");
            File.WriteAllText(svgPath, svg.ToString());
            var png = Path.Combine(folder, name + ".png");
            Raster.WritePng(svg.ToString(), svg.Width, svg.Height, png);
            files.Add(png);
            files.Add(svgPath);
        }
        Chart(ScorecardChart.Build(data, date), "01_scorecard");
        Chart(ComparisonChart.Build(data, date), "02_comparison_hv_invention_patents_per_10k");
        foreach (var region in data.Regions)
            foreach (var code in TrendIndicators)
            {
                if (data.MainGoal(region.RegionCode, code) == null) continue;
                if (TrendChart.Build(data, region.RegionCode, code, date) is { } svg) Chart(svg, $"03_trend_{region.RegionCode}_{code}");
            }
        var xlsx = Path.Combine(folder, $"知识产权目标简报_{date:yyyyMMdd}.xlsx");
        Workbook.Write(data, xlsx, date);
        files.Add(xlsx);
        return new BriefingOutput(folder, files);
    }
}
