using System.Globalization;
using Warehouse.Store;

namespace Warehouse.Etl.Checks;

/// <summary>Quarantines a figure that is far outside its own series: more than <see cref="Factor"/>× or under 1/<see cref="Factor"/>
/// of the neighbouring years of the same region, indicator and period of the year, or 10⁴ or 10⁸ times off the series (a 万 or 亿
/// slip). A row whose note says it was checked (<see cref="ConfirmWords"/>) is loaded as it is.</summary>
/// <remarks>Neighbours are the nearest year before and after (within <see cref="Reach"/> years) among the warehouse's figures and the
/// same file's other figures. The slip rule compares with the median of what the warehouse already holds, so a whole file typed in
/// the wrong unit is caught even though its figures agree with each other. Tiny counts (both under <see cref="SmallCount"/> of a
/// count unit) swing by large factors for real and are not judged by the ratio rule.</remarks>
public sealed class Plausibility(Catalog catalog)
{
    /// <summary>Largest plausible ratio between a figure and its neighbouring years.</summary>
    public const double Factor = 5;

    /// <summary>How far back and forward (years) a neighbour may be.</summary>
    public const int Reach = 3;

    /// <summary>Below this, counts are too small for the ratio rule (1 → 6 parks is a real change).</summary>
    public const double SmallCount = 10;

    /// <summary>Words in a row's note column that confirm an outlier is real.</summary>
    public static readonly string[] ConfirmWords = ["已核实", "已确认", "核实无误", "确认无误", "confirmed", "verified"];

    private static readonly string[] CountUnits = ["件", "个", "家", "项", "次", "人", "所", "户", "人次", "家次", "个次"];

    /// <summary>Whether the note confirms the figure.</summary>
    public static bool IsConfirmed(string? note) =>
        note != null && ConfirmWords.Any(w => note.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>Null when the figure is plausible; otherwise the reject reason, naming what it was compared with.</summary>
    /// <param name="figure">The candidate (its grain, months, year and value).</param>
    /// <param name="periodCode">The candidate's period as written in messages.</param>
    /// <param name="note">The row's note column.</param>
    /// <param name="indicatorCode">Its indicator.</param>
    /// <param name="stored">What the warehouse already holds for the region and indicator (every source).</param>
    /// <param name="sameFile">The same file's other figures for the region and indicator.</param>
    public string? Judge(SeriesPoint figure, string periodCode, string? note, string indicatorCode,
        IReadOnlyList<SeriesPoint> stored, IReadOnlyList<SeriesPoint> sameFile)
    {
        if (IsConfirmed(note) || !(figure.Value > 0)) return null;
        bool Comparable(SeriesPoint p) => p.Grain == figure.Grain && p.MonthFrom == figure.MonthFrom && p.MonthTo == figure.MonthTo
                                          && p.Year != figure.Year && p.Value > 0;
        // One figure per year: the file's own first, then the strongest stored source.
        var byYear = sameFile.Where(Comparable).Select(p => (Rank: 0, Point: p))
            .Concat(stored.Where(Comparable).Select(p => (Rank: Rank(p.SourceKind), Point: p)))
            .GroupBy(x => x.Point.Year).Select(g => g.OrderBy(x => x.Rank).First().Point).ToList();
        var unit = catalog.IndicatorByCode(indicatorCode).Unit;
        var before = byYear.Where(p => p.Year < figure.Year && p.Year >= figure.Year - Reach).MaxBy(p => p.Year);
        var after = byYear.Where(p => p.Year > figure.Year && p.Year <= figure.Year + Reach).MinBy(p => p.Year);
        var neighbours = new[] { before, after }.OfType<SeriesPoint>().ToList();
        if (neighbours.Count > 0)
        {
            var reference = Math.Exp(neighbours.Average(p => Math.Log(p.Value)));
            var ratio = figure.Value / reference;
            var tiny = CountUnits.Contains(unit) && figure.Value < SmallCount && reference < SmallCount;
            if (!tiny && (ratio > Factor || ratio < 1 / Factor))
                return Reason(figure, periodCode, unit, ratio,
                    "相邻年份 / the neighbouring years (" + string.Join("; ", neighbours.Select(p => $"{p.Year}: {Num(p.Value)}")) + ")");
        }
        var history = stored.Where(Comparable).Select(p => p.Value).Order().ToList();
        if (history.Count == 0) return null;
        var median = history[history.Count / 2];
        return IsUnitSlip(figure.Value / median)
            ? Reason(figure, periodCode, unit, figure.Value / median, $"仓库中该序列的中位数 / the stored series' median ({Num(median)})")
            : null;
    }

    /// <summary>A ratio within half a decade of 10⁴ or 10⁸ (either way): 万 or 亿 written where the other was meant.</summary>
    public static bool IsUnitSlip(double ratio)
    {
        var decades = Math.Abs(Math.Log10(ratio));
        return Math.Abs(decades - 4) < 0.5 || Math.Abs(decades - 8) < 0.5;
    }

    private static string Reason(SeriesPoint f, string periodCode, string unit, double ratio, string comparison)
    {
        var slip = IsUnitSlip(ratio) ? "；疑似“万/亿”单位错误 / looks like a 万 or 亿 unit slip" : "";
        var times = ratio >= 1 ? $"{Num(ratio)}×" : $"1/{Num(1 / ratio)}";
        return $"implausible: {periodCode} {Num(f.Value)} {unit} 是{comparison}的 {times}{slip}。"
               + "如数值无误，请在备注列写“已核实”后重新导入 / if the figure is right, write 已核实 (or confirmed) in the note column and re-ingest";
    }

    private static int Rank(string kind) => kind switch { "statistics" => 1, "published" => 2, _ => 3 };

    private static string Num(double v) => v.ToString(v >= 100 ? "#,0" : "0.###", CultureInfo.InvariantCulture);
}
