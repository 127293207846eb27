namespace Warehouse.Store;

/// <summary>The regions a briefing covers, in its order: the <c>region</c> rows of <c>seeds/briefing.csv</c> (kind,code,zh,en).
/// In <c>warehouse/</c> so that the loaders (which cannot see the reports project) and the briefing read one list.</summary>
public static class BriefingRegions
{
    /// <summary>The region codes listed in the file, in file order; empty when the file does not exist.</summary>
    public static IReadOnlyList<string> Read(string? path)
    {
        if (path == null || !File.Exists(path)) return [];
        using var reader = new StreamReader(path);
        return CsvRecords.Read(reader).Skip(1)
            .Where(r => r.Fields.Length >= 2 && r.Fields[0].Trim() == "region" && r.Fields[1].Trim().Length > 0)
            .Select(r => r.Fields[1].Trim()).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary><c>seeds/briefing.csv</c> under WAREHOUSE_HOME, or under the first folder above the working or program folder that
    /// holds Warehouse.sln; null when there is none.</summary>
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
