using System.Data.Common;
using System.Globalization;
using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>A row of <c>seeds/regions.csv</c>.</summary>
public sealed record RegionSeed(string RegionCode, string RegionName, string NameEn, string Level, string? ParentCode, string Aliases);

/// <summary>A row of <c>seeds/indicators.csv</c>.</summary>
public sealed record IndicatorSeed(string IndicatorCode, string IndicatorName, string NameEn, string Category, string Unit,
    string AltUnits, string Measure, int Direction, int IsCore, string Synonyms);

/// <summary>Loads regions, indicators and calendar years into the dimensions (insert or update, never delete).</summary>
public static class ReferenceData
{
    /// <summary>Years the period dimension always holds.</summary>
    public const int FirstYear = 2000, LastYear = 2040;

    /// <summary>Reads and upserts both seed files from <paramref name="seedsDir"/>; returns (regions, indicators).</summary>
    public static (int Regions, int Indicators) Load(SqlDialect dialect, string seedsDir)
    {
        var regions = ReadCsv<RegionSeed>(Path.Combine(seedsDir, "regions.csv"));
        var indicators = ReadCsv<IndicatorSeed>(Path.Combine(seedsDir, "indicators.csv"));
        using var connection = dialect.OpenReadWrite();
        using var tx = connection.BeginTransaction();
        foreach (var r in regions)
            connection.Execute(dialect.Sql("reference/upsert_region"),
                r with { ParentCode = string.IsNullOrWhiteSpace(r.ParentCode) ? null : r.ParentCode }, tx);
        foreach (var i in indicators)
            connection.Execute(dialect.Sql("reference/upsert_indicator"), i, tx);
        for (var year = FirstYear; year <= LastYear; year++)
            Periods.Ensure(dialect, connection, Period.OfYear(year), tx);
        tx.Commit();
        return (regions.Count, indicators.Count);
    }

    /// <summary>Adds a region (a division a plan named that the seeds do not hold) unless its code is there; returns its key.</summary>
    public static long EnsureRegion(SqlDialect dialect, DbConnection connection, DbTransaction tx, RegionSeed r)
    {
        connection.Execute(dialect.Sql("reference/add_region"), r, tx);
        return RegionKey(dialect, connection, tx, r.RegionCode);
    }

    /// <summary>The key of the region with this code (0 when there is none).</summary>
    public static long RegionKey(SqlDialect dialect, DbConnection connection, DbTransaction? tx, string regionCode) =>
        connection.ExecuteScalar<long>(dialect.Sql("reference/region_key"), new { RegionCode = regionCode }, tx);

    /// <summary>Reads a seed CSV into records, matching header names to constructor parameters (region_code → RegionCode).</summary>
    private static List<T> ReadCsv<T>(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"参考数据文件不存在 / reference file missing: {path}", path);
        using var reader = new StreamReader(path);
        var records = CsvRecords.Read(reader).Where(r => r.Fields.Any(f => f.Length > 0)).ToList();
        var header = records[0].Fields.Select(h => h.Trim().Replace("_", "").ToLowerInvariant()).ToList();
        var ctor = typeof(T).GetConstructors().Single();
        var parameters = ctor.GetParameters();
        var result = new List<T>();
        foreach (var rec in records.Skip(1))
        {
            var args = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                var col = header.IndexOf(parameters[i].Name!.ToLowerInvariant());
                if (col < 0) throw new InvalidDataException($"{path}: column for {parameters[i].Name} is missing");
                var text = col < rec.Fields.Length ? rec.Fields[col].Trim() : "";
                try
                {
                    args[i] = parameters[i].ParameterType == typeof(int) ? int.Parse(text, CultureInfo.InvariantCulture) : text;
                }
                catch (FormatException)
                {
                    throw new InvalidDataException($"{path}: line {rec.Line}: {header[col]} is not a whole number: '{text}'");
                }
            }
            result.Add((T)ctor.Invoke(args));
        }
        return result;
    }
}
