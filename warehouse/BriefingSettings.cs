namespace Warehouse.Store;

/// <summary>Presentation choices read from <c>seeds/briefing.csv</c> (kind,code,zh,en): short region names and their order
/// (kind region), scorecard columns in order (kind scorecard), short indicator names (kind indicator). Everything not listed
/// falls back to the names in the dimensions, so any region or indicator in the data can be shown without editing the file.</summary>
/// <remarks>In <c>warehouse/</c> so that the loaders (the illustrative series follow the region list) and the briefing read one file one way.</remarks>
public sealed record BriefingSettings(IReadOnlyList<string> RegionOrder, IReadOnlyList<string> ScorecardOrder,
    IReadOnlyDictionary<string, (string Zh, string En)> RegionNames, IReadOnlyDictionary<string, (string Zh, string En)> IndicatorNames)
{
    /// <summary>No preferences: data order and full names.</summary>
    public static readonly BriefingSettings Empty = new([], [], new Dictionary<string, (string, string)>(), new Dictionary<string, (string, string)>());

    /// <summary>Reads the file, or <see cref="Empty"/> when it does not exist.</summary>
    public static BriefingSettings Load(string? path)
    {
        if (path == null || !File.Exists(path)) return Empty;
        List<string> regions = [], scorecard = [];
        Dictionary<string, (string, string)> regionNames = [], indicatorNames = [];
        foreach (var line in File.ReadLines(path).Skip(1).Where(l => l.Trim().Length > 0))
        {
            var f = line.Split(',');
            if (f.Length < 4) throw new InvalidDataException($"{path}: expected kind,code,zh,en in \"{line}\"");
            var (kind, code, zh, en) = (f[0].Trim(), f[1].Trim(), f[2].Trim(), f[3].Trim());
            switch (kind)
            {
                case "region": regions.Add(code); regionNames[code] = (zh, en); break;
                case "scorecard": scorecard.Add(code); indicatorNames[code] = (zh, en); break;
                case "indicator": indicatorNames[code] = (zh, en); break;
                default: throw new InvalidDataException($"{path}: unknown kind \"{kind}\" (region, scorecard or indicator)");
            }
        }
        return new BriefingSettings(regions, scorecard, regionNames, indicatorNames);
    }

    /// <summary><c>seeds/briefing.csv</c> under WAREHOUSE_HOME or the first folder above the working or program folder that holds Warehouse.sln.</summary>
    public static string? DefaultPath()
    {
        var home = Environment.GetEnvironmentVariable("WAREHOUSE_HOME");
        if (!string.IsNullOrEmpty(home)) return Path.Combine(home, "seeds", "briefing.csv");
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Warehouse.sln"))) return Path.Combine(dir.FullName, "seeds", "briefing.csv");
        return null;
    }
}
