using ScottPlot;
using Warehouse.Reports.Briefing;
using Warehouse.Store;
using Palette = Warehouse.Reports.Briefing.Palette;

namespace Warehouse.Reports.Charts;

/// <summary>Chart 2: one level-type indicator across regions, compared on progress towards each region's own goal (%), not raw values.
/// Bars: achieved ÷ target with the status colour and hatching; dot and whisker: the forecast for the target year and its 80% interval.</summary>
public static class ComparisonChart
{
    /// <summary>Rows per page image.</summary>
    public const int RegionsPerPage = 12;

    /// <summary>The indicator to compare: the first scorecard column that at least two regions set a level goal for, else the one most do.</summary>
    public static string? PickIndicator(BriefingData d)
    {
        int Count(string code) => d.Regions.Count(r => d.MainGoal(r.RegionCode, code) is { } g && BriefingData.IsLevel(g.Measure) && g.Target > 0);
        return d.ScorecardIndicators.FirstOrDefault(c => Count(c) >= 2)
            ?? d.Attainment.Select(a => a.IndicatorCode).Distinct().Where(c => Count(c) >= 2).OrderByDescending(Count).FirstOrDefault();
    }

    /// <summary>Builds the comparison pages for <paramref name="indicatorCode"/>.</summary>
    public static IReadOnlyList<Figure> Build(BriefingData d, DateOnly date, string indicatorCode)
    {
        // Progress is a share of a positive level goal; sums and increases are compared in their own trend panels.
        var rows = d.Regions.Select(r => (Region: r, Goal: d.MainGoal(r.RegionCode, indicatorCode)))
            .Where(x => x.Goal != null && BriefingData.IsLevel(x.Goal.Measure) && x.Goal.Target > 0).Select(x => (x.Region, Goal: x.Goal!)).ToList();
        var pages = rows.Chunk(RegionsPerPage).ToList();
        return pages.Select((chunk, i) => Page(d, date, indicatorCode, rows, chunk, i + 1, pages.Count)).ToList();
    }

    private static Figure Page(BriefingData d, DateOnly date, string code, List<(Warehouse.Store.Region Region, AttainmentRow Goal)> all,
        (Warehouse.Store.Region Region, AttainmentRow Goal)[] rows, int page, int pages)
    {
        var L = d.Lang;
        var unit = d.IndicatorOf(code).Unit;
        var f = new Figure(Figure.StandardWidth, 4000);
        var likely = all.Count(x => x.Goal.Status is "on_track" or "met");
        var title = L.T($"{d.IndicatorName(code)}：{all.Count} 个地区设定目标，{likely} 个已达成或有望达成",
            $"{d.IndicatorName(code)}: {likely} of {all.Count} regions with a goal have met it or are on track");
        var y = ChartFrame.Header(f, title, L.T("条形 = 最新值 ÷ 目标（进度）；圆点与横线 = 目标年预测值及 80% 预测区间；竖线 = 目标（100%）",
            "Bar: latest value ÷ goal (progress); dot and whisker: forecast for the goal year with its 80% interval; line: the goal (100%)")
            + (pages > 1 ? L.T($"（第 {page}/{pages} 页）", $" (page {page}/{pages})") : ""), d.UsesIllustrative, L);

        var widest = all.Select(x => Math.Max(x.Goal.Progress ?? 0, (x.Goal.Hi80 ?? 0) / x.Goal.Target)).DefaultIfEmpty(1).Max();
        var maxPct = Math.Min(3, Math.Max(1.2, widest));
        double x0 = ChartFrame.Margin + 8, x1 = f.Width - ChartFrame.Margin - 8;
        double X(double pct) => x0 + Math.Clamp(pct, 0, maxPct) / maxPct * (x1 - x0);
        // Percent ticks along the top.
        var step = maxPct > 2 ? 1.0 : 0.5;
        for (var t = 0.0; t <= maxPct + 1e-9; t += step)
            f.Text(X(t), y, Format.Percent(t), 26, Palette.Muted, t == 0 ? Alignment.UpperLeft : Alignment.UpperCenter);
        y += 40;
        foreach (var (region, g) in rows)
        {
            f.Text(x0, y, d.RegionLabel(region), 28, "#111111", Alignment.UpperLeft, bold: true);
            var verdict = g.Status is "on_track" or "at_risk" or "off_track"
                ? $"{Palette.Label(g.Status, L.En)} {Format.Probability(g.ProbabilityMet)}" : Palette.Label(g.Status, L.En);
            f.Text(x1, y, verdict, 28, Palette.OnWhite(g.Status), Alignment.UpperRight, bold: true);
            var barY = y + 46;
            f.Rect(x0, barY, Math.Max(2, X(g.Progress ?? 0) - x0), 40, Palette.Fill(g.Status), Palette.Hatch(g.Status));
            f.Line(X(1), barY - 6, X(1), barY + 46, Palette.Target, 4);
            if (g.Forecast is { } fc && g.Lo80 is { } lo && g.Hi80 is { } hi && g.Status is "on_track" or "at_risk" or "off_track")
            {
                f.Line(X(lo / g.Target), barY + 20, X(hi / g.Target), barY + 20, "#111111", 3);
                f.Marker(X(fc / g.Target), barY + 20, MarkerShape.FilledCircle, 20, "#111111", "#ffffff");
            }
            var line = g.Achieved is { } a
                ? L.T($"{g.AchievedAsOf}年 {L.Value(a, unit)}，{g.TargetYear}年目标 {L.Value(g.Target, unit)}，进度 {Format.Percent(g.Progress)}",
                    $"{L.Value(a, unit)} in {g.AchievedAsOf}; goal {L.Value(g.Target, unit)} by {g.TargetYear}; progress {Format.Percent(g.Progress)}")
                : L.T($"无观测数据；{g.TargetYear}年目标 {L.Value(g.Target, unit)}", $"no figures; goal {L.Value(g.Target, unit)} by {g.TargetYear}");
            if (g.Forecast is { } f2 && g.Status is "on_track" or "at_risk" or "off_track")
                line += L.T($"；预测 {L.Value(f2, unit)}", $"; forecast {L.Value(f2, unit)}");
            y = f.Paragraph(x0, barY + 52, line, 26, x1 - x0, "#333333", lineGap: 1.3, maxLines: 2) + 18;
        }
        y = f.Paragraph(ChartFrame.Margin, y + 6, L.T("达成概率 ≥75% 有望达成；40%–75% 存在风险；<40% 难以达成；百分比向下取整，与颜色一致。",
            "Probability ≥75% on track; 40–75% at risk; <40% off track; rounded down so it agrees with the colour."), 26, f.Width - 2 * ChartFrame.Margin, Palette.Muted);
        ChartFrame.Footer(f, y, L.T("各地规划文件（目标）；观测与预测见工作簿", "regional plans (goals); figures and forecasts in the workbook"), date,
            d.UsesIllustrative, L);
        return f;
    }
}
