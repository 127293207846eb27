using System.Globalization;
using System.Text.RegularExpressions;
using Warehouse.Etl.Normalisation;
using Warehouse.Etl.Sources.PlanDocuments;
using Warehouse.Store;

namespace Warehouse.Etl.Sources.Statistics;

/// <summary>What a statistics file holds once parsed: good figures, quarantined rows, and how many rows were read.</summary>
public sealed record ParsedFile(IReadOnlyList<Figure> Figures, IReadOnlyList<Reject> Rejects, int RowsRead, int RowsSkipped, string Shapes);

/// <summary>Turns sheets into figures. Two shapes, told apart by the header row:
/// long (region, indicator, period, value[, unit]) and wide (regions down, indicators across, one period per sheet).</summary>
public sealed partial class StatisticsParser(Catalog catalog)
{
    private readonly IndicatorNames _names = new(catalog);

    private static readonly Dictionary<string, string[]> Roles = new()
    {
        ["region"] = ["地区", "地区名称", "区域", "县市区", "县(市、区)", "行政区", "行政区划", "region", "regioncode", "region_code", "area"],
        ["indicator"] = ["指标", "指标名称", "项目", "indicator", "indicatorzh", "indicator_zh", "indicatorname", "metric"],
        ["period"] = ["年份", "年度", "期间", "时间", "统计期", "统计期间", "period", "year", "date"],
        ["value"] = ["数值", "值", "数据", "数量", "value", "amount"],
        ["unit"] = ["单位", "计量单位", "unit"],
        ["note"] = ["备注", "说明", "note", "notes"],
        ["evidence"] = ["原文", "出处原文", "quote", "evidence"],
        ["url"] = ["来源", "来源网址", "source", "sourceurl", "source_url", "url"],
    };

    private static readonly HashSet<string> Missing = ["", "—", "——", "-", "--", "…", "……", "...", "/", "na", "n/a", "无数据", "暂无"];

    /// <summary>Parses every sheet of a file.</summary>
    public ParsedFile Parse(IReadOnlyList<Sheet> sheets, string fileName)
    {
        var figures = new List<Figure>();
        var rejects = new List<Reject>();
        int read = 0, skipped = 0;
        var shapes = new List<string>();
        foreach (var sheet in sheets)
        {
            var (headerIndex, roles, wideColumns) = FindHeader(sheet);
            if (headerIndex < 0)
            {
                if (sheet.Rows.Any(r => r.Cells.Any(c => c.Trim().Length > 0)))
                    rejects.Add(new Reject(fileName, sheet.IsCsv ? "line 1" : $"'{sheet.Name}'", "no header: 找不到表头（需要 地区/指标/数值 列，或 地区 + 指标列）/ no header row with region, indicator and value columns", string.Join(",", sheet.Rows.FirstOrDefault()?.Cells ?? [])));
                continue;
            }
            var titlePeriod = sheet.Rows.Take(headerIndex).Select(r => PeriodIn(string.Join(" ", r.Cells))).FirstOrDefault(p => p != null)
                ?? Period.Parse(sheet.Name) ?? PeriodIn(sheet.Name) ?? PeriodIn(fileName);
            shapes.Add(wideColumns.Count > 0 ? "wide" : "long");
            foreach (var row in sheet.Rows.Skip(headerIndex + 1))
            {
                read++;
                if (IsSkippable(row, roles.GetValueOrDefault("region", 0))) { skipped++; continue; }
                if (wideColumns.Count > 0) ParseWideRow(sheet, row, roles["region"], wideColumns, titlePeriod, fileName, figures, rejects, ref skipped);
                else ParseLongRow(sheet, row, roles, titlePeriod, fileName, figures, rejects, ref skipped);
            }
        }
        return new ParsedFile(RemoveContradictions(figures, rejects, fileName), rejects, read, skipped, string.Join("+", shapes.Distinct()));
    }

    private void ParseLongRow(Sheet sheet, SheetRow row, Dictionary<string, int> roles, Period? titlePeriod, string file,
        List<Figure> figures, List<Reject> rejects, ref int skipped)
    {
        string Cell(string role) => roles.TryGetValue(role, out var i) && i < row.Cells.Length ? row.Cells[i].Trim() : "";
        var raw = string.Join(",", row.Cells);
        var valueText = Cell("value");
        if (Missing.Contains(Text.Normalize(valueText).ToLowerInvariant())) { skipped++; return; }
        var region = catalog.FindRegion(Cell("region"));
        if (region == null) { rejects.Add(new Reject(file, sheet.CellRef(row, roles["region"]), $"unknown region: 未知地区“{Cell("region")}”", raw)); return; }
        var resolved = _names.ResolveCell(Cell("indicator"));
        if (resolved == null) { rejects.Add(new Reject(file, sheet.CellRef(row, roles["indicator"]), $"unknown indicator: 未知指标“{Cell("indicator")}”", raw)); return; }
        Period? period = titlePeriod;
        if (roles.ContainsKey("period"))
        {
            period = Period.Parse(Cell("period")) ?? (Cell("period").Length == 0 ? titlePeriod : null);
            if (period == null) { rejects.Add(new Reject(file, sheet.CellRef(row, roles["period"]), $"bad period: 无法识别的期间“{Cell("period")}”", raw)); return; }
        }
        if (period == null) { rejects.Add(new Reject(file, sheet.RowRef(row), "no period: 行和标题都没有期间 / neither the row nor the title gives a period", raw)); return; }
        var unit = Cell("unit").Length > 0 ? Cell("unit") : resolved.Value.UnitHint;
        var note = string.Join("；", new[] { Cell("note"), Cell("url") }.Where(s => s.Length > 0));
        var figure = MakeFigure(sheet, row, roles["value"], region, resolved.Value.Indicator, period, valueText, unit, file, raw, rejects);
        if (figure != null) figures.Add(figure with { Evidence = Cell("evidence").Length > 0 ? Cell("evidence") : null, Note = note.Length > 0 ? note : null });
    }

    private void ParseWideRow(Sheet sheet, SheetRow row, int regionColumn, List<(int Column, Indicator Indicator, string Unit)> columns,
        Period? period, string file, List<Figure> figures, List<Reject> rejects, ref int skipped)
    {
        var raw = string.Join(",", row.Cells);
        var regionText = regionColumn < row.Cells.Length ? row.Cells[regionColumn].Trim() : "";
        var region = catalog.FindRegion(regionText);
        if (region == null) { rejects.Add(new Reject(file, sheet.CellRef(row, regionColumn), $"unknown region: 未知地区“{regionText}”", raw)); return; }
        if (period == null) { rejects.Add(new Reject(file, sheet.RowRef(row), "no period: 标题行和工作表名都没有期间 / no period in the title row or sheet name", raw)); return; }
        foreach (var (column, indicator, unit) in columns)
        {
            var text = column < row.Cells.Length ? row.Cells[column].Trim() : "";
            if (Missing.Contains(Text.Normalize(text).ToLowerInvariant())) { skipped++; continue; }
            var f = MakeFigure(sheet, row, column, region, indicator, period, text, unit, file, raw, rejects);
            if (f != null) figures.Add(f);
        }
    }

    private static Figure? MakeFigure(Sheet sheet, SheetRow row, int column, Region region, Indicator indicator, Period period,
        string valueText, string unit, string file, string raw, List<Reject> rejects)
    {
        var cell = sheet.CellRef(row, column);
        var text = Text.Key(valueText).Replace("−", "-");
        var negative = text.StartsWith('-');
        if (negative) text = text[1..];
        var parsed = Quantity.ParsePrefix(text);
        if (parsed is not var (q, length) || length != text.Length)
        {
            rejects.Add(new Reject(file, cell, $"bad value: 无法解析的数值“{valueText}”", raw));
            return null;
        }
        if (q.Unit.Length == 0 && unit.Length > 0)
        {
            if (Quantity.ParseUnit(unit) is not { Complete: true } u)
            {
                rejects.Add(new Reject(file, cell, $"bad unit: 无法识别的单位“{unit}”（{indicator.IndicatorName} 的单位是 {indicator.Unit}）", raw));
                return null;
            }
            q = q with { Unit = u.Unit, Scale = q.Scale.Length > 0 ? q.Scale : u.Scale };
        }
        var value = q.In(indicator.Unit, indicator.AltUnits);
        if (value == null)
        {
            rejects.Add(new Reject(file, cell, $"unit mismatch: 单位“{q.Scale}{q.Unit}”不适用于 {indicator.IndicatorName}（应为 {indicator.Unit}）", raw));
            return null;
        }
        if (negative)
        {
            rejects.Add(new Reject(file, cell, $"negative value: 负数“{valueText}”不能是数量或金额 / a count or amount cannot be negative", raw));
            return null;
        }
        return new Figure(region.RegionCode, indicator.IndicatorCode, period, value.Value, cell, null, null);
    }

    /// <summary>Two different figures for the same region, indicator and period in one file: neither can be trusted, both are quarantined.</summary>
    private static List<Figure> RemoveContradictions(List<Figure> figures, List<Reject> rejects, string file)
    {
        var kept = new List<Figure>();
        foreach (var g in figures.GroupBy(f => (f.RegionCode, f.IndicatorCode, f.Period.Code)))
        {
            var values = g.Select(f => f.Value).Distinct().ToList();
            if (values.Count == 1) { kept.Add(g.First()); continue; }
            var all = string.Join("; ", g.Select(f => $"{f.Location} = {f.Value.ToString(CultureInfo.InvariantCulture)}"));
            foreach (var f in g)
                rejects.Add(new Reject(file, f.Location, $"contradiction: 同一文件中 {g.Key.RegionCode} {g.Key.IndicatorCode} {g.Key.Code} 有不同数值 / contradicting figures for the same key ({all})", all));
        }
        return kept;
    }

    private (int Index, Dictionary<string, int> Roles, List<(int, Indicator, string)> Wide) FindHeader(Sheet sheet)
    {
        for (var r = 0; r < Math.Min(sheet.Rows.Count, 15); r++)
        {
            var cells = sheet.Rows[r].Cells;
            var roles = new Dictionary<string, int>();
            for (var i = 0; i < cells.Length; i++)
            {
                var key = Text.Key(cells[i]).ToLowerInvariant();
                var bare = Regex.Replace(key, @"[（(].*[）)]$", "");
                foreach (var (role, names) in Roles)
                    if (!roles.ContainsKey(role) && (names.Contains(key) || names.Contains(bare))) { roles[role] = i; break; }
            }
            if (roles.ContainsKey("region") && roles.ContainsKey("indicator") && roles.ContainsKey("value")) return (r, roles, []);
            if (roles.TryGetValue("region", out var regionCol))
            {
                var wide = new List<(int, Indicator, string)>();
                for (var i = 0; i < cells.Length; i++)
                    if (i != regionCol && _names.ResolveCell(cells[i]) is { } res) wide.Add((i, res.Indicator, res.UnitHint));
                if (wide.Count > 0) return (r, new Dictionary<string, int> { ["region"] = regionCol }, wide);
            }
        }
        return (-1, [], []);
    }

    private static bool IsSkippable(SheetRow row, int regionColumn)
    {
        var first = row.Cells.Select(c => Text.Normalize(c)).FirstOrDefault(c => c.Length > 0);
        if (first == null) return true; // blank
        if (NoteRow().IsMatch(first)) return true;
        var region = regionColumn < row.Cells.Length ? Text.Key(row.Cells[regionColumn]) : "";
        return region.Contains("合计") || region.Contains("总计") || region is "全市" or "总数";
    }

    private static Period? PeriodIn(string text)
    {
        var m = TitlePeriod().Match(Text.Normalize(text));
        return m.Success ? Period.Parse(m.Value) : null;
    }

    [GeneratedRegex(@"^(?:注|说明|备注|数据来源|资料来源|填报|制表)[:：\s]")]
    private static partial Regex NoteRow();

    [GeneratedRegex(@"\d{4}年(?:\d{1,2}[-~至]\d{1,2}月|\d{1,2}月|上半年|下半年|第[一二三四]季度)?|\d{4}-\d{2}(?!\d)|(?<!\d)\d{4}(?!\d)")]
    private static partial Regex TitlePeriod();
}
