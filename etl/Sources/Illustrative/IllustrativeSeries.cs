using System.Globalization;
using System.Text;
using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Etl.Sources.Illustrative;

/// <summary>A real figure an illustrative series must pass through exactly.</summary>
public sealed record Anchor(string RegionCode, string IndicatorCode, int Year, double Value, string From);

/// <summary>Generates the illustrative yearly dataset (示例数据): deterministic, documented, passing through every real figure.</summary>
/// <remarks>
/// For each region and core indicator the profile below gives a 2024 level and a yearly growth rate, chosen to be
/// plausible for a county of that size (they are assumptions, not data). The path level·(1+g)^(t−2024) gets a small
/// deterministic wobble (seeded by region and indicator), then is bent multiplicatively, with the log-ratio interpolated
/// linearly between anchor years, so that it meets every anchor exactly: plan baselines for a single year
/// (通州 万人发明专利拥有量 2015 = 18.17, 2020 = 44.3 ...) and published year figures (宜兴 2015 ...). Published
/// January–November flows are scaled to a year by 12/11 before anchoring; that is stated in the row note.
/// </remarks>
public static class IllustrativeSeries
{
    /// <summary>First and last generated year.</summary>
    public const int FirstYear = 2015, LastYear = 2024;

    /// <summary>(region, indicator) → (level in 2024, yearly growth).</summary>
    public static readonly IReadOnlyDictionary<(string Region, string Indicator), (double Level2024, double Growth)> Profile = Build();

    /// <summary>The core indicators the dataset covers.</summary>
    public static readonly string[] Indicators =
    [
        "invention_patents_per_10k", "hv_invention_patents_per_10k", "invention_patents_owned", "patent_grants", "invention_grants",
        "pct_applications", "registered_trademarks", "madrid_registrations", "ip_pledge_financing",
    ];

    private static Dictionary<(string, string), (double, double)> Build()
    {
        //                 indicator                         320411 高新区   320481 溧阳    320700 连云港   320612 通州    320282 宜兴
        var rows = new (string Indicator, (double, double)[] ByRegion)[]
        {
            ("invention_patents_per_10k",    [(90, .06),     (30, .09),     (17, .10),      (60, .07),     (50, .09)]),
            ("hv_invention_patents_per_10k", [(38, .10),     (9.6, .12),    (8.6, .13),     (16.8, .11),   (15.8, .12)]),
            ("invention_patents_owned",      [(16000, .08),  (2700, .09),   (9000, .10),    (6300, .08),   (5400, .10)]),
            ("patent_grants",                [(9000, .03),   (1900, .04),   (6500, .05),    (5200, .02),   (10500, .04)]),
            ("invention_grants",             [(2600, .08),   (330, .10),    (1300, .12),    (750, .09),    (1100, .10)]),
            ("pct_applications",             [(140, .05),    (45, .06),     (90, .07),      (70, .04),     (110, .06)]),
            ("registered_trademarks",        [(46500, .06),  (14500, .07),  (112000, .08),  (30000, .09),  (62000, .07)]),
            ("madrid_registrations",         [(30, .08),     (48, .07),     (160, .06),     (66, .03),     (47, .06)]),
            ("ip_pledge_financing",          [(6.5, .05),    (2.4, .15),    (18, .10),      (4.6, .06),    (9.5, .08)]),
        };
        string[] regions = ["320411", "320481", "320700", "320612", "320282"];
        var d = new Dictionary<(string, string), (double, double)>();
        foreach (var (indicator, byRegion) in rows)
            for (var i = 0; i < regions.Length; i++) d[(regions[i], indicator)] = byRegion[i];
        return d;
    }

    /// <summary>Real single-year figures in the warehouse: plan baselines and published observations.</summary>
    public static List<Anchor> Anchors(SqlDialect dialect)
    {
        using var c = dialect.OpenReadWrite();
        var baselines = TargetStore.Baselines(dialect, c)
            .Select(b => new Anchor(b.RegionCode, b.IndicatorCode, b.Year, b.Value, "plan baseline: " + b.SourceDocument));
        var published = ObservationSeries.Published(dialect, c)
            .Where(p => p.MonthFrom == 1 && (p.MonthTo == 12 || p.Measure == "annual"))
            .Select(p => p.MonthTo == 12
                ? new Anchor(p.RegionCode, p.IndicatorCode, p.Year, p.Value, "published: " + p.SourceName)
                : new Anchor(p.RegionCode, p.IndicatorCode, p.Year, p.Value * 12.0 / p.MonthTo,
                    $"published Jan–{p.MonthTo} ×12/{p.MonthTo}: {p.SourceName}"));
        return baselines.Concat(published).Where(a => a.Year is >= FirstYear and <= LastYear && Profile.ContainsKey((a.RegionCode, a.IndicatorCode))).ToList();
    }

    /// <summary>The yearly values of one series, passing through its anchors.</summary>
    public static double[] Series(string region, string indicator, IReadOnlyList<Anchor> anchors, bool flow)
    {
        var (level, growth) = Profile[(region, indicator)];
        var rng = new Random(StableSeed(region + "|" + indicator));
        var sigma = flow ? 0.06 : 0.02;
        var years = LastYear - FirstYear + 1;
        var path = new double[years];
        for (var i = 0; i < years; i++)
        {
            var wobble = i == years - 1 ? 0 : sigma * Normal(rng);
            path[i] = level * Math.Pow(1 + growth, FirstYear + i - LastYear) * Math.Exp(wobble);
        }
        // Log-ratio at each anchor year (2024 is pinned to the profile's level unless a real figure exists).
        var fixes = anchors.Where(a => a.RegionCode == region && a.IndicatorCode == indicator)
            .GroupBy(a => a.Year).ToDictionary(g => g.Key, g => Math.Log(g.First().Value / path[g.Key - FirstYear]));
        fixes.TryAdd(LastYear, 0);
        var known = fixes.OrderBy(kv => kv.Key).ToList();
        for (var i = 0; i < years; i++)
        {
            var y = FirstYear + i;
            double logRatio;
            if (y <= known[0].Key) logRatio = known[0].Value;
            else
            {
                var hi = known.First(k => k.Key >= y);
                var lo = known.Last(k => k.Key <= y);
                logRatio = hi.Key == lo.Key ? lo.Value : lo.Value + (hi.Value - lo.Value) * (y - lo.Key) / (hi.Key - lo.Key);
            }
            path[i] *= Math.Exp(logRatio);
        }
        return path;
    }

    /// <summary>The regions to generate: those <c>seeds/briefing.csv</c> lists (in its order) that have a profile, else every
    /// profiled region; a listed region without a profile gets no series, since its level and growth would be pure invention.</summary>
    public static IReadOnlyList<string> Regions(string? briefingCsv)
    {
        var profiled = Profile.Keys.Select(k => k.Region).Distinct().ToList();
        var listed = BriefingSettings.Load(briefingCsv).RegionOrder.Distinct(StringComparer.Ordinal).ToList();
        return listed.Count == 0 ? profiled : listed.Where(profiled.Contains).ToList();
    }

    /// <summary>Writes the dataset as a long CSV (地区, 指标, 年份, 数值, 单位, 备注) for <see cref="Regions"/> of
    /// <paramref name="briefingCsv"/> (default: the repository's <c>seeds/briefing.csv</c>); returns the number of rows.</summary>
    public static int Write(SqlDialect dialect, string path, string? briefingCsv = null)
    {
        var anchors = Anchors(dialect);
        using var c = dialect.OpenReadWrite();
        var catalog = Catalog.Load(dialect, c);
        var sb = new StringBuilder("地区,指标,年份,数值,单位,备注\r\n");
        var rows = 0;
        foreach (var region in Regions(briefingCsv ?? BriefingSettings.DefaultPath()))
            foreach (var code in Indicators)
            {
                var indicator = catalog.IndicatorByCode(code);
                var series = Series(region, code, anchors, indicator.IsFlow);
                for (var i = 0; i < series.Length; i++)
                {
                    var year = FirstYear + i;
                    var anchor = anchors.FirstOrDefault(a => a.RegionCode == region && a.IndicatorCode == code && a.Year == year);
                    var note = anchor != null ? $"示例数据，经过真实数据点 / illustrative, through a real figure ({anchor.From})" : "示例数据 / illustrative";
                    sb.Append(catalog.RegionByCode(region).RegionName).Append(',').Append(indicator.IndicatorName).Append(',')
                      .Append(year).Append(',').Append(Round(series[i], indicator.Unit)).Append(',').Append(indicator.Unit).Append(',')
                      .Append('"').Append(note.Replace("\"", "\"\"")).Append("\"\r\n");
                    rows++;
                }
            }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        return rows;
    }

    private static string Round(double v, string unit) =>
        (unit is "件" or "家" or "人" ? Math.Round(v) : Math.Round(v, 2)).ToString(CultureInfo.InvariantCulture);

    private static int StableSeed(string s)
    {
        unchecked
        {
            var h = 2166136261u;
            foreach (var ch in s) h = (h ^ ch) * 16777619u;
            return (int)(h & 0x7FFFFFFF);
        }
    }

    // Box–Muller on System.Random, whose sequence for a given seed is fixed across .NET versions when constructed with a seed.
    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
