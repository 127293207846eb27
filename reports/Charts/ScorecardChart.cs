using ScottPlot;
using Warehouse.Reports.Briefing;
using Warehouse.Store;
using Palette = Warehouse.Reports.Briefing.Palette;

namespace Warehouse.Reports.Charts;

/// <summary>Chart 1: regions × key indicators. Each cell: achieved / target in the target's own sense (level, running sum over the span,
/// or increase since the year before it), the year(s) that figure covers, and the printed probability that sets the colour, or the
/// final met / missed verdict. Illustrative figures carry a 示例 badge. Many regions are split into pages of
/// <see cref="RegionsPerPage"/> rows, so a phone never gets an image taller than it can scroll.</summary>
public static class ScorecardChart
{
    /// <summary>Rows per page image.</summary>
    public const int RegionsPerPage = 10;

    private const double RowH = 262, Pad = 6;

    /// <summary>Builds the scorecard pages (one figure when there are at most <see cref="RegionsPerPage"/> regions).</summary>
    public static IReadOnlyList<Figure> Build(BriefingData d, DateOnly date)
    {
        var pages = d.Regions.Chunk(RegionsPerPage).ToList();
        if (pages.Count == 0) pages.Add([]);
        return pages.Select((regions, i) => Page(d, date, regions, i + 1, pages.Count)).ToList();
    }

    private static Figure Page(BriefingData d, DateOnly date, Warehouse.Store.Region[] regions, int page, int pageCount)
    {
        // The region column is as wide as the longest word of a region name needs (names wrap between words), within limits.
        var RegionCol = Math.Clamp(d.Regions.Select(d.RegionLabel).SelectMany(n => n.Split(' '))
            .Select(w => Figure.TextWidth(w, 26, true)).DefaultIfEmpty(0).Max() + 16, 170, 240);
        var L = d.Lang;
        var f = new Figure(Figure.StandardWidth, 4000);
        var cols = d.ScorecardIndicators;
        var (goals, good) = d.ScorecardCounts();
        var title = L.T($"{goals} 项规划目标中 {good} 项已达成或有望达成", $"{good} of {goals} plan goals met or on track");
        var subtitle = L.T($"{d.Regions.Count} 个地区主要目标记分卡，{d.AsOfText()}", $"Scorecard of {d.Regions.Count} regions' main goals, {d.AsOfText()}")
            + (pageCount > 1 ? L.T($"（第 {page}/{pageCount} 页）", $" (page {page}/{pageCount})") : "");
        var y = ChartFrame.Header(f, title, subtitle, d.UsesIllustrative, L);

        var left = ChartFrame.Margin;
        var colW = (f.Width - 2 * left - RegionCol) / Math.Max(1, cols.Count);
        // Column heads: short name (wrapped, never more than three lines) and the unit.
        var headBottom = y;
        for (var j = 0; j < cols.Count; j++)
        {
            var cx = left + RegionCol + j * colW + colW / 2;
            var yy = f.Paragraph(cx, y, d.IndicatorLabel(cols[j]), 26, colW - 2 * Pad, "#222222", bold: true, lineGap: 1.3, maxLines: 3,
                align: Alignment.UpperCenter);
            headBottom = Math.Max(headBottom, yy);
        }
        y = headBottom + 10;

        foreach (var r in regions)
        {
            // 28 px when every word fits the column, else 26 px (a word wider than the column still breaks between letters).
            var name = d.RegionLabel(r);
            var size = name.Split(' ').All(w => Figure.TextWidth(w, 28, true) <= RegionCol - 12) ? 28f : 26f;
            f.Paragraph(left, y + 12, name, size, RegionCol - 12, "#111111", bold: true, lineGap: 1.3, maxLines: 5);
            for (var j = 0; j < cols.Count; j++) Cell(f, d, d.MainGoal(r.RegionCode, cols[j]), left + RegionCol + j * colW, y, colW);
            y += RowH;
        }
        y = Legend(f, d, y + 16);
        ChartFrame.Footer(f, y, L.T("各地规划文件（目标）与统计表（观测），逐项出处见工作簿“目标”“数据来源”表",
            "regional plans (targets) and statistics tables (figures); every source is listed in the workbook"), date, d.UsesIllustrative, L);
        return f;
    }

    private static void Cell(Figure f, BriefingData d, AttainmentRow? a, double x, double y, double w)
    {
        var L = d.Lang;
        var (cx, inner) = (x + w / 2, w - 2 * Pad - 26);
        if (a == null)
        {
            f.Rect(x + Pad, y + Pad, w - 2 * Pad, RowH - 2 * Pad, "#f7f7f7", stroke: "#dddddd");
            f.Paragraph(cx, y + RowH / 2 - 36, L.T("未设目标", "no goal"), 26, inner, "#777777", align: Alignment.UpperCenter, maxLines: 2);
            return;
        }
        var s = a.Status;
        f.Rect(x + Pad, y + Pad, w - 2 * Pad, RowH - 2 * Pad, Palette.Fill(s), Palette.Hatch(s), stroke: s == "not_assessed" ? "#999999" : null);
        // Hatching frames the cell; the text sits on solid colour so it stays readable.
        if (Palette.Hatch(s) != null) f.Rect(x + Pad + 12, y + Pad + 12, w - 2 * Pad - 24, RowH - 2 * Pad - 24, Palette.Fill(s));
        var ink = Palette.Ink(s);
        var slot = y + Pad + 8;

        // 1: achieved / target, in one unit (万件 when the target is that large), at the largest size that fits.
        var (ach, unit) = a.Achieved is { } v
            ? Format.Scaled(v, a.Unit, a.Target, L.En)
            : ("—", Format.Scaled(a.Target, a.Unit, a.Target, L.En).Unit);
        var tgt = Format.Scaled(a.Target, a.Unit, a.Target, L.En).Text;
        var pair = $"{ach} / {tgt}";
        var size = new[] { 32f, 30f, 28f, 26f }.FirstOrDefault(sz => Figure.TextWidth(pair, sz, true) <= inner);
        if (size > 0) slot = f.Text(cx, slot, pair, size, ink, Alignment.UpperCenter, bold: true).Bottom;
        else
        {
            slot = f.Text(cx, slot, ach, 26, ink, Alignment.UpperCenter, bold: true).Bottom;
            slot = f.Text(cx, slot, "/ " + tgt, 26, ink, Alignment.UpperCenter, bold: true).Bottom;
        }
        // 2: measure and unit (累计 亿元), 3: the year or span the achieved figure covers.
        var measureUnit = (a.Measure is "stock" or "ratio" ? L.Unit(unit) : $"{L.Measure(a.Measure)} {L.Unit(unit)}").Trim();
        slot = f.Paragraph(cx, slot, measureUnit, 26, inner, ink, lineGap: 1.25, maxLines: 2, align: Alignment.UpperCenter);
        var span = a.AchievedAsOf is { } asOf
            ? BriefingData.IsLevel(a.Measure) ? L.Year(asOf) : Format.Span(a.PeriodStart, asOf)
            : L.T($"目标 {a.TargetYear}年", $"goal {a.TargetYear}");
        slot = f.Text(cx, slot, span, 26, ink, Alignment.UpperCenter).Bottom;
        // 4: the verdict: the printed probability sets the colour (rounded down so it agrees with the thresholds), or met / missed.
        var verdict = s is "on_track" or "at_risk" or "off_track"
            ? $"{Palette.Symbol(s)} {Format.Probability(a.ProbabilityMet)}"
            : Palette.Label(s, L.En);
        if (Figure.TextWidth(verdict, 28, true) > inner) verdict = Palette.Symbol(s) + " " + Palette.Word(s, L.En);
        slot = f.Text(cx, slot, verdict, Figure.TextWidth(verdict, 28, true) <= inner ? 28 : 26, ink, Alignment.UpperCenter, bold: true).Bottom + 2;
        // 5: illustrative figures are marked on the cell itself, not only in the footer.
        if (a.SourceKind == "illustrative")
        {
            var badge = L.T("示例", "illus.");
            var bw = Figure.TextWidth(badge, 26) + 14;
            f.Rect(cx - bw / 2, slot, bw, 38, "#ffffff", stroke: Palette.Illustrative, strokeWidth: 2);
            f.Text(cx, slot + 19, badge, 26, Palette.Illustrative, Alignment.MiddleCenter);
        }
    }

    private static double Legend(Figure f, BriefingData d, double y)
    {
        var L = d.Lang;
        var x = ChartFrame.Margin;
        var shown = Palette.Statuses.Where(s => s != "not_assessed" || d.Attainment.Any(a => a.Status == s)).ToList();
        foreach (var s in shown)
        {
            var text = Palette.Label(s, L.En) + (s switch { "on_track" => " ≥75%", "at_risk" => " 40–75%", "off_track" => " <40%", _ => "" });
            var w = 44 + Figure.TextWidth(text, 26) + 28;
            if (x + w > f.Width - ChartFrame.Margin) { x = ChartFrame.Margin; y += 46; }
            f.Rect(x, y, 34, 34, Palette.Fill(s), Palette.Hatch(s), stroke: "#999999", strokeWidth: 1);
            f.Text(x + 44, y + 17, text, 26, "#222222", Alignment.MiddleLeft);
            x += w;
        }
        y += 56;
        var note = L.T("格内：已完成 / 目标，按目标口径（存量、比率、年度取最新一年；累计为规划期内逐年合计；新增为较规划前一年的增加），下一行为该数所属年份；"
                + "百分比为按预测计算的达成概率，决定颜色；目标年已有数据时直接判定已达成或未达成。“示例”= 示例数据，非真实统计。",
            "Cell: achieved / target in the target's own sense (level: latest year; cumulative: sum over the plan years so far; increase: "
                + "change since the year before the plan), then the years it covers; the percentage is the forecast probability of meeting "
                + "the target and sets the colour; once the target year is observed the cell says met or missed. \"illus.\" = illustrative data.");
        return f.Paragraph(ChartFrame.Margin, y, note, 26, f.Width - 2 * ChartFrame.Margin, Palette.Muted, lineGap: 1.35);
    }
}
