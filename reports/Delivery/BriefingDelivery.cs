using Warehouse.Reports.Briefing;
using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Reports.Delivery;

/// <summary>One line of a delivery run: what was (or would be) sent, skipped or failed.</summary>
/// <param name="Outcome">sent, skipped, failed, uncertain, or would-send (dry run).</param>
public sealed record DeliveryLine(string Outcome, string Channel, string Recipient, string Text, bool Transient = false)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Outcome,-10} {Channel,-8} {Recipient}  {Text}";
}

/// <summary>What a delivery run did.</summary>
public sealed record DeliveryReport(string Briefing, IReadOnlyList<DeliveryLine> Lines)
{
    /// <summary>Messages sent in this run.</summary>
    public int Sent => Lines.Count(l => l.Outcome == "sent");
    /// <summary>Deliveries skipped (already delivered, or may have been).</summary>
    public int Skipped => Lines.Count(l => l.Outcome == "skipped");
    /// <summary>Deliveries that failed or may not have arrived.</summary>
    public int Failed => Lines.Count(l => l.Outcome is "failed" or "uncertain");
    /// <summary>Whether a later attempt may deliver what failed (only transient failures).</summary>
    public bool RetryWanted => Lines.Any(l => l.Outcome == "failed" && l.Transient);

    /// <summary>This report after an earlier attempt of the same run: messages sent then count as sent, not as skipped.</summary>
    public DeliveryReport After(DeliveryReport earlier)
    {
        var sent = earlier.Lines.Where(e => e.Outcome == "sent").ToDictionary(e => (e.Channel, e.Recipient));
        return this with
        {
            Lines = Lines.Select(l => l.Outcome == "skipped" && sent.TryGetValue((l.Channel, l.Recipient), out var s) ? s : l).ToList(),
        };
    }
}

/// <summary>Delivers a briefing folder to every configured recipient, each exactly once: mail (one per recipient, with their
/// regions), WeCom and DingTalk group robots, and the shared folder. The CLI's <c>deliver</c> and the server's job both call
/// this.</summary>
/// <remarks>Each delivery is claimed in <c>delivery_log</c> before anything is sent, and runs hold the <c>deliver</c> job lock,
/// so a retried job skips what was sent, and a delivery a dead run left half-done is marked uncertain instead of sent twice.
/// Errors pass through <see cref="DeliverySettings.Scrub"/>: no password, robot key or secret reaches the log or the database.</remarks>
public sealed class BriefingDelivery(SqlDialect dialect, DeliverySettings settings)
{
    /// <summary>How long a run waits for another delivery run to finish.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The HTTP client robots are posted with (tests give one with a short timeout).</summary>
    public HttpClient Http { get; init; } = SharedHttp;

    /// <summary>Test hook: called before each message part is sent (channel, recipient, part index).</summary>
    public Action<string, string, int>? BeforeSend { get; init; }

    private static readonly HttpClient SharedHttp = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Delivers (or with <paramref name="dryRun"/> only lists) the briefing in <paramref name="folder"/>; each line is
    /// also told to <paramref name="say"/> as it happens. With <paramref name="only"/> (a person's re-send of that delivery id)
    /// only that delivery goes; otherwise new deliveries and failed ones.</summary>
    public DeliveryReport Run(string folder, bool dryRun = false, Action<DeliveryLine>? say = null, CancellationToken cancel = default,
        long? only = null)
    {
        folder = Path.GetFullPath(folder);
        var manifest = BriefingManifest.Read(folder);
        var plan = Plan(manifest, folder);
        var lines = new List<DeliveryLine>();
        void Tell(DeliveryLine l) { lines.Add(l); say?.Invoke(l); }
        if (plan.Count == 0)
        {
            Tell(new DeliveryLine("skipped", "-", "-", "没有配置投递渠道 / no delivery channel is configured (Warehouse:Delivery)"));
            return new DeliveryReport(manifest.Folder, lines);
        }
        var log = new DeliveryLog(dialect);
        if (dryRun)
        {
            var done = log.ForBriefing(manifest.Folder).ToDictionary(r => (r.Channel, r.Recipient));
            foreach (var p in plan)
                Tell(done.TryGetValue((p.Channel, p.Recipient), out var row) && row.State is "sent" or "uncertain" or "sending"
                    ? new DeliveryLine("skipped", p.Channel, p.Recipient, Skip(row))
                    : new DeliveryLine("would-send", p.Channel, p.Recipient, p.Describe));
            return new DeliveryReport(manifest.Folder, lines);
        }
        using var held = JobLock.Acquire(dialect, "deliver", LockWait, cancel)
            ?? throw new InvalidOperationException(
                $"另一次投递仍在进行 / another delivery run still holds the lock after {LockWait.TotalMinutes:0} min");
        var existing = log.ForBriefing(manifest.Folder).Where(r => only == null || r.DeliveryId == only).ToList();
        // A re-send asked for a recipient the settings no longer name cannot go: say so instead of leaving it queued.
        bool Planned(DeliveryRow r) => plan.Any(p => p.Channel == r.Channel && p.Recipient == r.Recipient);
        foreach (var orphan in existing.Where(r => r.State == "queued" && !Planned(r)))
        {
            const string gone = "收件人已不在投递设置中，无法重发 / the recipient is no longer in Warehouse:Delivery: not sent";
            log.Finish(orphan.DeliveryId, "failed", orphan.Detail, gone);
            Tell(new DeliveryLine("failed", orphan.Channel, orphan.Recipient, gone));
        }
        // A re-send (and its retries, which carry the same id) sends that one delivery, whatever else failed.
        if (only != null) plan = plan.Where(p => existing.Any(r => r.Channel == p.Channel && r.Recipient == p.Recipient)).ToList();
        foreach (var p in plan)
        {
            cancel.ThrowIfCancellationRequested();
            var claim = log.Claim(manifest.Folder, p.Channel, p.Recipient, p.Parts.Count, BatchLog.Owner);
            if (!claim.Claimed)
            {
                Tell(new DeliveryLine("skipped", p.Channel, p.Recipient, Skip(claim.Row)));
                continue;
            }
            var id = claim.Row.DeliveryId;
            var from = (int)Math.Min(claim.Row.PartsSent, p.Parts.Count);
            long bytes = 0;
            try
            {
                for (var i = from; i < p.Parts.Count; i++)
                {
                    BeforeSend?.Invoke(p.Channel, p.Recipient, i);
                    var sent = p.Parts[i](cancel);
                    bytes += sent;
                    log.Progress(id, i + 1, sent);
                }
                var text = p.Describe + (from > 0 ? $"（从第 {from + 1} 条继续 / resumed at part {from + 1}）" : "");
                log.Finish(id, "sent", text);
                Tell(new DeliveryLine("sent", p.Channel, p.Recipient, $"{text}, {Kb(bytes)}"));
            }
            catch (DeliveryFailure f)
            {
                // The one place a channel's failure text is scrubbed: it may quote a server that echoed a key or URL.
                var state = f.Kind == FailureKind.Uncertain ? "uncertain" : "failed";
                var error = settings.Scrub(f.Message);
                var transient = f.Kind == FailureKind.Transient;
                log.Finish(id, state, p.Describe, error, transient);
                Tell(new DeliveryLine(state, p.Channel, p.Recipient, error + (transient ? "（暂时性错误 / transient）" : ""), transient));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Anything else (a file gone, a bug) is told in one line; the delivery stays failed for a person to re-send.
                var error = settings.Scrub($"{e.GetType().Name}: {e.Message}");
                log.Finish(id, "failed", p.Describe, error);
                Tell(new DeliveryLine("failed", p.Channel, p.Recipient, error));
            }
        }
        return new DeliveryReport(manifest.Folder, lines);
    }

    /// <summary>A planned delivery: one recipient on one channel, made of parts sent in order.</summary>
    private sealed record Planned(string Channel, string Recipient, string Describe, IReadOnlyList<Func<CancellationToken, long>> Parts);

    private List<Planned> Plan(BriefingManifest m, string folder)
    {
        var plan = new List<Planned>();
        if (!string.IsNullOrWhiteSpace(settings.Folder))
            plan.Add(new Planned("folder", settings.Folder!, $"复制到共享目录 / copy to {settings.Folder}",
                [_ => FolderChannel.Copy(folder, settings.Folder!)]));
        if (settings.Smtp is { } smtp)
        {
            var mail = new MailChannel(smtp);
            foreach (var to in settings.Recipients)
            {
                var regions = m.Regions.Where(r => to.Follows(r.Code)).Select(r => r.Name).ToList();
                var describe = $"邮件 / mail to {to.Name}: " + (to.Regions.Count == 0 ? "全部地区 all regions"
                    : regions.Count == 0 ? "对比图（其地区不在本简报中）/ comparison only: none of their regions is in this briefing"
                    : string.Join("、", regions));
                plan.Add(new Planned("mail", to.Email, describe,
                    [c => mail.Send(limit => MailComposer.Compose(m, folder, to, smtp, settings.Links, limit), c)]));
            }
        }
        foreach (var robot in settings.Robots)
        {
            var messages = RobotMessages.For(robot, m, folder, settings.Links);
            var channel = new RobotChannel(robot, Http);
            plan.Add(new Planned(robot.Kind, robot.Name, $"{(robot.Kind == "wecom" ? "企业微信" : "钉钉")}群 / group robot: "
                    + string.Join(" + ", messages.Select(x => x.What)),
                messages.Select(x => (Func<CancellationToken, long>)(c => channel.Send(x, c))).ToList()));
        }
        return plan;
    }

    private static string Skip(DeliveryRow row) => row.State switch
    {
        "sent" => "已送达，不再发送 / already delivered "
            + $"{ReadModels.Beijing(row.FinishedAt ?? row.ClaimedAt ?? DateTimeOffset.Now):yyyy-MM-dd HH:mm}（北京时间）",
        "uncertain" => "可能已送达，不自动重发；如未收到请在仪表盘点“重发” / may have arrived: not sent again unless re-sent from the dashboard",
        _ => "正由另一次运行发送 / being sent by another run",
    };

    private static string Kb(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024:0.0} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}
