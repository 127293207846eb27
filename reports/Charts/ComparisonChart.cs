using Warehouse.Reports.Briefing;

namespace Warehouse.Reports.Charts;

/// <summary>Chart 2: one indicator across regions, compared on progress towards each region's own goal (%), not raw values.</summary>
public static class ComparisonChart
{
    /// <summary>Builds the comparison for <paramref name="indicatorCode"/> (万人高价值发明专利拥有量 by default).</summary>
    public static Svg Build(BriefingData d, DateOnly date, string indicatorCode = "hv_invention_patents_per_10k")
    {
        var ind = d.IndicatorOf(indicatorCode);
        var rows = d.Regions.Select(r => (Region: r, Goal: d.MainGoal(r.RegionCode, indicatorCode))).Where(x => x.Goal != null).ToList();
        const double left = 40, labelW = 250, rowH = 170;
        var height = (int)(260 + rowH * Math.Max(1, rows.Count) + 190);
        var svg = new Svg(ChartFrame.Width, height);
        var likely = rows.Count(x => x.Goal!.Status is "on_track" or "met");
        var y = ChartFrame.Header(svg, $"{ind.IndicatorName}：{rows.Count} 个地区设定目标，{likely} 个有望按期达成",
            "条形 = 目前进度（最新值 ÷ 目标）；圆点 = 目标年预测值，横线为 80% 预测区间");
        var maxPct = Math.Max(1.2, rows.Select(x => Math.Max(x.Goal!.Progress ?? 0, (x.Goal.Hi80 ?? 0) / x.Goal.Target)).DefaultIfEmpty(1).Max());
        var scale = new Scale(0, maxPct, left + labelW, ChartFrame.Width - 60, 5);
        var top = y + 20;
        foreach (var t in scale.Ticks)
        {
            var x = scale.Map(t);
            svg.Line(x, top, x, top + rowH * rows.Count, Palette.Grid, 1, cls: "grid");
            svg.Text(x, top + rowH * rows.Count + 34, Format.Percent(t), 22, Palette.Muted, "middle", cls: "tick");
        }
        var x100 = scale.Map(1);
        svg.Line(x100, top - 10, x100, top + rowH * rows.Count + 6, Palette.Target, 4, cls: "target-line");
        svg.Text(x100, top - 16, "目标 100%", 22, Palette.Target, "middle", bold: true);
        foreach (var (region, g) in rows)
        {
            var a = g!;
            svg.Text(left, top + 52, BriefingData.ShortName(region), 28, "#111", bold: true, cls: "row-label");
            svg.Text(left, top + 88, $"目标 {Format.Value(a.Target, ind.Unit)}", 22, Palette.Muted);
            svg.Text(left, top + 118, $"{a.TargetYear}年", 22, Palette.Muted);
            var barY = top + 30;
            svg.Rect(scale.Map(0), barY, scale.Map(a.Progress ?? 0) - scale.Map(0), 56, Palette.Fill(a.Status), rx: 4, cls: "bar status-" + a.Status, pattern: a.Status == "off_track" ? "hatch" : null);
            var latest = a.LatestValue is { } lv ? $"{a.LatestYear}年 {Format.Value(lv, ind.Unit)}（{Format.Percent(a.Progress)}）" : "无观测数据";
            svg.Text(scale.Map(0) + 8, barY + 92, latest, 22, "#333", cls: "bar-label");
            if (a.Forecast is { } f && a.Lo80 is { } lo && a.Hi80 is { } hi)
            {
                var cy = barY + 28;
                svg.Line(scale.Map(lo / a.Target), cy, scale.Map(hi / a.Target), cy, "#111", 3, cls: "interval");
                svg.Circle(scale.Map(f / a.Target), cy, 11, "#ffffff", "#111", cls: "forecast-marker");
                var label = $"预测 {Format.Value(f, ind.Unit)} · 达成概率 {Format.Percent(a.ProbabilityMet)}";
                svg.Text(ChartFrame.Width - 60, barY + 122, label, 22, "#111", "end", cls: "forecast-label");
            }
            svg.Text(ChartFrame.Width - 60, barY + 92, Palette.Label(a.Status), 22, a.Status == "at_risk" ? "#8a5a00" : Palette.Fill(a.Status), "end", bold: true);
            top += rowH;
        }
        ChartFrame.Footer(svg, "各地规划文件（目标）；观测与预测见工作簿", date, d.UsesIllustrative);
        return svg;
    }
}
