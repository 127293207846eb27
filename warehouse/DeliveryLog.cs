using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>One delivery of a briefing on a channel to a recipient (a row of <c>delivery_log</c>).</summary>
public sealed class DeliveryRow
{
    /// <summary>Id.</summary>
    public long DeliveryId { get; init; }
    /// <summary>The briefing's folder name (briefing-2026-12-01).</summary>
    public string Briefing { get; init; } = "";
    /// <summary>mail, wecom, dingtalk or folder.</summary>
    public string Channel { get; init; } = "";
    /// <summary>Mail address, robot name or folder.</summary>
    public string Recipient { get; init; } = "";
    /// <summary>sending, sent, failed, uncertain or queued.</summary>
    public string State { get; init; } = "";
    /// <summary>For a failed delivery: whether the error was transient (worth an automatic retry).</summary>
    public bool Transient { get; init; }
    /// <summary>How many times a run claimed it.</summary>
    public long Attempts { get; init; }
    /// <summary>Messages the delivery is made of (a robot gets images and a markdown message).</summary>
    public long Parts { get; init; }
    /// <summary>Messages already accepted by the receiving server.</summary>
    public long PartsSent { get; init; }
    /// <summary>Bytes accepted so far.</summary>
    public long Bytes { get; init; }
    /// <summary>The process that claimed it last.</summary>
    public string? Owner { get; init; }
    /// <summary>When it was claimed last.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }
    /// <summary>When its last attempt ended.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>Why it failed (secrets already removed).</summary>
    public string? Error { get; init; }
    /// <summary>What was sent.</summary>
    public string? Detail { get; init; }
}

/// <summary>What <see cref="DeliveryLog.Claim"/> decided: send (the row is now this run's), or skip and why.</summary>
/// <param name="Row">The row as it was found or created.</param>
/// <param name="Claimed">This run owns the delivery and must send it (from part <see cref="DeliveryRow.PartsSent"/> on).</param>
public sealed record DeliveryClaim(DeliveryRow Row, bool Claimed);

/// <summary>Writes and reads <c>delivery_log</c>: the record that makes each briefing reach each recipient once.</summary>
/// <remarks>Callers claim under the <c>deliver</c> job lock, so a row found in state <c>sending</c> was left by a run that
/// died: the message may have left, and it becomes <c>uncertain</c> instead of being sent a second time.</remarks>
public sealed class DeliveryLog(SqlDialect dialect)
{
    /// <summary>Claims the delivery for this run, unless it was sent, may have been sent, or is being sent.</summary>
    public DeliveryClaim Claim(string briefing, string channel, string recipient, int parts, string owner)
    {
        using var c = dialect.OpenReadWrite();
        var key = new { briefing, channel, recipient };
        if (c.Execute(dialect.Sql("delivery/insert"), new { briefing, channel, recipient, parts, owner, at = dialect.Now() }) == 1)
            return new DeliveryClaim(Find(c, key)!, true);
        var row = Find(c, key)!;
        switch (row.State)
        {
            case "failed" or "queued":
                var claimed = c.Execute(dialect.Sql("delivery/reclaim"),
                    new { id = row.DeliveryId, seen = row.State, parts, owner, at = dialect.Now() }) == 1;
                return new DeliveryClaim(Find(c, key)!, claimed);
            case "sending":
                Finish(c, row.DeliveryId, "uncertain", row.Detail, "发送中途中断，可能已送达；如需重发请在仪表盘上点“重发” / the run sending "
                    + "this stopped midway; it may have arrived. Re-send from the dashboard if it did not", transient: false);
                return new DeliveryClaim(Find(c, key)!, false);
            default:
                return new DeliveryClaim(row, false);
        }
    }

    /// <summary>Records that part <paramref name="partsSent"/> (1-based count) was accepted.</summary>
    public void Progress(long id, int partsSent, long bytes)
    {
        using var c = dialect.OpenReadWrite();
        c.Execute(dialect.Sql("delivery/progress"), new { id, partsSent, bytes });
    }

    /// <summary>Closes a claimed delivery: sent, failed or uncertain.</summary>
    public void Finish(long id, string state, string? detail, string? error = null, bool transient = false)
    {
        using var c = dialect.OpenReadWrite();
        Finish(c, id, state, detail, error, transient);
    }

    private void Finish(System.Data.Common.DbConnection c, long id, string state, string? detail, string? error, bool transient) =>
        c.Execute(dialect.Sql("delivery/finish"), new { id, state, transient = transient ? 1 : 0, at = dialect.Now(), error, detail });

    /// <summary>Queues a failed, uncertain or already queued delivery for a re-send; null when it cannot be re-sent.</summary>
    public DeliveryRow? QueueResend(long id)
    {
        using var c = dialect.OpenReadWrite();
        if (c.Execute(dialect.Sql("delivery/resend"), new { id }) != 1) return null;
        return c.QuerySingleOrDefault<DeliveryRow>(dialect.Sql("delivery/by_id"), new { id });
    }

    /// <summary>Deliveries queued for a re-send and not sent yet.</summary>
    public IReadOnlyList<DeliveryRow> Queued()
    {
        using var c = dialect.OpenReadOnly();
        return c.Query<DeliveryRow>(dialect.Sql("delivery/queued")).ToList();
    }

    /// <summary>One delivery by id.</summary>
    public DeliveryRow? Get(long id)
    {
        using var c = dialect.OpenReadOnly();
        return c.QuerySingleOrDefault<DeliveryRow>(dialect.Sql("delivery/by_id"), new { id });
    }

    /// <summary>The latest deliveries older than <paramref name="before"/>, newest first.</summary>
    public IReadOnlyList<DeliveryRow> Latest(int limit, long? before = null)
    {
        using var c = dialect.OpenReadOnly();
        return c.Query<DeliveryRow>(dialect.Sql("delivery/list"), new { n = limit, before = before ?? long.MaxValue }).ToList();
    }

    /// <summary>Every delivery of a briefing.</summary>
    public IReadOnlyList<DeliveryRow> ForBriefing(string briefing)
    {
        using var c = dialect.OpenReadOnly();
        return c.Query<DeliveryRow>(dialect.Sql("delivery/for_briefing"), new { briefing }).ToList();
    }

    private DeliveryRow? Find(System.Data.Common.DbConnection c, object key) =>
        c.QuerySingleOrDefault<DeliveryRow>(dialect.Sql("delivery/find"), key);
}
