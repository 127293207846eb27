using System.Globalization;
using System.Text.RegularExpressions;
using Warehouse.Etl.Normalisation;
using Warehouse.Etl.Sources.PlanDocuments;
using Warehouse.Store;

namespace Warehouse.Etl.Sources.Statistics;

/// <summary>What parsing a statistics file counted; the figures and rejects themselves went to the loader as they were found.</summary>
public sealed record ParseSummary(int RowsRead, int RowsSkipped, string Shapes);

/// <summary>Turns sheets into figures. Two shapes, told apart by the header row:
/// long (region, indicator, period, value[, unit]) and wide (regions down, indicators across, one period per sheet).
/// Rows stream through one at a time; a problem with a row is a reject, never an exception.</summary>
public sealed partial class StatisticsParser(Catalog catalog)
{
    /// <summary>Rows searched for the header.</summary>
    private const int HeaderSearchRows = 15;

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

    /// <summary>Parses every sheet, handing each good figure and each reject on as soon as its row is read.
    /// Contradictions between rows are left to the loader, which sees the whole file.</summary>
    /// <exception cref="InvalidDataException">No sheet has a header row: the file as a whole cannot be read (names the file).</exception>
    public ParseSummary Parse(IEnumerable<Sheet> sheets, string fileName, Action<Figure> figure, Action<Reject> reject)
    {
        int read = 0, skipped = 0, headers = 0;
        var shapes = new List<string>();
        Reject? noHeader = null;
        foreach (var sheet in sheets)
        {
            using var rows = sheet.Rows.GetEnumerator();
            var head = new List<SheetRow>();
            while (head.Count < HeaderSearchRows && rows.MoveNext()) head.Add(rows.Current);
            var (headerIndex, roles, wideColumns) = FindHeader(head);
            if (headerIndex < 0)
            {
                var first = head.FirstOrDefault(r => r.Cells.Any(c => c.Trim().Length > 0));
                if (first != null)
                {
                    noHeader = new Reject(fileName, sheet.IsCsv ? sheet.RowRef(first) : $"'{sheet.Name}'",
                        "no header: 找不到表头（需要 地区/指标/数值 列，或 地区 + 指标列）/ no header row with region, indicator and value columns", string.Join(",", first.Cells));
                    reject(noHeader);
                }
                while (rows.MoveNext()) { } // the next sheet of a workbook starts where this one ends
                continue;
            }
            headers++;
            var title = Title(head.Take(headerIndex), sheet.Name, fileName);
            var width = Array.FindLastIndex(head[headerIndex].Cells, c => c.Trim().Length > 0) + 1;
            shapes.Add(wideColumns.Count > 0 ? "wide" : "long");
            // A row's figures and rejects are collected first and handed on after it parsed, so a failure in the loader's hands
            // (a database error, a crash) stops the file instead of being mistaken for a bad row.
            var rowFigures = new List<Figure>();
            var rowRejects = new List<Reject>();
            foreach (var row in head.Skip(headerIndex + 1).Concat(Rest(rows)))
            {
                read++;
                rowFigures.Clear();
                rowRejects.Clear();
                try
                {
                    if (IsSkippable(row, roles.GetValueOrDefault("region", 0))) { skipped++; continue; }
                    if (row.Unterminated && (row.OpenQuote || row.Cells.Length < width))
                        rowRejects.Add(new Reject(fileName, sheet.RowRef(row), row.OpenQuote
                            ? "truncated: 文件在引号内结束，最后一行不完整 / the file ends inside a quoted field: the last line is cut off"
                            : $"truncated: 文件在行中结束，最后一行只有 {row.Cells.Length} 列（表头 {width} 列）/ "
                                + $"the file ends mid-row: the last line has {row.Cells.Length} of {width} columns",
                            string.Join(",", row.Cells)));
                    else if (wideColumns.Count > 0)
                        ParseWideRow(sheet, row, roles["region"], wideColumns, title, fileName, rowFigures.Add, rowRejects.Add, ref skipped);
                    else ParseLongRow(sheet, row, roles, title, fileName, rowFigures.Add, rowRejects.Add, ref skipped);
                }
                catch (Exception ex) when (ex is not InvalidDataException and not OperationCanceledException)
                {
                    // A row this parser did not foresee costs that row, never the file.
                    rowFigures.Clear();
                    rowRejects.Add(new Reject(fileName, sheet.RowRef(row), $"unreadable row: 无法解析此行 / {ex.GetType().Name}: {ex.Message}",
                        string.Join(",", row.Cells)));
                }
                foreach (var f in rowFigures) figure(f);
                foreach (var r in rowRejects) reject(r);
            }
        }
        if (headers == 0)
        {
            var first = noHeader == null ? null : Text.Normalize(noHeader.RawText);
            throw new InvalidDataException(UnknownLayout(fileName)
                + (first != null ? $"; 第一行 / first line: {first[..Math.Min(80, first.Length)]}" : "; 文件为空 / the file is empty"));
        }
        return new ParseSummary(read, skipped, string.Join("+", shapes.Distinct()));
    }

    /// <summary>The message for a file none of whose sheets has a recognisable layout, naming the layouts accepted.</summary>
    public static string UnknownLayout(string file) =>
        $"{file}: 无法识别的表格格式，找不到表头 / no recognisable layout (no sheet has a header row). 接受的格式 / accepted layouts: "
        + "长表 long（表头含 地区、指标、年份/期间、数值 列，可选 单位、备注 / columns region, indicator, year or period, value[, unit, note]）；"
        + "宽表 wide（表头含 地区 列和若干指标列，如 有效注册商标量（万件），期间写在标题行或工作表名中 / a region column and one column "
        + "per indicator, the period in a title row or the sheet name）";

    private static IEnumerable<SheetRow> Rest(IEnumerator<SheetRow> rows)
    {
        while (rows.MoveNext()) yield return rows.Current;
    }

    /// <summary>The period the title rows, the sheet name or the file name give; or why a period there was refused (year 0000).</summary>
    private static TitlePeriodResult Title(IEnumerable<SheetRow> titleRows, string sheetName, string fileName)
    {
        string? error = null;
        foreach (var text in titleRows.Select(r => string.Join(" ", r.Cells)).Append(sheetName).Append(fileName))
        {
            if (Period.TryParse(text, out var whole, out var wholeError)) return new(whole, null);
            error ??= wholeError;
            var m = TitlePeriod().Match(Text.Normalize(text));
            if (!m.Success) continue;
            if (Period.TryParse(m.Value, out var p, out var e)) return new(p, null);
            error ??= e;
        }
        return new(null, error);
    }

    private sealed record TitlePeriodResult(Period? Period, string? Error);

    private void ParseLongRow(Sheet sheet, SheetRow row, Dictionary<string, int> roles, TitlePeriodResult title, string file,
        Action<Figure> figures, Action<Reject> rejects, ref int skipped)
    {
        string Cell(string role) => roles.TryGetValue(role, out var i) && i < row.Cells.Length ? row.Cells[i].Trim() : "";
        var raw = string.Join(",", row.Cells);
        var valueText = Cell("value");
        if (Missing.Contains(Text.Normalize(valueText).ToLowerInvariant())) { skipped++; return; }
        var region = catalog.FindRegion(Cell("region"));
        if (region == null) { rejects(new Reject(file, sheet.CellRef(row, roles["region"]), $"unknown region: 未知地区“{Cell("region")}”", raw)); return; }
        var resolved = _names.ResolveCell(Cell("indicator"));
        if (resolved == null)
        {
            rejects(new Reject(file, sheet.CellRef(row, roles["indicator"]), $"unknown indicator: 未知指标“{Cell("indicator")}”", raw));
            return;
        }
        var period = title.Period;
        if (roles.ContainsKey("period") && Cell("period").Length > 0)
        {
            if (!Period.TryParse(Cell("period"), out period, out var error))
            {
                rejects(new Reject(file, sheet.CellRef(row, roles["period"]),
                    error != null ? $"bad period: {error}" : $"bad period: 无法识别的期间“{Cell("period")}”", raw));
                return;
            }
        }
        if (period == null)
        {
            rejects(new Reject(file, sheet.RowRef(row), title.Error != null ? $"bad period: 标题中的期间不可用 / the title's period is refused: {title.Error}"
                : "no period: 行和标题都没有期间 / neither the row nor the title gives a period", raw));
            return;
        }
        if (roles.TryGetValue("unit", out var unitColumn) && unitColumn >= row.Cells.Length && resolved.Value.UnitHint.Length == 0)
        {
            // The file has a unit column and this row stops before it: the figure's scale (件 or 万件) is unknown, not the default.
            rejects(new Reject(file, sheet.CellRef(row, unitColumn),
                $"missing cell: 此行缺少“单位”列（只有 {row.Cells.Length} 列）/ the row ends before its unit column ({row.Cells.Length} cells)", raw));
            return;
        }
        var unit = Cell("unit").Length > 0 ? Cell("unit") : resolved.Value.UnitHint;
        var note = string.Join("；", new[] { Cell("note"), Cell("url") }.Where(s => s.Length > 0));
        var figure = MakeFigure(sheet, row, roles["value"], region, resolved.Value.Indicator, period, valueText, unit, file, raw, rejects);
        if (figure != null) figures(figure with { Evidence = Cell("evidence").Length > 0 ? Cell("evidence") : null, Note = note.Length > 0 ? note : null });
    }

    private void ParseWideRow(Sheet sheet, SheetRow row, int regionColumn, List<(int Column, Indicator Indicator, string Unit)> columns,
        TitlePeriodResult title, string file, Action<Figure> figures, Action<Reject> rejects, ref int skipped)
    {
        var raw = string.Join(",", row.Cells);
        var regionText = regionColumn < row.Cells.Length ? row.Cells[regionColumn].Trim() : "";
        var region = catalog.FindRegion(regionText);
        if (region == null) { rejects(new Reject(file, sheet.CellRef(row, regionColumn), $"unknown region: 未知地区“{regionText}”", raw)); return; }
        var period = title.Period;
        if (period == null)
        {
            rejects(new Reject(file, sheet.RowRef(row), title.Error != null
                ? $"bad period: 标题或工作表名中的期间不可用 / the title's or sheet name's period is refused: {title.Error}"
                : "no period: 标题行和工作表名都没有期间 / no period in the title row or sheet name", raw));
            return;
        }
        foreach (var (column, indicator, unit) in columns)
        {
            var text = column < row.Cells.Length ? row.Cells[column].Trim() : "";
            if (Missing.Contains(Text.Normalize(text).ToLowerInvariant())) { skipped++; continue; }
            var f = MakeFigure(sheet, row, column, region, indicator, period, text, unit, file, raw, rejects);
            if (f != null) figures(f);
        }
    }

    private static Figure? MakeFigure(Sheet sheet, SheetRow row, int column, Region region, Indicator indicator, Period period,
        string valueText, string unit, string file, string raw, Action<Reject> rejects)
    {
        var cell = sheet.CellRef(row, column);
        var text = Text.Key(valueText).Replace("−", "-");
        var negative = text.StartsWith('-');
        if (negative) text = text[1..];
        var parsed = Quantity.ParsePrefix(text);
        if (parsed is not var (q, length) || length != text.Length)
        {
            rejects(new Reject(file, cell, $"bad value: 无法解析的数值“{valueText}”", raw));
            return null;
        }
        if (q.Unit.Length == 0 && unit.Length > 0)
        {
            if (Quantity.ParseUnit(unit) is not { Complete: true } u)
            {
                rejects(new Reject(file, cell, $"bad unit: 无法识别的单位“{unit}”（{indicator.IndicatorName} 的单位是 {indicator.Unit}）", raw));
                return null;
            }
            q = q with { Unit = u.Unit, Scale = q.Scale.Length > 0 ? q.Scale : u.Scale };
        }
        var value = q.In(indicator.Unit, indicator.AltUnits);
        if (value == null)
        {
            rejects(new Reject(file, cell, $"unit mismatch: 单位“{q.Scale}{q.Unit}”不适用于 {indicator.IndicatorName}（应为 {indicator.Unit}）", raw));
            return null;
        }
        if (negative)
        {
            rejects(new Reject(file, cell, $"negative value: 负数“{valueText}”不能是数量或金额 / a count or amount cannot be negative", raw));
            return null;
        }
        if (!Periods.IsStorable(value.Value))
        {
            rejects(new Reject(file, cell, $"bad value: 数值超出范围“{valueText}”/ not a finite number", raw));
            return null;
        }
        return new Figure(region.RegionCode, indicator.IndicatorCode, period, value.Value, cell, null, null);
    }

    private (int Index, Dictionary<string, int> Roles, List<(int, Indicator, string)> Wide) FindHeader(List<SheetRow> rows)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r].Cells;
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

    [GeneratedRegex(@"^(?:注|说明|备注|数据来源|资料来源|填报|制表)[:：\s]")]
    private static partial Regex NoteRow();

    // [0-9], not \d: .NET's \d matches every Unicode digit (Arabic-Indic ١٢٣), which the period parser then refuses.
    [GeneratedRegex(@"[0-9]{4}年(?:[0-9]{1,2}[-~至][0-9]{1,2}月|[0-9]{1,2}月|上半年|下半年|第[一二三四]季度)?|[0-9]{4}-[0-9]{2}(?![0-9])|(?<![0-9])[0-9]{4}(?![0-9])")]
    private static partial Regex TitlePeriod();
}
