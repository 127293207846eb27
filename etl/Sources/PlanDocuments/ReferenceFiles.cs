using System.Reflection;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>The tab-separated reference files of <c>seeds/reference/</c>, embedded in this assembly at build time.</summary>
internal static class ReferenceFiles
{
    /// <summary>The data rows of one file: '#' comment lines and the header (when <paramref name="header"/>) left out.</summary>
    public static IEnumerable<string[]> Rows(string name, bool header)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("reference/" + name)
            ?? throw new InvalidOperationException($"reference file reference/{name} is not embedded");
        using var reader = new StreamReader(stream);
        var skipHeader = header;
        for (var line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (skipHeader) { skipHeader = false; continue; }
            yield return line.Split('\t');
        }
    }
}
