using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Warehouse.Cli.Delivery;
using Warehouse.Reports.Delivery;
using Warehouse.Reports.Pipeline;
using Warehouse.Store;

namespace Warehouse.Cli;

/// <summary>deliver: sends a briefing to the configured mail recipients, group robots and shared folder, once each.</summary>
public static class DeliverCommand
{
    /// <summary>Registers the command on the root.</summary>
    public static void Add(RootCommand root, Option<string?> db)
    {
        var deliver = new Command("deliver", "投递简报（邮件、企业微信/钉钉群机器人、共享目录），每个收件人只发一次 / "
            + "deliver a briefing by mail, group robots and shared folder, once per recipient");
        var briefing = new Option<string?>("--briefing")
        {
            Description = "简报目录（默认：最新的一份）/ briefing folder (default: the newest under Warehouse:BriefingsDir)",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "只列出将要发送的消息 / list what would be sent, send nothing" };
        var resend = new Option<long?>("--resend")
        {
            Description = "重发一条失败或可能已送达的投递（投递记录的编号）/ re-send one failed or uncertain delivery by its id",
        };
        deliver.Options.Add(briefing);
        deliver.Options.Add(dryRun);
        deliver.Options.Add(resend);
        deliver.SetAction(r => Run(Workspace.Resolve(r.GetValue(db)), r.GetValue(briefing), r.GetValue(dryRun), DeliveryOptions.Load(),
            r.GetValue(resend)));
        root.Subcommands.Add(deliver);
    }

    /// <summary>One line per message sent or skipped; exit 0 when everything is delivered, 1 when something failed, 2 for
    /// settings.</summary>
    public static int Run(Workspace ws, string? folder, bool dryRun, IConfiguration config, long? resend = null)
    {
        DeliverySettings settings;
        string dir, briefings;
        TimeSpan retry;
        var trigger = "cli";
        try
        {
            settings = Settings(ws, config);
            briefings = Serve.ServeOptions.BriefingsDirOf(config, ws.Root);
            retry = Serve.ServeOptions.RetryDelayOf(config);
            StoreCommands.Init(ws, quiet: true); // the delivery log is migration 014
            var log = new DeliveryLog(ws.Dialect);
            var row = resend is { } id ? log.Get(id) ?? throw new InvalidOperationException($"没有投递记录 #{id} / no delivery #{id}") : null;
            if (row != null)
            {
                folder ??= Path.Combine(briefings, row.Briefing);
                if (Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)) != row.Briefing)
                    throw new InvalidOperationException($"#{row.DeliveryId} 属于简报 {row.Briefing} / #{row.DeliveryId} belongs to "
                        + $"{row.Briefing}, not {folder}");
                trigger = $"resend:{row.DeliveryId}";
            }
            dir = folder ?? Newest(briefings)
                ?? throw new InvalidOperationException($"还没有简报 / no briefing under {briefings}; write one with "
                    + "`bin/warehouse report` or name it with --briefing");
            if (!Directory.Exists(dir)) throw new InvalidOperationException($"简报目录不存在 / no such briefing folder: {dir}");
            // Queued only once everything else checked out: a refused command must leave nothing queued behind it.
            if (row != null && !dryRun && log.QueueResend(row.DeliveryId) == null)
                throw new InvalidOperationException($"#{row.DeliveryId} 的状态是 {row.State}，只有失败、可能已送达或等待重发的投递可以重发 / "
                    + "only failed, uncertain or queued deliveries can be re-sent");
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return CliErrors.Usage;
        }
        // Links signed with no key open only on a server without a token: say so before anything goes out.
        if (settings.Links.Available && settings.LinkKey == null)
            Console.Error.WriteLine("note: Warehouse:AccessToken 未设置：消息中的简报链接不带签名，服务器设置了令牌时领导需要登录才能打开 / "
                + "no access token here, so briefing links are unsigned: set Warehouse__AccessToken as the server has it");
        if (dryRun)
        {
            var preview = new BriefingDelivery(ws.Dialect, settings).Run(dir, dryRun: true, say: l => Console.WriteLine(l.ToString()));
            Console.WriteLine($"{preview.Briefing}: {preview.Lines.Count(l => l.Outcome == "would-send")} 条将发送 would be sent, "
                + $"{preview.Skipped} 条跳过 skipped（试运行，未发送 / dry run, nothing sent）");
            return 0;
        }
        // The same run as the server's deliver job (batch row, lock, transient retries), with a line per message as it goes.
        var jobs = new ScheduledJobs(ws.Pipeline(), "", briefings);
        DeliveryReport? total = null;
        for (var attempt = 1; ; attempt++)
        {
            var lines = new List<DeliveryLine>();
            var retrying = false;
            try
            {
                jobs.Deliver(Path.GetFullPath(dir), trigger, settings, attempt, say: l =>
                {
                    lines.Add(l);
                    Console.WriteLine(l.ToString());
                });
            }
            catch (TransientJobException) { retrying = true; }
            catch (JobFailedException) { }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"error: {settings.Scrub(e.Message)}");
                return CliErrors.Failed;
            }
            var report = new DeliveryReport(Path.GetFileName(Path.TrimEndingDirectorySeparator(dir)), lines);
            total = total == null ? report : report.After(total);
            if (!retrying) break;
            var wait = retry * Math.Pow(3, attempt - 1);
            Console.WriteLine($"暂时性失败，{wait.TotalSeconds:0} 秒后重试（第 {attempt + 1}/{ScheduledJobs.Attempts} 次）/ transient failures: "
                + $"retrying in {wait.TotalSeconds:0} s (attempt {attempt + 1} of {ScheduledJobs.Attempts}); "
                + "what was delivered is skipped");
            Thread.Sleep(wait);
        }
        Console.WriteLine($"{total.Briefing}: {total.Sent} 条已发送 sent, {total.Skipped} 条跳过 skipped, {total.Failed} 条失败 failed");
        return total.Failed > 0 ? CliErrors.Failed : 0;
    }

    /// <summary>The delivery settings for this workspace (regions resolved through its dim_region).</summary>
    public static DeliverySettings Settings(Workspace ws, IConfiguration config)
    {
        Catalog? catalog = null;
        string? Region(string x)
        {
            if (catalog == null)
            {
                using var c = ws.Dialect.OpenReadOnly();
                catalog = Catalog.Load(ws.Dialect, c);
            }
            return catalog.FindRegion(x)?.RegionCode;
        }
        var token = config["Warehouse:AccessToken"];
        return DeliveryOptions.From(config, Region, string.IsNullOrWhiteSpace(token) ? null : token);
    }

    /// <summary>The newest briefing folder that delivery can read (it has its manifest), or null.</summary>
    public static string? Newest(string dir) => BriefingFolders.NewestFirst(dir).FirstOrDefault(BriefingFolders.HasManifest);
}
