using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Warehouse.Cli.Delivery;
using Warehouse.Reports.Delivery;
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
        deliver.Options.Add(briefing);
        deliver.Options.Add(dryRun);
        deliver.SetAction(r => Run(Workspace.Resolve(r.GetValue(db)), r.GetValue(briefing), r.GetValue(dryRun), DeliveryOptions.Load()));
        root.Subcommands.Add(deliver);
    }

    /// <summary>One line per message sent or skipped; exit 0 when everything is delivered, 1 when something failed, 2 for
    /// settings.</summary>
    public static int Run(Workspace ws, string? folder, bool dryRun, IConfiguration config)
    {
        DeliverySettings settings;
        string dir;
        try
        {
            settings = Settings(ws, config);
            dir = folder ?? Newest(BriefingsDir(ws, config))
                ?? throw new InvalidOperationException($"还没有简报 / no briefing under {BriefingsDir(ws, config)}; write one with "
                    + "`bin/warehouse report` or name it with --briefing");
            if (!Directory.Exists(dir)) throw new InvalidOperationException($"简报目录不存在 / no such briefing folder: {dir}");
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return CliErrors.Usage;
        }
        StoreCommands.Init(ws, quiet: true); // the delivery log is migration 014
        var delivery = new BriefingDelivery(ws.Dialect, settings);
        var retry = RetryDelay(config);
        DeliveryReport report;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                report = delivery.Run(dir, dryRun, line => Console.WriteLine(line.ToString()));
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"error: {settings.Scrub(e.Message)}");
                return CliErrors.Failed;
            }
            if (dryRun || !report.RetryWanted || attempt >= Reports.Pipeline.ScheduledJobs.Attempts) break;
            var wait = retry * Math.Pow(3, attempt - 1);
            Console.WriteLine($"暂时性失败，{wait.TotalSeconds:0} 秒后重试 / transient failures: retrying in {wait.TotalSeconds:0} s "
                + $"(attempt {attempt + 1} of {Reports.Pipeline.ScheduledJobs.Attempts})");
            Thread.Sleep(wait);
        }
        var failed = report.Failed;
        Console.WriteLine(dryRun
            ? $"{report.Briefing}: {report.Lines.Count(l => l.Outcome == "would-send")} 条将发送 would be sent, {report.Skipped} 条跳过 "
                + "skipped（试运行，未发送 / dry run, nothing sent）"
            : $"{report.Briefing}: {report.Sent} 条已发送 sent, {report.Skipped} 条跳过 skipped, {failed} 条失败 failed");
        return failed > 0 ? CliErrors.Failed : 0;
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

    /// <summary>The newest briefing folder (by creation, then name), or null.</summary>
    public static string? Newest(string dir) => !Directory.Exists(dir) ? null
        : Directory.GetDirectories(dir, "briefing-*").Where(d => File.Exists(Path.Combine(d, BriefingManifestFile)))
            .OrderByDescending(Directory.GetCreationTimeUtc).ThenByDescending(d => d, StringComparer.Ordinal).FirstOrDefault();

    private const string BriefingManifestFile = Reports.Briefing.BriefingManifest.FileName;

    private static string BriefingsDir(Workspace ws, IConfiguration config)
    {
        var d = config["Warehouse:BriefingsDir"] ?? "out";
        return Path.IsPathRooted(d) ? d : Path.Combine(ws.Root, d);
    }

    private static TimeSpan RetryDelay(IConfiguration config) =>
        double.TryParse(config["Warehouse:Scheduler:RetrySeconds"], System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? TimeSpan.FromSeconds(s) : TimeSpan.FromSeconds(5);
}
