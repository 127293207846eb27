using System.Data.Common;
using System.Globalization;
using Warehouse.Etl.Sources.Statistics;
using Warehouse.Store;

namespace Warehouse.Etl.Checks;

/// <summary>Quarantines a figure that is far outside its own series: more than <see cref="Factor"/>× or under 1/<see cref="Factor"/>
/// of the neighbouring years of the same region, indicator and period of the year, or off by 10⁴ or 10⁸ from the series (a 万 or
/// 亿 slip). A row whose note says it was checked (<see cref="ConfirmWords"/>) is loaded as it is.</summary>
/// <remarks>Neighbours are read from the warehouse inside the load's transaction and grow with the figures accepted so far, so the
/// check streams. Tiny counts (both figures under <see cref="SmallCount"/> of a count unit) swing by large factors for real and
/// are not judged by the ratio rule.</remarks>
public sealed class Plausibility(DbConnection connection, DbTransaction tx, Catalog catalog)
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
    private readonly Dictionary<(string Region, string Indicator), List<SeriesPoint>> _series = new();

    /// <summary>Whether the note confirms the figure.</summary>
    public static bool IsConfirmed(string? note) =>
        note != null && ConfirmWords.Any(w => note.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>Null when the figure is plausible; otherwise the reject reason with the comparison.</summary>
    public string? Judge(Figure f)
    {
        if (IsConfirmed(f.Note) || f.Value <= 0) return null;
        var series = Series(f);
        var same = series.Where(p => p.Grain == f.Period.Grain && p.MonthFrom == f.Period.MonthFrom && p.MonthTo == f.Period.MonthTo
                                     && p.Year != f.Period.Year && p.Value > 0)
            .GroupBy(p => p.Year).Select(g => g.OrderBy(p => Rank(p.SourceKind)).First()).ToList();
        if (same.Count == 0) return null;
        var before = same.Where(p => p.Year < f.Period.Year && p.Year >= f.Period.Year - Reach).MaxBy(p => p.Year);
        var after = same.Where(p => p.Year > f.Period.Year && p.Year <= f.Period.Year + Reach).MinBy(p => p.Year);
        var neighbours = new[] { before, after }.OfType<SeriesPoint>().ToList();
        var unit = catalog.IndicatorByCode(f.IndicatorCode).Unit;
        if (neighbours.Count > 0)
        {
            var reference = Math.Exp(neighbours.Average(p => Math.Log(p.Value)));
            var ratio = f.Value / reference;
            var tiny = CountUnits.Contains(unit) && f.Value < SmallCount && reference < SmallCount;
            if (!tiny && (ratio > Factor || ratio < 1 / Factor))
                return Reason(f, unit, ratio, "相邻年份 / neighbouring years " + string.Join("，", neighbours.Select(p => $"{p.Year}: {Num(p.Value)}")));
            return null;
        }
        // No near neighbour: only the unit slips are certain enough to judge against the whole series.
        var median = same.Select(p => p.Value).Order().ElementAt(same.Count / 2);
        var r = f.Value / median;
        var decades = Math.Abs(Math.Log10(r));
        return Math.Abs(decades - 4) < 0.5 || Math.Abs(decades - 8) < 0.5
            ? Reason(f, unit, r, $"该序列中位数 / the series' median {Num(median)}")
            : null;
    }

    /// <summary>Adds a loaded figure to the neighbours of the figures that follow.</summary>
    public void Accept(Figure f) => Series(f).Add(new SeriesPoint(f.Period.Grain, f.Period.MonthFrom, f.Period.MonthTo, f.Period.Year, f.Value, "statistics"));

    private List<SeriesPoint> Series(Figure f)
    {
        if (_series.TryGetValue((f.RegionCode, f.IndicatorCode), out var list)) return list;
        var region = catalog.Regions.First(r => r.RegionCode == f.RegionCode).RegionKey;
        var indicator = catalog.IndicatorByCode(f.IndicatorCode).IndicatorKey;
        return _series[(f.RegionCode, f.IndicatorCode)] = ObservationSeries.Load(connection, tx, region, indicator).ToList();
    }

    private static string Reason(Figure f, string unit, double ratio, string comparison)
    {
        var slip = Math.Abs(Math.Log10(ratio)) is var d && (Math.Abs(d - 4) < 0.5 || Math.Abs(d - 8) < 0.5)
            ? "；疑似“万/亿”单位错误 / looks like a 万 or 亿 unit slip" : "";
        var times = ratio >= 1 ? $"{Num(ratio)} 倍 / {Num(ratio)}×" : $"1/{Num(1 / ratio)}";
        return $"implausible: {f.Period.Code} 的 {Num(f.Value)} {unit} 是{comparison}的 {times}{slip}。"
               + "如数值无误，请在备注列写“已核实”后重新导入 / if the figure is right, write 已核实 (or confirmed) in the note column and re-ingest";
    }

    private static int Rank(string kind) => kind switch { "statistics" => 1, "published" => 2, _ => 3 };

    private static string Num(double v) => v.ToString(v >= 100 ? "#,0" : "0.###", CultureInfo.InvariantCulture);
}
