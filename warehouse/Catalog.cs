using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>A region as the loaders need it.</summary>
public sealed record Region(long RegionKey, string RegionCode, string RegionName, string NameEn, string Level, string? ParentCode, string Aliases);

/// <summary>An indicator as the loaders need it.</summary>
public sealed record Indicator(long IndicatorKey, string IndicatorCode, string IndicatorName, string NameEn, string Category,
    string Unit, string AltUnits, string Measure, long Direction, long IsCore, string Synonyms)
{
    /// <summary>Every name the indicator goes by: its own and its synonyms.</summary>
    public IEnumerable<string> Names => new[] { IndicatorName }.Concat(Synonyms.Split('|', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Whether the indicator is a flow (counted per year) rather than a level.</summary>
    public bool IsFlow => Measure == "annual";
}

/// <summary>The region and indicator dictionaries, loaded once from the dimensions, with name look-ups.</summary>
public sealed class Catalog
{
    private readonly Dictionary<string, Region> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Indicator> _indicators = new(StringComparer.Ordinal);

    /// <summary>All regions.</summary>
    public IReadOnlyList<Region> Regions { get; }

    /// <summary>All indicators.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>SHA-256 of every region and indicator as loaded: changes when reference data that reading depends on changes.</summary>
    public string Fingerprint { get; }

    private Catalog(IReadOnlyList<Region> regions, IReadOnlyList<Indicator> indicators)
    {
        Regions = regions;
        Indicators = indicators;
        var text = string.Join('\n', regions.Select(r => r with { RegionKey = 0 }).Concat<object>(indicators.Select(i => i with { IndicatorKey = 0 })));
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        foreach (var r in regions)
            foreach (var name in new[] { r.RegionCode, r.RegionName, r.NameEn }.Concat(r.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries)))
                _regions.TryAdd(Text.Key(name), r);
        foreach (var i in indicators)
            foreach (var name in i.Names.Append(i.IndicatorCode).Append(i.NameEn))
                _indicators.TryAdd(Text.Key(name), i);
    }

    /// <summary>Reads both dimensions.</summary>
    public static Catalog Load(SqlDialect dialect, DbConnection connection, DbTransaction? tx = null) => new(
        // Ordered here, ordinally: SQL's text order is the database collation's (see ReadModels.Attainment).
        connection.Query<RegionRow>(dialect.Sql("reference/regions"), transaction: tx).OrderBy(r => r.RegionCode, StringComparer.Ordinal)
            .Select(r => new Region(r.RegionKey, r.RegionCode, r.RegionName, r.NameEn, r.Level, r.ParentCode, r.Aliases)).ToList(),
        connection.Query<IndicatorRow>(dialect.Sql("reference/indicators"), transaction: tx).OrderBy(i => i.IndicatorCode, StringComparer.Ordinal)
            .Select(i => new Indicator(i.IndicatorKey, i.IndicatorCode, i.IndicatorName, i.NameEn, i.Category, i.Unit, i.AltUnits, i.Measure,
                i.Direction, i.IsCore, i.Synonyms)).ToList());

    // Rows with setters: Dapper converts a server's integer columns to long for a setter, but not for a record's constructor.
    private sealed class RegionRow
    {
        public long RegionKey { get; set; }
        public string RegionCode { get; set; } = "";
        public string RegionName { get; set; } = "";
        public string NameEn { get; set; } = "";
        public string Level { get; set; } = "";
        public string? ParentCode { get; set; }
        public string Aliases { get; set; } = "";
    }

    private sealed class IndicatorRow
    {
        public long IndicatorKey { get; set; }
        public string IndicatorCode { get; set; } = "";
        public string IndicatorName { get; set; } = "";
        public string NameEn { get; set; } = "";
        public string Category { get; set; } = "";
        public string Unit { get; set; } = "";
        public string AltUnits { get; set; } = "";
        public string Measure { get; set; } = "";
        public long Direction { get; set; }
        public long IsCore { get; set; }
        public string Synonyms { get; set; } = "";
    }

    /// <summary>The region a name, alias or code stands for, or null.</summary>
    public Region? FindRegion(string name) => _regions.GetValueOrDefault(Text.Key(name));

    /// <summary>The region with this GB/T 2260 code.</summary>
    public Region RegionByCode(string code) => Regions.First(r => r.RegionCode == code);

    /// <summary>The indicator a name or synonym stands for, or null.</summary>
    public Indicator? FindIndicator(string name) => _indicators.GetValueOrDefault(Text.Key(name));

    /// <summary>The indicator with this code.</summary>
    public Indicator IndicatorByCode(string code) => Indicators.First(i => i.IndicatorCode == code);

    /// <summary>Every (name key, indicator) pair, longest name first, for scanning prose.</summary>
    public IEnumerable<(string Name, Indicator Indicator)> NamesLongestFirst() =>
        _indicators.Where(kv => kv.Key.Any(c => c > 0x2E80)).Select(kv => (kv.Key, kv.Value)).OrderByDescending(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal);
}
