using System.Globalization;
using System.Text.RegularExpressions;
using Warehouse.Etl.Normalisation;
using Warehouse.Store;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>What a table column holds, from its header cell.</summary>
public enum ColumnRole { Other, Indicator, Unit, Value, Attribute, SerialNumber }

/// <summary>A table column: its role and, for a value column, the kind and year its numbers get (基数 → baseline, 2025年 → goal).</summary>
public sealed record TableColumn(ColumnRole Role, string Kind = "", int Year = 0);

/// <summary>Reads tables by their header: Word tables and tab-separated lines (one line per row), and tables flattened to one cell
/// per line. The header names the columns (序号, 指标, 单位, 2020年 | 2025年, 基数 | 目标, 属性); each row's indicator cell is paired
/// with the value columns by position. Without a header, an indicator cell takes the next value cell in the passage's context.</summary>
public sealed partial class TableRule(IndicatorNames names, PlanHeader plan, Divisions divisions)
{
    /// <summary>Whether a figure in brackets (〔80〕, [4000]) is a sum over the plan's span, as five-year plans note under their
    /// tables (注：〔 〕内为五年累计数); set from the whole document, because the note comes after the table.</summary>
    public bool BracketsAreSums { get; init; }

    /// <summary>Whether the document notes that bracketed figures are sums over the span.</summary>
    public static bool NotesBracketedSums(string text) => BracketedSumsNote().IsMatch(text);

    [GeneratedRegex(@"[〔\[［【]\s*[〕\]］】][^。\n]{0,20}?累计")]
    private static partial Regex BracketedSumsNote();

    // A table by region (县(市、区) | 商标申请量 | 商标注册量 …): one column per indicator, its level or its growth rate.
    private List<(Indicator Indicator, bool Growth)>? _byRegion;
    private bool _byRegionSubHeader; // the row under a by-region header may split each indicator into 完成值 | 同比增长

    // A table by year (年度 | PCT国际专利申请量（件） | …, then 2026年 | 70 | …): one column per indicator, one row per year.
    private List<(Indicator? Indicator, string Cell, string UnitHint)>? _byYear;

    private List<TableColumn>? _header;
    private List<TableColumn>? _growingHeader; // header cells arriving one per line
    private (Indicator Indicator, string Qualifiers, string UnitHint, string Cell, int Offset, int NextValue)? _pending;
    private string? _unknown;
    private bool _cellsPerLine; // a header arrived one cell per line: short lines that follow are cells too
    private bool _headerRowJustRead;

    /// <summary>Whether a short line without tabs belongs to a table written one cell per line: a header word, or any short line
    /// once such a header stands.</summary>
    public bool TakesLooseCell(string line) => HeaderCell(line) != null && !IsNumber(Text.Key(line)) || _cellsPerLine && _header != null;

    /// <summary>Whether header cells are arriving one per line (so a cell such as 发展目标 is not a section heading).</summary>
    public bool BuildingHeader => _growingHeader != null;

    /// <summary>Forgets the table (prose or a heading ended it).</summary>
    public void Reset()
    {
        _cellsPerLine = false;
        _headerRowJustRead = false;
        _header = null;
        _growingHeader = null;
        _pending = null;
        _unknown = null;
        _byRegion = null;
        _byRegionSubHeader = false;
        _byYear = null;
    }

    /// <summary>Reads one table line's cells; returns candidates and cells that looked like indicators but are unknown.</summary>
    public IEnumerable<(TargetCandidate? Candidate, string? Unknown)> Apply(IReadOnlyList<string> cells, PassageContext context, int offset)
    {
        var filled = cells.Select(c => Text.Key(c)).Where(c => c.Length > 0).ToList();
        if (filled.Count == 0) return [];
        if (filled.Count == 1) return Stream(filled[0], context, offset);
        _growingHeader = null;
        _pending = null;
        if (ByYearHeader(filled) is { } byYear)
        {
            Reset();
            _byYear = byYear;
            return [];
        }
        if (_byYear is { } yearColumns && YearRowCell().Match(filled[0]) is { Success: true } rowYear)
            return YearRow(filled, yearColumns, int.Parse(rowYear.Groups["y"].Value, CultureInfo.InvariantCulture), context, offset).ToList();
        _byYear = null;
        if (ByRegionHeader(filled) is { } byRegion)
        {
            Reset();
            (_byRegion, _byRegionSubHeader) = (byRegion, true);
            return [];
        }
        if (_byRegion is { } columns)
        {
            if (_byRegionSubHeader && filled.All(c => LevelWord().IsMatch(c) || GrowthWord().IsMatch(c)))
            {
                (_byRegion, _byRegionSubHeader) = (SubColumns(columns, filled), false);
                return [];
            }
            _byRegionSubHeader = false;
            return RegionRow(filled, columns, context, offset).ToList();
        }
        if (HeaderOf(filled) is { } header)
        {
            // A second header row under merged cells (指标值 over 2020年 | 2025年) fills the first row's placeholder columns.
            if (_headerRowJustRead && _header is { } first && header.All(c => c.Role == ColumnRole.Value))
            {
                var at = first.FindIndex(c => c.Role == ColumnRole.Other && c.Kind == "placeholder");
                header = at < 0 ? [.. first, .. header] : [.. first[..at], .. header, .. first[(at + 1)..]];
            }
            _header = header;
            _headerRowJustRead = true;
            return [];
        }
        _headerRowJustRead = false;
        return _header is { } h ? Row(cells, h, context, offset).ToList() : Stream(filled, context, offset).ToList();
    }

    /// <summary>One row under a header: the indicator cell, then its numbers in order, one for each value column of the header
    /// (a serial number stands before the indicator; unit and attribute cells are not numbers), so merged cells do not shift them.</summary>
    private IEnumerable<(TargetCandidate?, string?)> Row(IReadOnlyList<string> raw, List<TableColumn> header, PassageContext context, int offset)
    {
        // A row as wide as its header lines up with it: its serial-number and category cells are dropped by position, so a
        // category cell before the serial number (类别 | 序号 | 指标) passes neither for the indicator nor the number for a figure.
        // (A Word table's row arrives with a leading tab that marks it as a table line: one empty cell more than its header.)
        if (raw.Count == header.Count + 1 && raw[0].Trim().Length == 0) raw = raw.Skip(1).ToList();
        var aligned = raw.Count == header.Count;
        var cells = raw.Select((c, i) => aligned && header[i] is { Role: ColumnRole.SerialNumber } or { Role: ColumnRole.Other, Kind: "" }
                ? "" : c.Trim())
            .Where(c => c.Length > 0).ToList();
        (Indicator Indicator, string Qualifiers, string UnitHint)? indicator = null;
        string indicatorCell = "", unit = "";
        var values = new List<Quantity?>();
        var sums = new List<bool>();
        foreach (var cell in cells)
        {
            var key = Text.Key(cell);
            // — / 无 / ／ in a value column: no figure there, but the column still counts, so later figures keep their years.
            if (Placeholder(cell))
            {
                if (indicatorCell.Length > 0) { values.Add(null); sums.Add(false); }
                continue;
            }
            if (key.Length == 0) continue;
            if (Value(key) is { } q)
            {
                if (indicatorCell.Length > 0) { values.Add(q); sums.Add(BracketsAreSums && Bracketed(key)); }
                continue;
            }
            if (IsAttributeOrUnit(key))
            {
                if (indicatorCell.Length > 0 && Quantity.ParseUnit(key) is { Complete: true }) unit = key;
                continue;
            }
            if (values.Count > 0) break;
            // Category cells (知识产权创造) stand before the indicator cell: the last text cell before the numbers is the indicator.
            indicatorCell = cell;
            indicator = names.ResolveCell(key);
        }
        if (values.All(v => v == null)) yield break;
        if (indicator is not { } ind)
        {
            var figures = values.OfType<Quantity>().Select(v => v.Value.ToString(CultureInfo.InvariantCulture));
            yield return (null, indicatorCell + "：" + string.Join(" | ", figures));
            yield break;
        }
        var valueColumns = header.Where(c => c.Role == ColumnRole.Value).ToList();
        for (var k = 0; k < values.Count && (k < valueColumns.Count || valueColumns.Count == 0 && k == 0); k++)
        {
            if (values[k] is not { } value) continue;
            if (valueColumns.Count > 0 && valueColumns[k].Kind == "growth")
            {
                yield return (Growth(ind.Indicator, indicatorCell, value, offset), null);
                continue;
            }
            var ctx = valueColumns.Count == 0 ? context : ContextOf(valueColumns[k], context);
            var words = sums[k] ? (ind.Indicator, "累计" + ind.Qualifiers, ind.UnitHint) : ind;
            yield return (Make(words, indicatorCell, unit.Length > 0 ? unit : ind.UnitHint, value, ctx, offset), null);
        }
    }

    /// <summary>The header of a table by region: a region column (县(市、区), 地区) and one column per indicator; else null.</summary>
    private List<(Indicator Indicator, bool Growth)>? ByRegionHeader(List<string> cells)
    {
        var rest = cells.Where(c => !SerialHeader().IsMatch(c)).ToList();
        if (rest.Count < 2 || !RegionHeader().IsMatch(rest[0])) return null;
        var indicators = rest.Skip(1).Select(c => names.ResolveCell(c)?.Indicator).ToList();
        return indicators.All(i => i != null) ? indicators.Select(i => (i!, false)).ToList() : null;
    }

    /// <summary>The header of a table by year: a year column (年度, 年份) and one column per indicator (at least one the dictionary
    /// knows; the others' figures are reported); else null.</summary>
    private List<(Indicator? Indicator, string Cell, string UnitHint)>? ByYearHeader(List<string> cells)
    {
        if (cells.Count < 2 || !YearHeader().IsMatch(cells[0])) return null;
        var columns = cells.Skip(1).Select(c => names.ResolveCell(c) is { } r ? (r.Indicator, c, r.UnitHint) : ((Indicator?)null, c, "")).ToList();
        return columns.Any(c => c.Item1 != null) ? columns : null;
    }

    /// <summary>One year's row of a table by year: each figure is its column's indicator at that year (a result before the plan's
    /// span, a milestone inside it, the goal at its end).</summary>
    private IEnumerable<(TargetCandidate?, string?)> YearRow(List<string> cells, List<(Indicator? Indicator, string Cell, string UnitHint)> columns,
        int year, PassageContext context, int offset)
    {
        var at = ColumnAt(year);
        var ctx = ContextOf(at, context);
        for (var k = 0; k < columns.Count && k + 1 < cells.Count; k++)
        {
            if (Placeholder(cells[k + 1]) || Value(cells[k + 1]) is not { } q) continue;
            var (indicator, cell, unitHint) = columns[k];
            if (indicator == null) { yield return (null, $"{cell}：{cells[0]} {cells[k + 1]}"); continue; }
            if (Make((indicator, "", unitHint), cell, unitHint, q, ctx, offset) is { } c)
                yield return (at.Kind == "baseline" ? c with { Comparator = "=" } : c, null);
        }
    }

    [GeneratedRegex(@"^(?:年度|年份|年|时间|目标年份|规划年度)$")]
    private static partial Regex YearHeader();

    [GeneratedRegex(@"^(?<y>20\d\d)年?(?:度|底|末)?$")]
    private static partial Regex YearRowCell();

    /// <summary>完成值 | 同比增长 | 完成值 | 同比增长 under merged indicator cells: each indicator takes its level, then its growth rate
    /// when the next word names one; indicators past the second row's end keep their level alone.</summary>
    private static List<(Indicator, bool)> SubColumns(List<(Indicator Indicator, bool Growth)> columns, List<string> words)
    {
        var result = new List<(Indicator, bool)>();
        var at = 0;
        foreach (var (indicator, _) in columns)
        {
            if (at < words.Count && LevelWord().IsMatch(words[at])) at++;
            result.Add((indicator, false));
            if (at < words.Count && GrowthWord().IsMatch(words[at])) { result.Add((indicator, true)); at++; }
        }
        return result;
    }

    /// <summary>A row of a table by region: a serial number, the region (a division inside the plan's, or 全市/合计 for its own),
    /// then one figure per column; growth rates are read only as results.</summary>
    private IEnumerable<(TargetCandidate?, string?)> RegionRow(List<string> cells, List<(Indicator Indicator, bool Growth)> columns,
        PassageContext context, int offset)
    {
        var name = cells.FirstOrDefault(c => !IsNumber(c) && !Placeholder(c));
        if (name == null) yield break;
        var figures = cells.SkipWhile(c => c != name).Skip(1).ToList();
        var evidence = name + "：" + string.Join(" | ", figures);
        string? code = null;
        if (!OwnRegion().IsMatch(name))
        {
            var inside = divisions.ByCode(plan.Region.RegionCode) is { } own ? divisions.Within(own, name) : null;
            if (inside == null) { yield return (null, evidence); yield break; }
            code = inside.Code;
        }
        for (var k = 0; k < figures.Count && k < columns.Count; k++)
        {
            var (indicator, growth) = columns[k];
            if (Placeholder(figures[k])) continue;
            if (growth)
            {
                if (context.Kind == "baseline" && SignedPercent().Match(figures[k]) is { Success: true } rate)
                    yield return (new TargetCandidate(indicator.IndicatorCode, "baseline", "growth_rate", "=",
                        double.Parse(rate.Groups["n"].Value, CultureInfo.InvariantCulture), context.Year, context.Year, context.Year,
                        evidence, offset, "table", true, -1, code), null);
                continue;
            }
            if (Value(figures[k]) is { } q && Make((indicator, "", ""), name, indicator.Unit, q, context, offset) is { } c)
                yield return (c with { Evidence = evidence, RegionCode = code }, null);
        }
    }

    // The header of a table's region column: 县(市、区), 县市区, 地区, 区域.
    [GeneratedRegex(@"^(?:县|市|区|县市|县区|区县|县市区|地区|区域|辖区|地方)(?:[（(][市县区、]+[)）])?(?:名称)?$")]
    private static partial Regex RegionHeader();

    // A row for the plan's own region: 全市, 合计, 全市合计.
    [GeneratedRegex(@"^(?:全[市区县省州]|本[市区县])?(?:合计|总计|小计)?$")]
    private static partial Regex OwnRegion();

    [GeneratedRegex(@"^(?:完成值|完成数|实际值|数值|数量|本期|当期|绝对值|总量|件数|本年累计|累计)$")]
    private static partial Regex LevelWord();

    [GeneratedRegex(@"^(?:同比增长|同比增减|同比|增长率|同比增长率|增幅|增速|增长)(?:[（(]%[)）]|%)?$")]
    private static partial Regex GrowthWord();

    [GeneratedRegex(@"^(?<n>-?\d+(?:\.\d+)?)%$")]
    private static partial Regex SignedPercent();

    /// <summary>A cell that stands for "no figure": a dash, a slash or 无.</summary>
    private static bool Placeholder(string cell) => cell.Trim() is "—" or "——" or "-" or "--" or "－" or "/" or "／" or "无" or "—/—" or "…";

    /// <summary>Cells arriving one per line (or a row without a header): an indicator cell, then its value cells.</summary>
    private IEnumerable<(TargetCandidate?, string?)> Stream(IEnumerable<string> cells, PassageContext context, int offset)
    {
        foreach (var cell in cells)
            foreach (var r in Stream(cell, context, offset)) yield return r;
    }

    private IEnumerable<(TargetCandidate?, string?)> Stream(string cell, PassageContext context, int offset)
    {
        if (HeaderCell(cell) is { } column && _pending == null && !IsNumber(cell))
        {
            // Header cells one per line: 序号, 指标, 2020年, 2025年, 属性 … build the header as they come.
            _growingHeader ??= [];
            _growingHeader.Add(column);
            if (_growingHeader.Count >= 2 && _growingHeader.Any(c => c.Role == ColumnRole.Value)) (_header, _cellsPerLine) = (_growingHeader, true);
            _unknown = null;
            yield break;
        }
        _growingHeader = null;
        if (Placeholder(cell))
        {
            // No figure in this column: the next figure belongs to the next column.
            var columns = _header?.Count(c => c.Role == ColumnRole.Value) ?? 0;
            if (_pending is { } skipped) _pending = skipped.NextValue + 1 < columns ? skipped with { NextValue = skipped.NextValue + 1 } : null;
            yield break;
        }
        if (Value(cell) is { } q)
        {
            if (_pending is { } p)
            {
                var valueColumns = _header?.Where(c => c.Role == ColumnRole.Value).ToList() ?? [];
                var at = p.NextValue < valueColumns.Count ? valueColumns[p.NextValue] : null;
                var words = BracketsAreSums && Bracketed(cell) ? "累计" + p.Qualifiers : p.Qualifiers;
                yield return at is { Kind: "growth" }
                    ? (Growth(p.Indicator, p.Cell, q, p.Offset), null)
                    : (Make((p.Indicator, words, p.UnitHint), p.Cell, p.UnitHint, q, at == null ? context : ContextOf(at, context), p.Offset), null);
                _pending = p.NextValue + 1 < valueColumns.Count ? p with { NextValue = p.NextValue + 1 } : null;
            }
            else if (_unknown != null) yield return (null, _unknown + "：" + cell);
            _unknown = null;
            yield break;
        }
        if (IsAttributeOrUnit(cell))
        {
            if (_pending is { } p && Quantity.ParseUnit(cell) is { Complete: true }) _pending = p with { UnitHint = cell };
            yield break;
        }
        if (names.ResolveCell(cell) is { } resolved)
        {
            _pending = (resolved.Indicator, resolved.Qualifiers, resolved.UnitHint, cell, offset, 0);
            _unknown = null;
        }
        else
        {
            _pending = null;
            // Category cells (知识产权创造) precede no value; only a cell right before a value is reported.
            _unknown = cell;
        }
    }

    /// <summary>A yearly growth rate the plan sets over its span, from a 年均增长 column.</summary>
    private TargetCandidate Growth(Indicator indicator, string cell, Quantity q, int offset) =>
        new(indicator.IndicatorCode, "goal", "growth_rate", "=", q.Value, plan.EndYear, plan.StartYear, plan.EndYear,
            $"{cell}：年均增长{q.Value.ToString(CultureInfo.InvariantCulture)}%", offset, "table", true);

    private TargetCandidate? Make((Indicator Indicator, string Qualifiers, string UnitHint) r, string cell, string unitHint, Quantity q,
        PassageContext context, int offset)
    {
        var quantity = q.Unit.Length == 0 && unitHint.Length > 0 && Quantity.ParseUnit(unitHint) is { } hint
            ? q with { Unit = hint.Unit, Scale = hint.Scale }
            : q;
        var evidence = $"{cell}：{q.Value.ToString(CultureInfo.InvariantCulture)}{quantity.Scale}{quantity.Unit}";
        var s = new SentenceInput(new SearchText(evidence, offset), context, names, []);
        return Candidates.Make(s, r.Indicator, quantity, r.Qualifiers + Text.Key(cell), "table", -1);
    }

    /// <summary>A value column for a year: before the plan's span a result, inside it a milestone, at or after its end the goal.</summary>
    private TableColumn ColumnAt(int year) =>
        new(ColumnRole.Value, year < plan.StartYear ? "baseline" : year < plan.EndYear ? "milestone" : "goal", year);

    /// <summary>The context a value column gives its numbers: a year before the plan or 基数/现状 → baseline, the plan's last year
    /// or 目标 → goal, a year inside the plan → milestone.</summary>
    private PassageContext ContextOf(TableColumn col, PassageContext passage)
    {
        if (col.Kind == "") return passage;
        var year = col.Year;
        var baseYear = year == 0 ? plan.StartYear - 1 : year;
        return col.Kind switch
        {
            "baseline" => new PassageContext("baseline", baseYear, baseYear, baseYear),
            "milestone" => new PassageContext("milestone", year, plan.StartYear, year),
            _ => new PassageContext("goal", year == 0 ? plan.EndYear : year, plan.StartYear, year == 0 ? plan.EndYear : year),
        };
    }

    /// <summary>The columns of a header row, or null when the row is not a header (it names an indicator, or too few header words).</summary>
    private List<TableColumn>? HeaderOf(List<string> cells)
    {
        if (cells.Any(c => IsNumber(c) || c.Length > 20 || names.ResolveCell(c) != null)) return null;
        // A header cell this reader does not know (指标值 over merged year columns) is a placeholder a second header row may fill.
        var cols = cells.Select(c => HeaderCell(c) ?? new TableColumn(ColumnRole.Other, "placeholder")).ToList();
        var known = cols.Count(c => c.Kind != "placeholder" && c.Role != ColumnRole.Other);
        return known >= 2 && known * 2 >= cols.Count && cols.Any(c => c.Role is ColumnRole.Value or ColumnRole.Indicator) ? cols : null;
    }

    /// <summary>What a header cell says about its column; null when the cell is not a header word.</summary>
    private TableColumn? HeaderCell(string cell)
    {
        var key = Text.Key(cell);
        if (key.Length > 14) return null;
        if (SerialHeader().IsMatch(key)) return new TableColumn(ColumnRole.SerialNumber);
        if (UnitHeader().IsMatch(key)) return new TableColumn(ColumnRole.Unit);
        if (AttributeHeader().IsMatch(key)) return new TableColumn(ColumnRole.Attribute);
        if (IndicatorHeader().IsMatch(key)) return new TableColumn(ColumnRole.Indicator);
        if (CategoryHeader().IsMatch(key)) return new TableColumn(ColumnRole.Other);
        // 年均增长（%）beside the target: the yearly growth the plan sets over its span.
        if (GrowthHeader().IsMatch(key)) return new TableColumn(ColumnRole.Value, "growth", plan.EndYear);
        var year = YearIn().Match(key);
        var y = year.Success ? int.Parse(year.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        // “十四五”末 | “十五五”末: a five-year plan period names the year it ends (十四五 → 2025).
        if (!year.Success && PeriodEnd().Match(key) is { Success: true } period)
            return ColumnAt(2010 + 5 * "一二三四五六七".IndexOf(period.Groups[1].Value[0], StringComparison.Ordinal));
        var baseline = BaselineWord().IsMatch(key);
        var goal = GoalWord().IsMatch(key);
        if (!year.Success && !baseline && !goal) return null;
        if (year.Success && key.Length > year.Length + 8) return null;
        if (baseline || year.Success && y < plan.StartYear && !goal) return new TableColumn(ColumnRole.Value, "baseline", y);
        if (y == 0 || y >= plan.EndYear) return new TableColumn(ColumnRole.Value, "goal", y);
        return new TableColumn(ColumnRole.Value, "milestone", y);
    }

    private static Quantity? Value(string key)
    {
        // A figure in brackets (〔120〕, [5500]) is still a figure; what the brackets mean is the plan's note's to say.
        var k = Comparison().Replace(Bracketed(key) ? key[1..^1].Trim() : key, "");
        return Quantity.ParsePrefix(k) is var (q, length) && length == k.Length && !YearOnly().IsMatch(k) ? q : null;
    }

    private static bool IsNumber(string key) => Value(key) != null;

    private static bool Bracketed(string key) =>
        key.Length > 2 && (key[0], key[^1]) is ('[', ']') or ('〔', '〕') or ('［', '］') or ('【', '】');

    private static bool IsAttributeOrUnit(string cell) =>
        AttributeValue().IsMatch(cell) || Quantity.ParseUnit(cell) is { Complete: true } || cell is "—" or "-" or "/" or "——" or "…";

    [GeneratedRegex(@"^(?:≥|≤|>|<|＞|＜|大于|不低于|不少于|超过|达到|约)")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"^\d{4}年$")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"^(?:序号|编号|序)$")]
    private static partial Regex SerialHeader();

    [GeneratedRegex(@"^(?:计量)?单位$")]
    private static partial Regex UnitHeader();

    [GeneratedRegex(@"^(?:指标)?(?:属性|性质|类型)$")]
    private static partial Regex AttributeHeader();

    [GeneratedRegex(@"^(?:(?:主要|具体|核心|重点)?(?:指标|项目)(?:名称|内容|名)?(?:（单位）|\(单位\))?|名称)$")]
    private static partial Regex IndicatorHeader();

    [GeneratedRegex(@"^(?:类别|分类|领域|一级指标|二级指标|维度|方面)$")]
    private static partial Regex CategoryHeader();

    [GeneratedRegex(@"(20\d\d)年?")]
    private static partial Regex YearIn();

    [GeneratedRegex(@"^十([一二三四五六七])五(?:时期|期间|规划)?(?:期?末|目标|目标值|末目标值?|末期?值?)$")]
    private static partial Regex PeriodEnd();

    [GeneratedRegex(@"^(?:年均|年平均|每年)(?:增长|增速|增幅|增长率)(?:率)?(?:[（(]%[)）]|%)?$")]
    private static partial Regex GrowthHeader();

    [GeneratedRegex("基数|现状|基期|基准|基础值|完成情况|完成值|实际|现值|当前")]
    private static partial Regex BaselineWord();

    [GeneratedRegex("目标|预期|规划值|发展目标")]
    private static partial Regex GoalWord();

    [GeneratedRegex("^(?:预期性|约束性|指导性|预期|约束)$")]
    private static partial Regex AttributeValue();
}
