namespace Warehouse.Store;

/// <summary>Which source wins when several give the same figure: real statistics, then published figures, then illustrative data.
/// In SQL the rule lives in one place, the view <c>v_series</c> (warehouse/views/v_series.sql), which every reader of yearly
/// figures uses; change both together.</summary>
public static class SourceKinds
{
    /// <summary>Rank of a source kind, strongest first: statistics 1, published 2, illustrative 3.</summary>
    public static int Rank(string kind) => kind switch { "statistics" => 1, "published" => 2, _ => 3 };
}
