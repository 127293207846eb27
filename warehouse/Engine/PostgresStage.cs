using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Warehouse.Store.Engine;

/// <summary>PostgreSQL's stage: figures collect in memory and go to the temporary table by binary <c>COPY</c>, one chunk at a
/// time; grouping, checks and the merge then run as statements over the table, inside the file's transaction.</summary>
/// <remarks>A COPY holds the connection until it ends, and the load writes periods and rejects between figures, so each chunk is
/// copied in one go when it is full (or at <see cref="Complete"/>), never left open across <see cref="Write"/> calls.</remarks>
public sealed class PostgresStage : ObservationStage
{
    /// <summary>Figures per COPY: memory stays bounded while each COPY is long enough to cost next to nothing per row.</summary>
    public const int ChunkRows = 50_000;

    private const string Copy =
        "COPY stage_observation (seq, region_key, indicator_key, period_key, value, location, evidence, note) FROM STDIN (FORMAT BINARY)";

    private readonly List<StagedRow> _chunk = new(ChunkRows);

    /// <summary>Creates the temporary tables (dropped at commit or rollback).</summary>
    public PostgresStage(SqlDialect dialect, DbConnection connection, DbTransaction tx) : base(dialect, connection, tx) { }

    /// <inheritdoc />
    protected override void Write(in StagedRow row)
    {
        _chunk.Add(row);
        if (_chunk.Count >= ChunkRows) Flush();
    }

    /// <inheritdoc />
    public override void Complete() => Flush();

    private void Flush()
    {
        if (_chunk.Count == 0) return;
        using (var importer = ((NpgsqlConnection)Connection).BeginBinaryImport(Copy))
        {
            foreach (var r in _chunk)
            {
                importer.StartRow();
                importer.Write(r.Seq, NpgsqlDbType.Bigint);
                importer.Write(r.Region, NpgsqlDbType.Bigint);
                importer.Write(r.Indicator, NpgsqlDbType.Bigint);
                importer.Write(r.Period, NpgsqlDbType.Bigint);
                importer.Write(r.Value, NpgsqlDbType.Double);
                importer.Write(r.Location, NpgsqlDbType.Text);
                WriteNullable(importer, r.Evidence);
                WriteNullable(importer, r.Note);
            }
            importer.Complete();
        }
        _chunk.Clear();
    }

    private static void WriteNullable(NpgsqlBinaryImporter importer, string? text)
    {
        if (text == null) importer.WriteNull();
        else importer.Write(text, NpgsqlDbType.Text);
    }
}
