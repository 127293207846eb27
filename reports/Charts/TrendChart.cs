using ScottPlot;
using Warehouse.Reports.Briefing;
using Warehouse.Store;
using Palette = Warehouse.Reports.Briefing.Palette;

namespace Warehouse.Reports.Charts;

/// <summary>Chart 3: one region and indicator over time. The level panel shows observed points (hollow when illustrative), the forecast
/// with 80%/95% bands, level targets as markers (goal ◆, milestone ◇, baseline □). Cumulative and increment targets get a panel of their
/// own: the running sum (or running increase since the year before the span) against the target over its span. The legend lists only
/// what is drawn.</summary>
public static class TrendChart
{
    private const double PanelLeft = 24;

    /// <summary>Builds the trend chart, or null when the series has no observations.</summary>
    public static Figure? Build(BriefingData d, string regionCode, string indicatorCode, DateOnly date)
    {
        var L = d.Lang;
        var obs = d.Observations.Where(o => o.RegionCode == regionCode && o.IndicatorCode == indicatorCode).OrderBy(o => o.Year).ToList();
        if (obs.Count == 0) return null;
        var fc = d.Forecasts.Where(x => x.RegionCode == regionCode && x.IndicatorCode == indicatorCode && x.Year > obs[^1].Year)
            .OrderBy(x => x.Year).ToList();
        var targets = d.Targets.Where(t => t.RegionCode == regionCode && t.IndicatorCode == indicatorCode).ToList();
        var levelTargets = targets.Where(t => BriefingData.IsLevel(t.Measure)).ToList();
        var spanGoal = d.Attainment.Where(a => a.RegionCode == regionCode && a.IndicatorCode == indicatorCode && !BriefingData.IsLevel(a.Measure))
            .OrderBy(a => a.TargetKind == "goal" ? 0 : 1).ThenByDescending(a => a.TargetYear).FirstOrDefault();
        var ind = d.IndicatorOf(indicatorCode);
        var unit = ind.Unit;
        var goal = d.MainGoal(regionCode, indicatorCode);
        var name = d.RegionLabel(regionCode);

        var f = new Figure(Figure.StandardWidth, 3000);
        var y = ChartFrame.Header(f, Title(d, name, d.IndicatorName(indicatorCode), goal, obs[^1], unit),
            L.T($"单位：{unit}。实线为观测，虚线为预测，深浅蓝带为 80% / 95% 预测区间", $"Unit: {L.Unit(unit)}. Solid: observed; dashed: forecast; "
                + "dark / light band: 80% / 95% prediction interval").Replace("单位：。", "").Replace("Unit: . ", ""), d.UsesIllustrative, L);

        // Level panel.
        var level = NewPanel();
        var xs = obs.Select(o => (double)o.Year).ToArray();
        if (fc.Count > 0)
        {
            var fx = new[] { xs[^1] }.Concat(fc.Select(x => (double)x.Year)).ToArray();
            double[] From(Func<ForecastPoint, double> pick) => new[] { obs[^1].Value }.Concat(fc.Select(pick)).ToArray();
            Band(level, fx, From(x => x.Lo95), From(x => x.Hi95), Palette.Band95);
            Band(level, fx, From(x => x.Lo80), From(x => x.Hi80), Palette.Band80);
            var line = level.Add.ScatterLine(fx, new[] { obs[^1].Value }.Concat(fc.Select(x => x.Point)).ToArray(), Color.FromHex(Palette.Forecast));
            line.LineWidth = 4;
            line.LinePattern = LinePattern.Dashed;
        }
        var observed = level.Add.Scatter(xs, obs.Select(o => o.Value).ToArray(), Color.FromHex(Palette.Observed));
        observed.LineWidth = 4;
        observed.MarkerSize = 14;
        foreach (var o in obs.Where(o => o.SourceKind == "illustrative"))
        {
            var m = level.Add.Marker(o.Year, o.Value, MarkerShape.FilledCircle, 8, Colors.White);
            m.MarkerStyle.LineWidth = 0;
        }
        foreach (var t in levelTargets)
            TargetMarker(level, t.TargetKind, t.TargetYear, t.Value);
        var levelValues = obs.Select(o => o.Value).Concat(fc.SelectMany(x => new[] { x.Lo95, x.Hi95 }))
            .Concat(levelTargets.Select(t => t.Value)).ToList();
        var years = obs.Select(o => o.Year).Concat(fc.Select(x => x.Year)).Concat(levelTargets.Select(t => t.TargetYear)).ToList();
        if (spanGoal != null) years.AddRange([spanGoal.PeriodStart - (spanGoal.Measure == "increment" ? 1 : 0), spanGoal.PeriodEnd]);
        var (minYear, maxYear) = (years.Min(), years.Max());
        Axes(level, minYear, maxYear, levelValues, L);
        const double levelH = 560;
        f.Panel(level, PanelLeft, y, f.Width - 2 * PanelLeft, levelH);
        y += levelH + 10;

        // Running-sum or running-increase panel for cumulative / increment targets.
        var drewSpan = false;
        if (spanGoal != null && SpanSeries(spanGoal, obs, fc) is { Count: > 0 } series)
        {
            drewSpan = true;
            var cumulative = spanGoal.Measure == "cumulative";
            var caption = cumulative
                ? L.T($"累计：{spanGoal.PeriodStart}年起逐年合计，对照{spanGoal.PeriodStart}–{spanGoal.PeriodEnd}年累计目标 {L.Value(spanGoal.Target, unit)}",
                    $"Cumulative: running sum from {spanGoal.PeriodStart} against the {spanGoal.PeriodStart}–{spanGoal.PeriodEnd} "
                        + $"target of {L.Value(spanGoal.Target, unit)}")
                : L.T($"新增：较{spanGoal.PeriodStart - 1}年的增加量，对照{spanGoal.PeriodEnd}年新增目标 {L.Value(spanGoal.Target, unit)}",
                    $"Increase since {spanGoal.PeriodStart - 1} against the target increase of {L.Value(spanGoal.Target, unit)} by {spanGoal.PeriodEnd}");
            y = f.Paragraph(ChartFrame.Margin, y + 4, caption, 28, f.Width - 2 * ChartFrame.Margin, "#222222", bold: true, lineGap: 1.3);
            var span = NewPanel();
            var seen = series.Where(p => !p.Forecast).ToList();
            var ahead = series.Where(p => p.Forecast).ToList();
            var s1 = span.Add.Scatter(seen.Select(p => (double)p.Year).ToArray(), seen.Select(p => p.Value).ToArray(),
                Color.FromHex(Palette.Observed));
            s1.LineWidth = 4;
            s1.MarkerSize = 14;
            var illustrativeYears = obs.Where(o => o.SourceKind == "illustrative").Select(o => o.Year).ToHashSet();
            foreach (var p in seen.Where(p => illustrativeYears.Contains(p.Year)))
                span.Add.Marker(p.Year, p.Value, MarkerShape.FilledCircle, 8, Colors.White).MarkerStyle.LineWidth = 0;
            if (ahead.Count > 0 && seen.Count > 0)
            {
                var s2 = span.Add.ScatterLine(new[] { (double)seen[^1].Year }.Concat(ahead.Select(p => (double)p.Year)).ToArray(),
                    new[] { seen[^1].Value }.Concat(ahead.Select(p => p.Value)).ToArray(), Color.FromHex(Palette.Forecast));
                s2.LineWidth = 4;
                s2.LinePattern = LinePattern.Dashed;
            }
            // The uncertainty of the sum (or increase) at the target year, from the same distribution as the printed probability:
            // without it a dashed line ending at the target would look certain whatever the odds.
            var ranges = new List<double>();
            if (spanGoal is { Lo95: { } lo95, Hi95: { } hi95, Lo80: { } lo80, Hi80: { } hi80 } && spanGoal.Status is not ("met" or "missed"))
            {
                foreach (var (lo, hi, color, width) in new[] { (lo95, hi95, Palette.Band95, 26f), (lo80, hi80, Palette.Band80, 26f) })
                {
                    var bar = span.Add.Line(spanGoal.TargetYear, lo, spanGoal.TargetYear, hi);
                    bar.LineColor = Color.FromHex(color);
                    bar.LineWidth = width;
                    bar.MarkerStyle.IsVisible = false;
                }
                ranges.AddRange([lo95, hi95]);
            }
            var goalLine = span.Add.Line(spanGoal.PeriodStart - (cumulative ? 0 : 1), spanGoal.Target, spanGoal.PeriodEnd, spanGoal.Target);
            goalLine.LineColor = Color.FromHex(Palette.Target);
            goalLine.LineWidth = 3;
            goalLine.LinePattern = LinePattern.Dotted;
            goalLine.MarkerStyle.IsVisible = false;
            foreach (var t in targets.Where(t => t.Measure == spanGoal.Measure && t.PeriodStart == spanGoal.PeriodStart && t.TargetKind != "baseline"))
                TargetMarker(span, t.TargetKind, t.TargetYear, t.Value);
            Axes(span, minYear, maxYear, series.Select(p => p.Value).Append(spanGoal.Target).Append(0).Concat(ranges).ToList(), L);
            const double spanH = 440;
            f.Panel(span, PanelLeft, y, f.Width - 2 * PanelLeft, spanH);
            y += spanH + 10;
        }

        y = Legend(f, d, y + 6, fc.Count > 0, obs.Any(o => o.SourceKind == "illustrative"),
            targets.Any(t => t.TargetKind == "goal" && (BriefingData.IsLevel(t.Measure) || drewSpan)),
            targets.Any(t => t.TargetKind == "milestone" && (BriefingData.IsLevel(t.Measure) || drewSpan && t.Measure == spanGoal!.Measure)),
            levelTargets.Any(t => t.TargetKind == "baseline"), drewSpan);
        var sources = obs.Select(o => o.Source).Distinct().ToList();
        var source = $"{goal?.SourceDocument ?? spanGoal?.SourceDocument ?? L.T("规划文件", "plan")}{L.T("；观测：", "; figures: ")}"
            + string.Join(L.T("、", ", "), sources.Take(2))
            + (sources.Count > 2 ? L.T($"等 {sources.Count} 个文件", $" and {sources.Count - 2} more") : "");
        ChartFrame.Footer(f, y, source, date, d.UsesIllustrative, L);
        return f;
    }

    /// <summary>The title states the finding in the target's own sense.</summary>
    private static string Title(BriefingData d, string region, string indicator, AttainmentRow? g, ObservationPoint last, string unit)
    {
        var L = d.Lang;
        if (g == null)
            return L.T($"{region}{indicator}：{last.Year}年为{L.Value(last.Value, unit)}", $"{region}, {indicator}: {L.Value(last.Value, unit)} in {last.Year}");
        var achieved = g.Achieved is { } a ? L.Value(a, unit) : "—";
        var what = g.Measure switch
        {
            "cumulative" => L.T($"{Format.Span(g.PeriodStart, g.AchievedAsOf ?? g.PeriodStart)}年累计{achieved}",
                $"{achieved} in total over {Format.Span(g.PeriodStart, g.AchievedAsOf ?? g.PeriodStart)}"),
            "increment" => L.T($"较{g.PeriodStart - 1}年已新增{achieved}", $"up {achieved} since {g.PeriodStart - 1}"),
            _ => L.T($"{g.AchievedAsOf}年{achieved}", $"{achieved} in {g.AchievedAsOf}"),
        };
        var target = L.Value(g.Target, unit);
        var verdict = g.Status switch
        {
            "met" => L.T($"已达成{g.TargetYear}年目标{target}", $"met the {g.TargetYear} target of {target}"),
            "missed" => L.T($"未达成{g.TargetYear}年目标{target}", $"missed the {g.TargetYear} target of {target}"),
            "on_track" or "at_risk" or "off_track" => L.T($"达到{g.TargetYear}年目标{target}的概率{Format.Probability(g.ProbabilityMet)}",
                $"{Format.Probability(g.ProbabilityMet)} chance of the {g.TargetYear} target of {target}"),
            _ => L.T($"{g.TargetYear}年目标{target}，数据不足以评估", $"too little data to assess the {g.TargetYear} target of {target}"),
        };
        return L.T($"{region}{indicator}：{what}，{verdict}", $"{region}, {indicator}: {what}; {verdict}");
    }

    /// <summary>Running sum (cumulative) or running change since the year before the span (increment), observed then forecast.</summary>
    private static List<(long Year, double Value, bool Forecast)> SpanSeries(AttainmentRow g, List<ObservationPoint> obs, List<ForecastPoint> fc)
    {
        var byYear = obs.ToDictionary(o => o.Year, o => (o.Value, Forecast: false));
        foreach (var x in fc) byYear.TryAdd(x.Year, (x.Point, true));
        var list = new List<(long, double, bool)>();
        if (g.Measure == "cumulative")
        {
            double sum = 0;
            for (var yr = g.PeriodStart; yr <= g.PeriodEnd; yr++)
            {
                if (!byYear.TryGetValue(yr, out var v)) break;
                sum += v.Value;
                list.Add((yr, sum, v.Forecast));
            }
        }
        else
        {
            if (!byYear.TryGetValue(g.PeriodStart - 1, out var b) || b.Forecast) return list;
            for (var yr = g.PeriodStart - 1; yr <= g.PeriodEnd; yr++)
            {
                if (!byYear.TryGetValue(yr, out var v)) break;
                list.Add((yr, v.Value - b.Value, v.Forecast));
            }
        }
        return list;
    }

    private static Plot NewPanel()
    {
        var p = new Plot();
        p.Layout.Fixed(new PixelPadding(120, 30, 56, 30)); // room for the half of the top tick label above the data area
        foreach (var axis in p.Axes.GetAxes())
        {
            ChartFont.StyleTickLabels(axis, Figure.MinText);
            axis.TickLabelStyle.ForeColor = Color.FromHex(Palette.Muted);
            axis.Label.Font = ChartFont.Face();
            axis.Label.FontSize = Figure.MinText;
        }
        p.Grid.MajorLineColor = Color.FromHex(Palette.Grid);
        p.Axes.Frame(false);
        p.Axes.Left.FrameLineStyle.Width = 2;
        p.Axes.Bottom.FrameLineStyle.Width = 2;
        return p;
    }

    private static void Axes(Plot p, long minYear, long maxYear, List<double> values, Lang lang)
    {
        var step = maxYear - minYear > 9 ? 2 : 1;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var yr = maxYear; yr >= minYear; yr -= step) ticks.AddMajor(yr, yr.ToString(System.Globalization.CultureInfo.InvariantCulture));
        p.Axes.Bottom.TickGenerator = ticks;
        p.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => ShortNumber(v, lang), TargetTickCount = 5 };
        var (lo, hi) = (Math.Min(0, values.Min()), values.Max());
        if (hi - lo < 1e-9) hi = lo + 1; // a flat series at zero still gets an axis
        p.Axes.SetLimits(minYear - 0.5, maxYear + 0.5, lo, hi + (hi - lo) * 0.08 + 1e-9);
    }

    private static void Band(Plot p, double[] xs, double[] lo, double[] hi, string color)
    {
        var poly = p.Add.Polygon(xs.Concat(xs.Reverse()).ToArray(), lo.Concat(hi.Reverse()).ToArray());
        poly.FillStyle.Color = Color.FromHex(color);
        poly.LineStyle.Width = 0;
    }

    private static void TargetMarker(Plot p, string kind, double x, double y)
    {
        // Goal: filled diamond; milestone: open diamond; baseline: open square (shape, not only colour, tells them apart).
        var (shape, size) = kind switch
        {
            "goal" => (MarkerShape.FilledDiamond, 30f),
            "milestone" => (MarkerShape.OpenDiamond, 26f),
            _ => (MarkerShape.OpenSquare, 22f),
        };
        var m = p.Add.Marker(x, y, shape, size, Color.FromHex(Palette.Target));
        m.MarkerStyle.LineWidth = 4;
    }

    /// <summary>Flowing legend of what this chart draws, swatches drawn with the same shapes.</summary>
    private static double Legend(Figure f, BriefingData d, double y, bool forecast, bool illustrative, bool goal, bool milestone, bool baseline,
        bool spanLine)
    {
        var L = d.Lang;
        var items = new List<(string Text, Action<double, double> Swatch)>
        {
            (L.T("观测", "observed"), (x, cy) =>
            {
                f.Line(x, cy, x + 40, cy, Palette.Observed, 4);
                f.Marker(x + 20, cy, MarkerShape.FilledCircle, 14, Palette.Observed);
            }),
        };
        if (illustrative)
            items.Add((L.T("空心点 = 示例数据", "hollow = illustrative"), (x, cy) => f.Marker(x + 20, cy, MarkerShape.OpenCircle, 16, Palette.Observed)));
        if (forecast)
        {
            items.Add((L.T("预测", "forecast"), (x, cy) => f.Line(x, cy, x + 40, cy, Palette.Forecast, 4, LinePattern.Dashed)));
            items.Add((L.T("80% 区间", "80% interval"), (x, cy) => f.Rect(x, cy - 12, 40, 24, Palette.Band80)));
            items.Add((L.T("95% 区间", "95% interval"), (x, cy) => f.Rect(x, cy - 12, 40, 24, Palette.Band95)));
        }
        if (goal) items.Add((L.T("目标", "goal"), (x, cy) => f.Marker(x + 20, cy, MarkerShape.FilledDiamond, 26, Palette.Target)));
        if (milestone) items.Add((L.T("阶段目标", "milestone"), (x, cy) => f.Marker(x + 20, cy, MarkerShape.OpenDiamond, 24, Palette.Target)));
        if (baseline) items.Add((L.T("规划基线", "plan baseline"), (x, cy) => f.Marker(x + 20, cy, MarkerShape.OpenSquare, 20, Palette.Target)));
        if (spanLine)
            items.Add((L.T("目标水平（点线）", "target level (dotted)"), (x, cy) => f.Line(x, cy, x + 40, cy, Palette.Target, 3, LinePattern.Dotted)));
        var lx = ChartFrame.Margin;
        foreach (var (text, swatch) in items)
        {
            var w = 52 + Figure.TextWidth(text, 26) + 30;
            if (lx + w > f.Width - ChartFrame.Margin) { lx = ChartFrame.Margin; y += 44; }
            swatch(lx, y + 18);
            f.Text(lx + 52, y + 18, text, 26, "#222222", Alignment.MiddleLeft);
            lx += w;
        }
        return y + 44;
    }

    private static string ShortNumber(double v, Lang lang) => Math.Abs(v) < 10000 ? Format.Num(v, 1)
        : lang.En ? Format.Num(v / 1000, 0) + "k" : Format.Num(v / 10000, 1) + "万";
}
