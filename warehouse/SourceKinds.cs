namespace Warehouse.Store;

/// <summary>Which source wins when several give the same figure: real statistics, then published figures, then illustrative data.</summary>
public static class SourceKinds
{
    /// <summary>Rank of a source kind, strongest first: statistics 1, published 2, illustrative 3.</summary>
    public static int Rank(string kind) => kind switch { "statistics" => 1, "published" => 2, _ => 3 };

    /// <summary>The same ranking as an SQL expression over a kind column, for ORDER BY.</summary>
    public static string RankSql(string kindColumn) => $"CASE {kindColumn} WHEN 'statistics' THEN 1 WHEN 'published' THEN 2 ELSE 3 END";
}
