using Warehouse.Reports.Briefing;

namespace Warehouse.Reports.Charts;

/// <summary>Chart 3: one region and indicator over time: observed points, the forecast with 80%/95% bands,
/// the goal and milestones as diamonds, plan baselines as squares.</summary>
public static class TrendChart
{
    /// <summary>Builds the trend chart, or null when the series has no observations.</summary>
    public static Svg? Build(BriefingData d, string regionCode, string indicatorCode, DateOnly date)
    {
        var obs = d.Observations.Where(o => o.RegionCode == regionCode && o.IndicatorCode == indicatorCode).OrderBy(o => o.Year).ToList();
        if (obs.Count == 0) return null;
        var fc = d.Forecasts.Where(f => f.RegionCode == regionCode && f.IndicatorCode == indicatorCode).OrderBy(f => f.Year).ToList();
        var targets = d.Targets.Where(t => t.RegionCode == regionCode && t.IndicatorCode == indicatorCode && t.Measure is "stock" or "ratio" or "annual").ToList();
        var region = d.Regions.First(r => r.RegionCode == regionCode);
        var ind = d.IndicatorOf(indicatorCode);
        var goal = d.MainGoal(regionCode, indicatorCode);

        const int height = 1000;
        var svg = new Svg(ChartFrame.Width, height);
        var name = BriefingData.ShortName(region);
        var title = goal?.Forecast is { } gf && goal.ProbabilityMet is { } p && goal.Measure is "stock" or "ratio" or "annual"
            ? $"{name}{ind.IndicatorName}：预计{goal.TargetYear}年{Format.Value(gf, ind.Unit)}，达到{Format.Value(goal.Target, ind.Unit)}目标的概率{Format.Percent(p)}"
            : $"{name}{ind.IndicatorName}：{obs[^1].Year}年为{Format.Value(obs[^1].Value, ind.Unit)}";
        var top = ChartFrame.Header(svg, title, $"单位：{ind.Unit}；实线为观测，虚线为预测，深浅蓝带为 80% / 95% 预测区间");

        double x0 = 130, x1 = ChartFrame.Width - 50, y0 = height - 250, y1 = top + 30;
        var years = obs.Select(o => o.Year).Concat(fc.Select(f => f.Year)).Concat(targets.Select(t => t.TargetYear)).ToList();
        long minYear = years.Min(), maxYear = years.Max();
        var values = obs.Select(o => o.Value).Concat(fc.SelectMany(f => new[] { f.Lo95, f.Hi95 })).Concat(targets.Select(t => t.Value)).ToList();
        var ys = new Scale(Math.Min(0, values.Min()), values.Max() * 1.05, y0, y1, 5);
        double X(double year) => x0 + (year - minYear) / Math.Max(1, maxYear - minYear) * (x1 - x0);

        foreach (var t in ys.Ticks)
        {
            svg.Line(x0, ys.Map(t), x1, ys.Map(t), Palette.Grid, 1, cls: "grid");
            svg.Text(x0 - 12, ys.Map(t) + 8, ShortNumber(t), 22, Palette.Muted, "end", cls: "tick");
        }
        var step = maxYear - minYear > 10 ? 2 : 1;
        for (var yr = minYear; yr <= maxYear; yr += step)
            svg.Text(X(yr), y0 + 36, yr.ToString(), 22, Palette.Muted, "middle", cls: "tick");
        svg.Line(x0, y0, x1, y0, "#888", 2, cls: "axis");
        svg.Line(x0, y0, x0, y1, "#888", 2, cls: "axis");

        if (fc.Count > 0)
        {
            var last = obs[^1];
            var band95 = new[] { (X(last.Year), ys.Map(last.Value)) }.Concat(fc.Select(f => (X(f.Year), ys.Map(f.Hi95))))
                .Concat(fc.AsEnumerable().Reverse().Select(f => (X(f.Year), ys.Map(f.Lo95)))).Append((X(last.Year), ys.Map(last.Value)));
            svg.Polygon(band95, Palette.Band95, 1, "band95");
            var band80 = new[] { (X(last.Year), ys.Map(last.Value)) }.Concat(fc.Select(f => (X(f.Year), ys.Map(f.Hi80))))
                .Concat(fc.AsEnumerable().Reverse().Select(f => (X(f.Year), ys.Map(f.Lo80)))).Append((X(last.Year), ys.Map(last.Value)));
            svg.Polygon(band80, Palette.Band80, 0.8, "band80");
            svg.Polyline(new[] { (X(last.Year), ys.Map(last.Value)) }.Concat(fc.Select(f => (X(f.Year), ys.Map(f.Point)))), Palette.Forecast, 4, "10,8", "forecast");
        }
        svg.Polyline(obs.Select(o => (X(o.Year), ys.Map(o.Value))), Palette.Observed, 4, cls: "observed");
        foreach (var o in obs) svg.Circle(X(o.Year), ys.Map(o.Value), 7, o.SourceKind == "illustrative" ? "#ffffff" : Palette.Observed, Palette.Observed, "observed-point");
        svg.Text(X(obs[^1].Year), ys.Map(obs[^1].Value) - 18, Format.Value(obs[^1].Value, ind.Unit), 22, "#111", "end", true);

        foreach (var t in targets)
        {
            var (cx, cy) = (X(t.TargetYear), ys.Map(t.Value));
            if (t.TargetKind == "baseline") svg.Rect(cx - 9, cy - 9, 18, 18, "#ffffff", Palette.Target, cls: "baseline-marker");
            else svg.Diamond(cx, cy, t.TargetKind == "goal" ? 14 : 10, t.TargetKind == "goal" ? Palette.Target : "#ffffff", Palette.Target, t.TargetKind + "-marker");
            if (t.TargetKind == "goal") svg.Text(cx - 18, cy - 20, $"目标 {Format.Value(t.Value, ind.Unit)}", 22, Palette.Target, "end", true, "target-label");
        }

        // Legend row under the axis.
        var ly = y0 + 84.0;
        svg.Line(40, ly - 8, 80, ly - 8, Palette.Observed, 4); svg.Text(90, ly, "观测", 22);
        svg.Line(170, ly - 8, 210, ly - 8, Palette.Forecast, 4, "10,8"); svg.Text(220, ly, "预测", 22);
        svg.Rect(300, ly - 20, 36, 22, Palette.Band80); svg.Text(346, ly, "80%区间", 22);
        svg.Rect(460, ly - 20, 36, 22, Palette.Band95); svg.Text(506, ly, "95%区间", 22);
        svg.Diamond(640, ly - 8, 12, Palette.Target, Palette.Target); svg.Text(660, ly, "目标", 22);
        svg.Diamond(740, ly - 8, 9, "#ffffff", Palette.Target); svg.Text(758, ly, "阶段目标", 22);
        svg.Rect(880, ly - 17, 18, 18, "#ffffff", Palette.Target); svg.Text(906, ly, "规划基线", 22);
        if (obs.Any(o => o.SourceKind == "illustrative"))
            svg.Text(40, ly + 40, "空心圆点为示例数据（非真实统计），仅用于演示", 22, "#b2182b");
        ChartFrame.Footer(svg, $"{goal?.SourceDocument ?? "规划文件"}；观测：{string.Join("、", obs.Select(o => o.Source).Distinct().Take(2))}", date, d.UsesIllustrative);
        return svg;
    }

    private static string ShortNumber(double v) => Math.Abs(v) >= 10000 ? Format.Num(v / 10000, 1) + "万" : Format.Num(v, 1);
}
