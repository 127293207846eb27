using System.Globalization;
using Warehouse.Store;

namespace Warehouse.Etl.Checks;

/// <summary>A figure of a file, as the plausibility check sees it.</summary>
/// <param name="Point">Its grain, months, year and value.</param>
/// <param name="PeriodCode">Its period as written in messages.</param>
/// <param name="Note">The row's note column.</param>
public sealed record FileFigure(SeriesPoint Point, string PeriodCode, string? Note);

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

    /// <summary>The implausible figures of one region and indicator in a file (index into <paramref name="file"/> and the reason,
    /// naming what it was compared with), judged against the file's other figures and what the warehouse already holds.</summary>
    public IEnumerable<(int Index, string Reason)> Judge(IReadOnlyList<FileFigure> file, IReadOnlyList<SeriesPoint> stored, string indicatorCode)
    {
        var unit = catalog.IndicatorByCode(indicatorCode).Unit;
        var storedByGroup = stored.Where(p => p.Value > 0).GroupBy(p => (p.Grain, p.MonthFrom, p.MonthTo))
            .ToDictionary(g => g.Key, g => g.GroupBy(p => p.Year).ToDictionary(y => y.Key, y => y.OrderBy(p => SourceKinds.Rank(p.SourceKind)).First().Value));
        var fileByGroup = file.Select((f, i) => (f, i)).Where(x => x.f.Point.Value > 0)
            .GroupBy(x => (x.f.Point.Grain, x.f.Point.MonthFrom, x.f.Point.MonthTo))
            .ToDictionary(g => g.Key, g => g.GroupBy(x => x.f.Point.Year).ToDictionary(y => y.Key, y => y.First().f.Point.Value));
        var medians = storedByGroup.ToDictionary(kv => kv.Key, kv => kv.Value.Values.Order().ElementAt(kv.Value.Count / 2));
        for (var i = 0; i < file.Count; i++)
        {
            var f = file[i];
            if (IsConfirmed(f.Note) || !(f.Point.Value > 0)) continue;
            var key = (f.Point.Grain, f.Point.MonthFrom, f.Point.MonthTo);
            var own = fileByGroup.GetValueOrDefault(key);
            var kept = storedByGroup.GetValueOrDefault(key);
            // One figure per year: the file's own first, then the strongest stored source.
            (long Year, double Value)? Near(int step)
            {
                for (var d = 1; d <= Reach; d++)
                {
                    var y = f.Point.Year + step * d;
                    if (own != null && own.TryGetValue(y, out var v)) return (y, v);
                    if (kept != null && kept.TryGetValue(y, out v)) return (y, v);
                }
                return null;
            }
            var neighbours = new[] { Near(-1), Near(1) }.OfType<(long Year, double Value)>().ToList();
            if (neighbours.Count > 0)
            {
                var reference = Math.Exp(neighbours.Average(p => Math.Log(p.Value)));
                var ratio = f.Point.Value / reference;
                var tiny = CountUnits.Contains(unit) && f.Point.Value < SmallCount && reference < SmallCount;
                if (!tiny && (ratio > Factor || ratio < 1 / Factor))
                {
                    yield return (i, Reason(f, unit, ratio,
                        "相邻年份 / the neighbouring years (" + string.Join("; ", neighbours.Select(p => $"{p.Year}: {Num(p.Value)}")) + ")"));
                    continue;
                }
            }
            if (medians.TryGetValue(key, out var median) && IsUnitSlip(f.Point.Value / median))
                yield return (i, Reason(f, unit, f.Point.Value / median, $"仓库中该序列的中位数 / the stored series' median ({Num(median)})"));
        }
    }

    /// <summary>A ratio within half a decade of 10⁴ or 10⁸ (either way): 万 or 亿 written where the other was meant.</summary>
    public static bool IsUnitSlip(double ratio)
    {
        var decades = Math.Abs(Math.Log10(ratio));
        return Math.Abs(decades - 4) < 0.5 || Math.Abs(decades - 8) < 0.5;
    }

    private static string Reason(FileFigure f, string unit, double ratio, string comparison)
    {
        var slip = IsUnitSlip(ratio) ? "；疑似“万/亿”单位错误 / looks like a 万 or 亿 unit slip" : "";
        var times = ratio >= 1 ? $"{Num(ratio)}×" : $"1/{Num(1 / ratio)}";
        return $"implausible: {f.PeriodCode} {Num(f.Point.Value)} {unit} 是{comparison}的 {times}{slip}。"
               + "如数值无误，请在备注列写“已核实”后重新导入 / if the figure is right, write 已核实 (or confirmed) in the note column and re-ingest";
    }

    private static string Num(double v) => v.ToString(v >= 100 ? "#,0" : "0.###", CultureInfo.InvariantCulture);
}
