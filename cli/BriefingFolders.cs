namespace Warehouse.Cli;

/// <summary>The briefing folders under the briefings directory, as the server's pages and API and `deliver` name and list them.</summary>
public static class BriefingFolders
{
    /// <summary>Whether a name taken from a URL is a briefing folder's own name (briefing-…, no path in it).</summary>
    public static bool IsName(string folder) => folder.StartsWith("briefing-", StringComparison.Ordinal) && IsFileName(folder);

    /// <summary>Whether a name taken from a URL is a plain file name (no path in it).</summary>
    public static bool IsFileName(string file) => !file.Contains("..") && !file.Contains('/') && !file.Contains('\\');

    /// <summary>The folder's path when the name is a briefing folder's and it exists, else null.</summary>
    public static string? Find(string briefingsDir, string folder)
    {
        if (!IsName(folder)) return null;
        var dir = Path.Combine(briefingsDir, folder);
        return Directory.Exists(dir) ? dir : null;
    }

    /// <summary>Whether the folder holds its <c>briefing.json</c>, which delivery builds every message from.</summary>
    public static bool HasManifest(string dir) => File.Exists(Path.Combine(dir, Reports.Briefing.BriefingManifest.FileName));

    /// <summary>The briefing folders, newest first (by creation, then name: briefing-…-2 after briefing-…).</summary>
    public static IEnumerable<string> NewestFirst(string briefingsDir) => !Directory.Exists(briefingsDir) ? []
        : Directory.GetDirectories(briefingsDir, "briefing-*").OrderByDescending(Directory.GetCreationTimeUtc)
            .ThenByDescending(d => d, StringComparer.Ordinal);
}
