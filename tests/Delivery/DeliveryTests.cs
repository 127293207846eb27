using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using MimeKit;
using Warehouse.Reports.Briefing;
using Warehouse.Reports.Delivery;
using Warehouse.Reports.Pipeline;
using Warehouse.Store;

namespace Warehouse.Tests.Delivery;

/// <summary>One briefing written by the main job on the shipped seeds, shared by the delivery tests (each test logs its deliveries
/// in its own warehouse).</summary>
public sealed class BriefingFolder : IDisposable
{
    private readonly TempWarehouse _w = new();

    /// <summary>The briefing folder.</summary>
    public string Folder { get; }

    /// <summary>Its manifest.</summary>
    public BriefingManifest Manifest { get; }

    /// <summary>Runs the main job once.</summary>
    public BriefingFolder()
    {
        Folder = new MainJob(_w.Dialect, TempWarehouse.SeedsDir).Run(_w.PathOf("out")).Briefing.Folder;
        Manifest = BriefingManifest.Read(Folder);
    }

    /// <inheritdoc/>
    public void Dispose() => _w.Dispose();
}

/// <summary>Delivery to a loopback SMTP server and robot imitations: message parts, image encoding and checksum, DingTalk's
/// signature, the per-region split, exactly once, and no secret in what is logged or stored.</summary>
public sealed class DeliveryTests(BriefingFolder briefing) : IClassFixture<BriefingFolder>
{
    private const string Password = "smtp-Pa55-word-9731";
    private const string WeComKey = "wecom-key-5b1f0c9e";
    private const string DingToken = "ding-token-77aa01";
    private const string DingSecret = "SECding-secret-3e9d4471";
    private const string Changzhou = "320411";

    private static SmtpReceiver Smtp(Action<SmtpReceiverOptions>? more = null)
    {
        var o = new SmtpReceiverOptions { User = "robot@example.test", Password = Password };
        more?.Invoke(o);
        return SmtpReceiver.Start(o);
    }

    private static SmtpSettings SmtpSettingsFor(SmtpReceiver r, long maxBytes = SmtpSettings.DefaultMaxBytes) =>
        new(r.Host, r.Port, true, "robot@example.test", Password, "知识产权简报 <robot@example.test>", maxBytes, r.CertificateSha256, 10);

    private static readonly MailRecipient Leader = new("常州高新区 李主任", "li@example.test", [Changzhou]);
    private static readonly MailRecipient Everyone = new("市局 王局长", "wang@example.test", []);

    private static DeliverySettings Settings(SmtpReceiver? smtp = null, RobotReceiver? robots = null, string? folder = null,
        long maxBytes = SmtpSettings.DefaultMaxBytes, string? dingSecret = DingSecret, string? dashboard = "https://ip.example.gov.cn/")
    {
        var list = new List<RobotSettings>();
        if (robots != null)
        {
            list.Add(new RobotSettings("wecom", robots.WeComUrl, null, "局长群", []));
            list.Add(new RobotSettings("dingtalk", robots.DingTalkUrl, dingSecret, "科室群", []));
        }
        return new DeliverySettings(smtp == null ? null : SmtpSettingsFor(smtp, maxBytes), smtp == null ? [] : [Leader, Everyone], list,
            folder, dashboard, "link-key-c0ffee-42");
    }

    [Fact]
    public async Task Mail_has_the_headline_the_scorecard_inline_and_each_leaders_own_regions_attached()
    {
        using var w = new TempWarehouse();
        using var smtp = Smtp();
        var report = new BriefingDelivery(w.Dialect, Settings(smtp)).Run(briefing.Folder);

        Assert.Equal(2, report.Sent);
        Assert.True(smtp.WaitForMessages(2, TimeSpan.FromSeconds(10)));
        var byRecipient = smtp.Messages.ToDictionary(m => m.Recipients.Single());
        Assert.All(smtp.Messages, m => Assert.True(m.UsedTls));
        Assert.All(smtp.Messages, m => Assert.Equal("robot@example.test", m.AuthUser));
        var m = briefing.Manifest;
        foreach (var (recipient, regions) in new[] { (Leader, new[] { Changzhou }), (Everyone, m.Regions.Select(r => r.Code).ToArray()) })
        {
            var mail = byRecipient[recipient.Email].Parse();
            var html = mail.HtmlBody ?? "";
            Assert.Contains(m.Date.ToString("yyyy-MM-dd"), mail.Subject);
            Assert.Contains(m.Headline, WebUtility(html));
            Assert.Contains("cid:scorecard", html);
            // The scorecard travels inline (multipart/related), byte for byte the briefing's PNG.
            var inline = mail.BodyParts.OfType<MimePart>().Single(p => p.ContentId == MailComposer.ScorecardId);
            Assert.Equal("image/png", inline.ContentType.MimeType);
            Assert.Equal(File.ReadAllBytes(Path.Combine(briefing.Folder, "01_scorecard.png")), Bytes(inline));
            var attached = mail.Attachments.OfType<MimePart>().Select(a => a.FileName ?? "").ToList();
            Assert.Contains(attached, a => a.StartsWith("02_comparison"));
            Assert.Contains(attached, a => a.EndsWith(".xlsx"));
            var trends = attached.Where(a => a.StartsWith("03_trend_")).ToList();
            var expected = m.Files.Where(f => f.Kind == "trend" && regions.Contains(f.Region)).Select(f => f.Name).Order().ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, trends.Order().ToList()); // their own regions' trend charts, no one else's
            foreach (var code in m.Regions.Select(r => r.Code))
            {
                var name = m.Regions.Single(r => r.Code == code).Name;
                Assert.Equal(regions.Contains(code), html.Contains($">{System.Net.WebUtility.HtmlEncode(name)}</h3>"));
            }
            Assert.Contains("示例数据", html); // the seeds' briefing uses illustrative data and every output says so
            Assert.Contains("https://ip.example.gov.cn/b/" + m.Folder + "?k=", html);
        }
    }

    [Fact]
    public void Attachments_that_do_not_fit_the_size_limit_are_left_out_and_the_mail_links_the_briefing()
    {
        using var w = new TempWarehouse();
        using var smtp = Smtp();
        var report = new BriefingDelivery(w.Dialect, Settings(smtp, maxBytes: 1024 * 1024)).Run(briefing.Folder);

        Assert.Equal(2, report.Sent);
        Assert.True(smtp.WaitForMessages(2, TimeSpan.FromSeconds(10)));
        foreach (var received in smtp.Messages)
        {
            Assert.True(received.Raw.Length <= 1024 * 1024, $"{received.Raw.Length} bytes");
            var mail = received.Parse();
            Assert.Contains("超过邮件大小限制", mail.HtmlBody);
            Assert.Contains("/b/" + briefing.Manifest.Folder + "?k=" + BriefingLinks.Sign("link-key-c0ffee-42", briefing.Manifest.Folder),
                mail.HtmlBody);
        }
    }

    [Fact]
    public async Task WeCom_gets_the_scorecard_as_an_image_with_its_md5_and_a_markdown_summary_within_limits()
    {
        using var w = new TempWarehouse();
        await using var robots = await RobotReceiver.StartAsync(WeComKey, DingToken, DingSecret);
        var report = new BriefingDelivery(w.Dialect, Settings(robots: robots)).Run(briefing.Folder);

        Assert.Equal(2, report.Sent);
        var wecom = robots.Accepted("wecom");
        var scorecards = briefing.Manifest.Files.Where(f => f.Kind == "scorecard").ToList();
        Assert.Equal(scorecards.Count + 1, wecom.Count);
        for (var i = 0; i < scorecards.Count; i++)
        {
            var image = wecom[i].Json.RootElement.GetProperty("image");
            var bytes = Convert.FromBase64String(image.GetProperty("base64").GetString()!);
            Assert.Equal(File.ReadAllBytes(Path.Combine(briefing.Folder, scorecards[i].Name)), bytes);
            Assert.Equal(Convert.ToHexString(MD5.HashData(bytes)).ToLowerInvariant(), image.GetProperty("md5").GetString());
        }
        var markdown = wecom[^1].Json.RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.True(Encoding.UTF8.GetByteCount(markdown) <= 4096);
        foreach (var r in briefing.Manifest.Regions) Assert.Contains($"**{r.Name}**：{BriefingManifest.CountsText([r])}", markdown);
        Assert.Contains("示例数据", markdown);
        Assert.Contains("(https://ip.example.gov.cn/b/" + briefing.Manifest.Folder + "?k=", markdown);
    }

    [Fact]
    public void A_scorecard_over_two_megabytes_is_reencoded_to_fit_WeComs_image_limit()
    {
        using var bitmap = new SkiaSharp.SKBitmap(2400, 2400);
        var random = new Random(7);
        for (var x = 0; x < 2400; x++)
            for (var y = 0; y < 2400; y++)
                bitmap.SetPixel(x, y, new SkiaSharp.SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        Assert.True(png.Size > RobotMessages.WeComImageBytes);
        var fitted = RobotMessages.FitImage(png.ToArray(), RobotMessages.WeComImageBytes);
        Assert.True(fitted.Length <= RobotMessages.WeComImageBytes);
        Assert.Equal(0xFF, fitted[0]); // JPEG
    }

    [Fact]
    public async Task DingTalk_requests_are_signed_and_a_wrong_secret_is_a_permanent_failure_that_names_no_secret()
    {
        using var w = new TempWarehouse();
        await using var robots = await RobotReceiver.StartAsync(WeComKey, DingToken, DingSecret);
        var report = new BriefingDelivery(w.Dialect, Settings(robots: robots)).Run(briefing.Folder);
        var ding = Assert.Single(robots.Accepted("dingtalk"));
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + ding.PathAndQuery).Query);
        Assert.Equal(RobotReceiver.DingTalkSign(long.Parse(query["timestamp"]!), DingSecret), query["sign"]);
        var md = ding.Json.RootElement.GetProperty("markdown");
        Assert.Contains("知识产权目标简报", md.GetProperty("title").GetString());
        Assert.Contains("![目标记分卡](https://ip.example.gov.cn/b/" + briefing.Manifest.Folder + "/01_scorecard.png?k=",
            md.GetProperty("text").GetString());

        using var w2 = new TempWarehouse();
        var wrong = new BriefingDelivery(w2.Dialect, Settings(robots: robots, dingSecret: "SECnot-the-secret-0000")).Run(briefing.Folder);
        var line = Assert.Single(wrong.Lines, l => l.Channel == "dingtalk");
        Assert.Equal("failed", line.Outcome);
        Assert.False(line.Transient);
        Assert.Contains("310000", line.Text);
        Assert.DoesNotContain(DingToken, line.Text);
        Assert.DoesNotContain("SECnot-the-secret-0000", line.Text);
        Assert.False(wrong.RetryWanted);
    }

    [Fact]
    public async Task A_second_run_skips_what_was_delivered_and_resumes_a_robot_after_its_last_accepted_message()
    {
        using var w = new TempWarehouse();
        using var smtp = Smtp();
        await using var robots = await RobotReceiver.StartAsync(WeComKey, DingToken, DingSecret);
        var settings = Settings(smtp, robots, folder: w.PathOf("share"));
        var scorecards = briefing.Manifest.Files.Count(f => f.Kind == "scorecard");
        // Rate limited (45009) at the markdown message, after the scorecard image(s) were accepted.
        var first = new BriefingDelivery(w.Dialect, settings)
        {
            BeforeSend = (channel, _, part) => { if (channel == "wecom" && part == scorecards) robots.FailNext("wecom", 1, 200, 45009); },
        }.Run(briefing.Folder);
        var wecomLine = Assert.Single(first.Lines, l => l.Channel == "wecom");
        Assert.Equal("failed", wecomLine.Outcome);
        Assert.True(wecomLine.Transient);
        Assert.True(first.RetryWanted);
        Assert.Equal(4, first.Sent); // folder, two mails, DingTalk

        var second = new BriefingDelivery(w.Dialect, settings).Run(briefing.Folder);
        Assert.Equal(1, second.Sent);
        Assert.Equal(4, second.Skipped);
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Single(robots.Accepted("dingtalk"));
        Assert.Equal(scorecards + 1, robots.Accepted("wecom").Count);

        var third = new BriefingDelivery(w.Dialect, settings).Run(briefing.Folder);
        Assert.Equal(0, third.Sent);
        Assert.Equal(5, third.Skipped);
        Assert.Equal(2, smtp.Messages.Count);
        var log = new DeliveryLog(w.Dialect).ForBriefing(briefing.Manifest.Folder);
        Assert.All(log, r => Assert.Equal("sent", r.State));
        Assert.Equal(2, log.Single(r => r.Channel == "wecom").Attempts);
    }

    [Fact]
    public async Task A_retried_job_sends_each_message_once()
    {
        using var w = new TempWarehouse();
        using var smtp = Smtp(o => o.TransientFailures = 1); // the first mail gets 451
        await using var robots = await RobotReceiver.StartAsync(WeComKey, DingToken, DingSecret);
        robots.FailNext("dingtalk", 1, httpStatus: 503);
        var jobs = new ScheduledJobs(new MainJob(w.Dialect, TempWarehouse.SeedsDir), w.PathOf("inbox"), Path.GetDirectoryName(briefing.Folder)!);
        var settings = Settings(smtp, robots);
        var folder = Path.GetFileName(briefing.Folder);

        var retried = Assert.Throws<TransientJobException>(() => jobs.Deliver(folder, "chain:briefing", settings, attempt: 1));
        Assert.Equal("deliver", retried.Job);
        var outcome = jobs.Deliver(folder, "chain:briefing", settings, attempt: 2);
        Assert.Equal("succeeded", outcome.Status);
        var again = jobs.Deliver(folder, "chain:briefing", settings, attempt: 3);

        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal(2, smtp.Messages.Select(m => m.Recipients.Single()).Distinct().Count());
        Assert.Single(robots.Accepted("dingtalk"));
        Assert.Equal(briefing.Manifest.Files.Count(f => f.Kind == "scorecard") + 1, robots.Accepted("wecom").Count);
        Assert.Equal(0, again.Changed);
        using var c = w.Dialect.OpenReadOnly();
        var statuses = c.Query<string>("SELECT status FROM etl_batch WHERE job = 'job:deliver' ORDER BY batch_id").ToList();
        Assert.Equal(["partial", "succeeded", "succeeded"], statuses);
    }

    [Fact]
    public async Task A_process_killed_while_its_mail_is_in_flight_does_not_cause_a_second_message()
    {
        using var w = new TempWarehouse();
        using var smtp = Smtp(o => o.HoldDataReply = true);
        var env = MailEnvironment(smtp);
        using (var p = CliProcess.Start(["--db", w.Db, "deliver", "--briefing", briefing.Folder], environment: env))
        {
            Assert.True(smtp.WaitForMessages(1, TimeSpan.FromSeconds(60)), "the mail never reached the server");
            p.Kill(entireProcessTree: true); // the server has the message; its 250 never reaches the sender
            p.WaitForExit();
        }
        smtp.Options.HoldDataReply = false;
        smtp.ReleaseHeld();
        var settings = new DeliverySettings(SmtpSettingsFor(smtp), [Everyone], [], null);
        var rerun = new BriefingDelivery(w.Dialect, settings).Run(briefing.Folder);

        var line = Assert.Single(rerun.Lines);
        Assert.Equal("skipped", line.Outcome);
        Assert.Contains("可能已送达", line.Text);
        Assert.Single(smtp.Messages);
        var row = Assert.Single(new DeliveryLog(w.Dialect).ForBriefing(briefing.Manifest.Folder));
        Assert.Equal("uncertain", row.State);

        // Only a person's re-send sends it again (here from the command line).
        var resent = CliProcess.Start(["--db", w.Db, "deliver", "--resend", row.DeliveryId.ToString(), "--briefing", briefing.Folder],
            environment: env);
        var said = await resent.StandardOutput.ReadToEndAsync();
        Assert.True(resent.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Equal(0, resent.ExitCode);
        Assert.Contains("1 条已发送 sent", said);
        Assert.True(smtp.WaitForMessages(2, TimeSpan.FromSeconds(10)));
        Assert.Equal("sent", new DeliveryLog(w.Dialect).Get(row.DeliveryId)!.State);
    }

    [Fact]
    public async Task No_secret_reaches_the_output_the_delivery_log_or_the_database_file()
    {
        using var w = new TempWarehouse();
        using var smtp = Smtp(o => o.Password = "a-different-password"); // authentication fails: an error that could echo it
        await using var robots = await RobotReceiver.StartAsync("wecom-other-key", DingToken, "SECother-secret-000"); // wrong key, secret
        var env = new Dictionary<string, string>(MailEnvironment(smtp))
        {
            ["Warehouse__Delivery__Robots__0__Kind"] = "wecom",
            ["Warehouse__Delivery__Robots__0__Url"] = robots.WeComUrl.Replace("wecom-other-key", WeComKey),
            ["Warehouse__Delivery__Robots__1__Kind"] = "dingtalk",
            ["Warehouse__Delivery__Robots__1__Url"] = robots.DingTalkUrl,
            ["Warehouse__Delivery__Robots__1__Secret"] = DingSecret,
            ["Warehouse__Scheduler__RetrySeconds"] = "0.1",
            ["WAREHOUSE_DEBUG"] = "1",
        };
        using var p = CliProcess.Start(["--db", w.Db, "deliver", "--briefing", briefing.Folder], environment: env);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)));
        var output = await stdout + await stderr;
        Assert.Equal(1, p.ExitCode);
        Assert.Contains("errcode 93000", output);
        Assert.Contains("310000", output);
        Assert.Contains("认证失败", output);

        using (var c = w.Dialect.OpenReadOnly())
        {
            var rows = string.Join("\n", c.Query<string>("SELECT coalesce(error, '') || ' ' || coalesce(detail, '') || ' ' || recipient FROM delivery_log"));
            Assert.Contains("310000", rows);
            output += rows + string.Join("\n", c.Query<string>("SELECT coalesce(error, '') || ' ' || coalesce(detail, '') FROM etl_batch"));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = string.Join("", new[] { w.Db, w.Db + "-wal" }.Where(File.Exists).Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))));
        foreach (var secret in new[] { Password, WeComKey, DingToken, DingSecret, Convert.ToBase64String(Encoding.UTF8.GetBytes(Password)) })
        {
            Assert.DoesNotContain(secret, output);
            Assert.DoesNotContain(secret, file);
        }
    }

    [Fact]
    public void A_re_send_sends_only_the_delivery_asked_for_and_one_whose_recipient_left_the_settings_says_so()
    {
        using var w = new TempWarehouse();
        using var smtp = Smtp(o => { o.RejectRecipients.Add(Leader.Email); o.RejectRecipients.Add(Everyone.Email); });
        var settings = Settings(smtp, folder: w.PathOf("share"));
        var first = new BriefingDelivery(w.Dialect, settings).Run(briefing.Folder);
        Assert.Equal(2, first.Lines.Count(l => l.Outcome == "failed" && !l.Transient)); // 550: permanent
        smtp.Options.RejectRecipients.Clear();
        var log = new DeliveryLog(w.Dialect);
        var rows = log.ForBriefing(briefing.Manifest.Folder);
        var leader = rows.Single(r => r.Recipient == Leader.Email);
        Assert.NotNull(log.QueueResend(leader.DeliveryId));

        var resend = new BriefingDelivery(w.Dialect, settings).Run(briefing.Folder, only: leader.DeliveryId);
        Assert.Equal([Leader.Email], resend.Lines.Where(l => l.Outcome == "sent").Select(l => l.Recipient));
        Assert.Single(smtp.Messages);
        Assert.Equal("failed", log.ForBriefing(briefing.Manifest.Folder).Single(r => r.Recipient == Everyone.Email).State);

        // The other one is queued, then its recipient is taken out of the settings: the run says why it cannot go.
        var everyone = rows.Single(r => r.Recipient == Everyone.Email).DeliveryId;
        Assert.NotNull(log.QueueResend(everyone));
        var fewer = settings with { Recipients = [Leader] };
        var orphan = new BriefingDelivery(w.Dialect, fewer).Run(briefing.Folder, only: everyone);
        Assert.Contains(orphan.Lines, l => l.Recipient == Everyone.Email && l.Outcome == "failed" && l.Text.Contains("no longer"));
        Assert.Equal("failed", log.ForBriefing(briefing.Manifest.Folder).Single(r => r.Recipient == Everyone.Email).State);
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public void A_re_send_that_meets_a_transient_error_is_retried_for_that_delivery()
    {
        using var w = new TempWarehouse();
        using var smtp = Smtp(o => o.RejectRecipients.Add(Leader.Email));
        var settings = Settings(smtp);
        var jobs = new ScheduledJobs(new MainJob(w.Dialect, TempWarehouse.SeedsDir), w.PathOf("inbox"), Path.GetDirectoryName(briefing.Folder)!);
        var folder = Path.GetFileName(briefing.Folder);
        Assert.Equal("partial", jobs.Deliver(folder, "chain:briefing", settings).Status); // the leader's address refused (550)
        var log = new DeliveryLog(w.Dialect);
        var leader = log.ForBriefing(briefing.Manifest.Folder).Single(r => r.Recipient == Leader.Email);
        smtp.Options.RejectRecipients.Clear();
        smtp.Options.TransientFailures = smtp.FailedAttempts + 1; // the re-send meets one 451
        Assert.NotNull(log.QueueResend(leader.DeliveryId));

        var trigger = $"resend:{leader.DeliveryId}";
        Assert.Throws<TransientJobException>(() => jobs.Deliver(folder, trigger, settings, attempt: 1));
        Assert.Equal("succeeded", jobs.Deliver(folder, trigger, settings, attempt: 2).Status);
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal(1, smtp.Messages.Count(m => m.Recipients.Single() == Leader.Email));
    }

    [Fact]
    public void A_refused_resend_command_leaves_nothing_queued()
    {
        using var w = new TempWarehouse();
        using var smtp = Smtp(o => o.RejectRecipients.Add(Everyone.Email));
        new BriefingDelivery(w.Dialect, new DeliverySettings(SmtpSettingsFor(smtp), [Everyone], [], null)).Run(briefing.Folder);
        var row = Assert.Single(new DeliveryLog(w.Dialect).ForBriefing(briefing.Manifest.Folder));
        Assert.Equal("failed", row.State);
        var wrong = CliProcess.Start(["--db", w.Db, "deliver", "--resend", row.DeliveryId.ToString(), "--briefing", w.PathOf("briefing-none")],
            environment: MailEnvironment(smtp));
        Assert.True(wrong.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Equal(2, wrong.ExitCode);
        Assert.Equal("failed", new DeliveryLog(w.Dialect).Get(row.DeliveryId)!.State); // a later server start would send a queued one
    }

    [Fact]
    public void The_shared_folder_gets_a_complete_copy_once()
    {
        using var w = new TempWarehouse();
        var share = w.PathOf("share");
        var first = new BriefingDelivery(w.Dialect, Settings(folder: share)).Run(briefing.Folder);
        Assert.Equal(1, first.Sent);
        var copied = Path.Combine(share, briefing.Manifest.Folder);
        Assert.Equal(Directory.GetFiles(briefing.Folder).Select(Path.GetFileName).Order(), Directory.GetFiles(copied).Select(Path.GetFileName).Order());
        Assert.Empty(Directory.GetDirectories(share, ".*"));
        Assert.Equal(1, new BriefingDelivery(w.Dialect, Settings(folder: share)).Run(briefing.Folder).Skipped);
    }

    [Fact]
    public void A_dry_run_lists_every_message_and_sends_nothing()
    {
        using var w = new TempWarehouse();
        using var smtp = Smtp();
        var report = new BriefingDelivery(w.Dialect, Settings(smtp, folder: w.PathOf("share"))).Run(briefing.Folder, dryRun: true);
        Assert.Equal(3, report.Lines.Count(l => l.Outcome == "would-send"));
        Assert.Empty(smtp.Messages);
        Assert.False(Directory.Exists(w.PathOf("share")));
        Assert.Empty(new DeliveryLog(w.Dialect).ForBriefing(briefing.Manifest.Folder));
    }

    /// <summary>The environment a `deliver` process reads its SMTP settings and one recipient from.</summary>
    private static Dictionary<string, string> MailEnvironment(SmtpReceiver smtp) => new()
    {
        ["Warehouse__Delivery__Smtp__Host"] = smtp.Host,
        ["Warehouse__Delivery__Smtp__Port"] = smtp.Port.ToString(),
        ["Warehouse__Delivery__Smtp__User"] = "robot@example.test",
        ["Warehouse__Delivery__Smtp__Password"] = Password,
        ["Warehouse__Delivery__Smtp__From"] = "robot@example.test",
        ["Warehouse__Delivery__Smtp__CertificateSha256"] = smtp.CertificateSha256,
        ["Warehouse__Delivery__Recipients__0__Email"] = Everyone.Email,
    };

    private static string WebUtility(string html) => System.Net.WebUtility.HtmlDecode(html);

    private static byte[] Bytes(MimePart part)
    {
        using var s = new MemoryStream();
        part.Content!.DecodeTo(s);
        return s.ToArray();
    }
}
