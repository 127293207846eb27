namespace Warehouse.Etl.Loading;

/// <summary>What one file's load did.</summary>
/// <param name="Changed">Rows inserted, updated or removed compared with what the warehouse held before.</param>
/// <param name="Unchanged">Skipped: the file and the reference data are exactly what its last successful load read.</param>
/// <param name="StandingRejects">For a skipped file, the rows its last load rejected: unchanged, the file still has them.</param>
public sealed record LoadResult(string File, string Kind, long BatchId, bool Succeeded, int Read, int Loaded, int Rejected, int Changed, string? Error,
    bool Unchanged = false, int StandingRejects = 0)
{
    /// <summary>A one-line summary for the console.</summary>
    public override string ToString() => Unchanged
        ? $"{Path.GetFileName(File)} [{Kind}]: 未变化，跳过 unchanged since its last load, skipped"
            + (StandingRejects > 0 ? $"; 上次导入拒收的 {StandingRejects} 行仍未处理 / its last load's {StandingRejects} rejected rows still stand" : "")
        : Succeeded
        ? $"{Path.GetFileName(File)} [{Kind}]: 读取 read {Read}, 入库 loaded {Loaded}, 拒收 rejected {Rejected}, 变更 changed {Changed} (batch {BatchId})"
        : $"{Path.GetFileName(File)} [{Kind}]: 失败 FAILED (batch {BatchId}): {Error}";
}
