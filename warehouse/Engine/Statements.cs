using System.Collections.Concurrent;
using System.Reflection;

namespace Warehouse.Store.Engine;

/// <summary>The named SQL statements embedded from <c>warehouse/sql/</c>: <c>area/name.sql</c> is the portable text,
/// <c>area/name.&lt;engine&gt;.sql</c> an engine's own version of it.</summary>
public static class Statements
{
    private const string Prefix = "sql/";
    private static readonly Assembly Resources = typeof(Statements).Assembly;
    private static readonly ConcurrentDictionary<(string, string), string> Cache = new();

    /// <summary>Engines that may override a statement.</summary>
    public static readonly string[] Engines = ["sqlite", "postgres", "sqlserver"];

    /// <summary>The statement <paramref name="name"/> (e.g. <c>batches/start</c>) as <paramref name="engine"/> runs it.</summary>
    public static string Get(string name, string engine) => Cache.GetOrAdd((name, engine), key =>
        Read($"{Prefix}{key.Item1}.{key.Item2}.sql") ?? Read($"{Prefix}{key.Item1}.sql")
        ?? throw new KeyNotFoundException($"no SQL statement '{key.Item1}' (looked for warehouse/sql/{key.Item1}.sql)"));

    /// <summary>Every statement name (without engine suffix).</summary>
    public static IReadOnlyList<string> Names() =>
        Resources.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^4])
            .Select(n => Engines.FirstOrDefault(e => n.EndsWith("." + e, StringComparison.Ordinal)) is { } e ? n[..^(e.Length + 1)] : n)
            .Distinct().Order(StringComparer.Ordinal).ToList();

    private static string? Read(string resource)
    {
        using var stream = Resources.GetManifestResourceStream(resource);
        if (stream == null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
