using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using Warehouse.Cli.Delivery;
using Warehouse.Reports.Delivery;

namespace Warehouse.Tests.Delivery;

/// <summary>Delivery on the server: a Hangfire continuation after each briefing, failures on the dashboard's API with a re-send,
/// and the signed link that opens one briefing without the token.</summary>
[Collection("server")]
public sealed class DeliveryServerTests
{
    private const string Token = "tok-delivery-test-8c1d";

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public async Task The_briefing_job_is_followed_by_its_delivery_and_a_failed_one_is_re_sent_from_the_api(string engine)
    {
        using var smtp = SmtpReceiver.Start(new SmtpReceiverOptions { User = "robot@example.test", Password = "pw-9d8c7b6a" });
        await using var robots = await RobotReceiver.StartAsync("wk-1234abcd", "dt-5678efgh", "SECsecret-9999");
        robots.FailNext("dingtalk", 1, httpStatus: 200, errCode: 310000); // a permanent refusal: only a person's re-send retries it
        await using var s = new TestServer(new()
        {
            ["Warehouse:AccessToken"] = Token,
            ["Warehouse:Delivery:Smtp:Host"] = smtp.Host,
            ["Warehouse:Delivery:Smtp:Port"] = smtp.Port.ToString(),
            ["Warehouse:Delivery:Smtp:User"] = "robot@example.test",
            ["Warehouse:Delivery:Smtp:Password"] = "pw-9d8c7b6a",
            ["Warehouse:Delivery:Smtp:CertificateSha256"] = smtp.CertificateSha256,
            ["Warehouse:Delivery:Recipients:0:Name"] = "李主任",
            ["Warehouse:Delivery:Recipients:0:Email"] = "li@example.test",
            ["Warehouse:Delivery:Recipients:0:Regions"] = "320411",
            ["Warehouse:Delivery:Robots:0:Kind"] = "dingtalk",
            ["Warehouse:Delivery:Robots:0:Url"] = robots.DingTalkUrl,
            ["Warehouse:Delivery:Robots:0:Secret"] = "SECsecret-9999",
            ["Warehouse:Delivery:Robots:0:Name"] = "科室群",
        }, engine: engine);
        s.Http.DefaultRequestHeaders.Add(TestServerHeaders.Token, Token);

        // ingest → forecast → briefing → deliver, each a continuation of the one before.
        Assert.Equal(HttpStatusCode.Accepted, (await s.Http.PostAsync("/api/jobs/ingest/trigger", null)).StatusCode);
        Assert.True(await TestServer.Eventually(() => s.JobBatches().Any(b => b.Job == "job:deliver" && b.Finished != null), 240), "no delivery ran");
        var deliver = s.JobBatches().First(b => b.Job == "job:deliver");
        Assert.Equal("chain:briefing", deliver.Trigger);
        Assert.Equal("partial", deliver.Status);
        Assert.True(smtp.WaitForMessages(1, TimeSpan.FromSeconds(10)));
        Assert.Equal("li@example.test", smtp.Messages.Single().Recipients.Single());

        var rows = await s.Http.GetFromJsonAsync<JsonElement[]>("/api/deliveries");
        var failed = rows!.Single(d => d.GetProperty("channel").GetString() == "dingtalk");
        Assert.Equal("failed", failed.GetProperty("state").GetString());
        Assert.Contains("310000", failed.GetProperty("error").GetString());
        var sent = rows!.Single(d => d.GetProperty("channel").GetString() == "mail");
        Assert.Equal(HttpStatusCode.Conflict, (await s.Http.PostAsync($"/api/deliveries/{sent.GetProperty("delivery_id")}/resend", null)).StatusCode);

        // The statistician sees the failure on the dashboard (a phone here) and presses 重发.
        using (var playwright = await Playwright.CreateAsync())
        {
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            });
            var context = await browser.NewContextAsync(new()
            {
                ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2, Locale = "zh-CN",
            });
            await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "warehouse_token", Value = Token, Url = s.Url }]);
            var phone = await context.NewPageAsync();
            await phone.GotoAsync(s.Url);
            var button = phone.Locator($"#deliveries button[data-resend=\"{failed.GetProperty("delivery_id")}\"]");
            await button.WaitForAsync();
            var table = await phone.Locator("#deliveries").InnerTextAsync();
            Assert.Contains("失败", table);
            Assert.Contains("已送达", table);
            Assert.Contains("310000", table);
            Assert.True(await phone.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth") <= 390);
            if (engine == "sqlite" && Environment.GetEnvironmentVariable("WAREHOUSE_SCREENSHOTS") == "1")
                await phone.Locator("#deliveries").Locator("xpath=..").ScreenshotAsync(new()
                {
                    Path = Path.Combine(TempWarehouse.RepoRoot, "docs", "images", "deliveries-phone.png"),
                });
            await button.ClickAsync();
            await phone.Locator("#msg").Filter(new() { HasText = "已安排重发" }).WaitForAsync();
        }
        Assert.True(await TestServer.Eventually(() => robots.Accepted("dingtalk").Count == 1, 60), "the re-send never arrived");
        Assert.True(await TestServer.Eventually(() => s.JobBatches().Count(b => b.Job == "job:deliver" && b.Finished != null) == 2, 30));
        Assert.Single(smtp.Messages); // the mail was not sent again
        var after = await s.Http.GetFromJsonAsync<JsonElement[]>("/api/deliveries");
        Assert.All(after!, d => Assert.Equal("sent", d.GetProperty("state").GetString()));
        Assert.Equal($"resend:{failed.GetProperty("delivery_id")}", s.JobBatches().Last(b => b.Job == "job:deliver").Trigger);

        // No secret in the warehouse's tables or, on PostgreSQL, in Hangfire's (job arguments, states, exceptions).
        using (var c = s.Warehouse.Dialect.OpenReadOnly())
        {
            var text = string.Join("\n", Dapper.SqlMapper.Query<string>(c,
                "SELECT coalesce(error, '') || ' ' || coalesce(detail, '') || ' ' || recipient FROM delivery_log"))
                + string.Join("\n", Dapper.SqlMapper.Query<string>(c, "SELECT coalesce(error, '') || ' ' || coalesce(detail, '') FROM etl_batch"));
            if (engine == "postgres")
                foreach (var table in new[] { "job", "state", "jobparameter", "hash", "set", "list" })
                    text += string.Join("\n", Dapper.SqlMapper.Query<string>(c, $"SELECT t::text FROM hangfire.\"{table}\" t"));
            Assert.Contains("310000", text);
            foreach (var secret in new[] { "pw-9d8c7b6a", "dt-5678efgh", "SECsecret-9999", Token })
                Assert.DoesNotContain(secret, text);
        }

        // The message's link opens that briefing without the token, and nothing else.
        var folder = after![0].GetProperty("briefing").GetString()!;
        using var anonymous = new HttpClient { BaseAddress = new Uri(s.Url) };
        var k = BriefingLinks.Sign(Token, folder);
        var page = await anonymous.GetAsync($"/b/{folder}?k={k}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("知识产权目标简报", await page.Content.ReadAsStringAsync());
        Assert.Equal("image/png", (await anonymous.GetAsync($"/b/{folder}/01_scorecard.png?k={k}")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/b/{folder}/01_scorecard.png")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/b/{folder}-2/01_scorecard.png?k={k}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/deliveries?k={k}")).StatusCode);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_by_the_scheduler_and_nothing_is_sent_twice()
    {
        using var smtp = SmtpReceiver.Start(new SmtpReceiverOptions
        {
            User = "robot@example.test", Password = "pw-retry-1", TransientFailures = 1,
        });
        await using var robots = await RobotReceiver.StartAsync("wk-retry", "dt-retry", "SECretry");
        robots.FailNext("wecom", 1, httpStatus: 200, errCode: 45009); // rate limited once
        await using var s = new TestServer(new()
        {
            ["Warehouse:Delivery:Smtp:Host"] = smtp.Host,
            ["Warehouse:Delivery:Smtp:Port"] = smtp.Port.ToString(),
            ["Warehouse:Delivery:Smtp:User"] = "robot@example.test",
            ["Warehouse:Delivery:Smtp:Password"] = "pw-retry-1",
            ["Warehouse:Delivery:Smtp:CertificateSha256"] = smtp.CertificateSha256,
            ["Warehouse:Delivery:Recipients:0:Email"] = "wang@example.test",
            ["Warehouse:Delivery:Recipients:1:Email"] = "li@example.test",
            ["Warehouse:Delivery:Recipients:1:Regions"] = "320411",
            ["Warehouse:Delivery:Robots:0:Kind"] = "wecom",
            ["Warehouse:Delivery:Robots:0:Url"] = robots.WeComUrl,
        });
        Assert.Equal(HttpStatusCode.Accepted, (await s.Http.PostAsync("/api/jobs/ingest/trigger", null)).StatusCode);
        Assert.True(await TestServer.Eventually(() => s.JobBatches().Any(b => b is { Job: "job:deliver", Status: "succeeded" }), 240),
            "the retried delivery never succeeded");
        var runs = s.JobBatches().Where(b => b.Job == "job:deliver").ToList();
        Assert.Equal(["partial", "succeeded"], runs.Select(b => b.Status));
        Assert.Contains("succeeded on attempt 2", runs[1].Detail);
        Assert.Equal(2, smtp.Messages.Count); // one each: the one that got 451 once, and the one delivered at the first attempt
        Assert.Equal(2, smtp.Messages.Select(m => m.Recipients.Single()).Distinct().Count());
        Assert.Equal(1, smtp.FailedAttempts);
        var accepted = robots.Accepted("wecom");
        Assert.Equal(accepted.Count, accepted.Select(r => r.Body).Distinct().Count()); // no message twice
        Assert.Equal("markdown", accepted[^1].Json.RootElement.GetProperty("msgtype").GetString());
    }

    [Fact]
    public async Task A_re_send_queued_when_the_server_stopped_is_sent_when_it_starts_again()
    {
        using var smtp = SmtpReceiver.Start(new SmtpReceiverOptions { User = "robot@example.test", Password = "pw-restart-1" });
        smtp.Options.RejectRecipients.Add("li@example.test");
        var settings = new Dictionary<string, string?>
        {
            ["Warehouse:Delivery:Smtp:Host"] = smtp.Host,
            ["Warehouse:Delivery:Smtp:Port"] = smtp.Port.ToString(),
            ["Warehouse:Delivery:Smtp:User"] = "robot@example.test",
            ["Warehouse:Delivery:Smtp:Password"] = "pw-restart-1",
            ["Warehouse:Delivery:Smtp:CertificateSha256"] = smtp.CertificateSha256,
            ["Warehouse:Delivery:Recipients:0:Email"] = "li@example.test",
        };
        using var wh = new TempWarehouse();
        long id;
        await using (var s = new TestServer(settings, shared: wh))
        {
            await s.Http.PostAsync("/api/jobs/ingest/trigger", null);
            Assert.True(await TestServer.Eventually(() => s.JobBatches().Any(b => b.Job == "job:deliver" && b.Finished != null), 240));
            var row = Assert.Single(new Warehouse.Store.DeliveryLog(wh.Dialect).Latest(10));
            Assert.Equal("failed", row.State); // 550
            id = row.DeliveryId;
        }
        // Queued while no server runs (or in the seconds before one stopped): in-memory job storage forgot the job.
        Assert.NotNull(new Warehouse.Store.DeliveryLog(wh.Dialect).QueueResend(id));
        smtp.Options.RejectRecipients.Clear();
        await using (var again = new TestServer(settings, shared: wh))
        {
            Assert.True(smtp.WaitForMessages(1, TimeSpan.FromSeconds(60)), "the queued re-send was not sent after the restart");
            Assert.True(await TestServer.Eventually(() => new Warehouse.Store.DeliveryLog(wh.Dialect).Get(id)!.State == "sent", 30));
            Assert.Contains(again.JobBatches(), b => b.Job == "job:deliver" && b.Trigger == $"resend:{id}");
        }
        Assert.Single(smtp.Messages);
    }

    private static class TestServerHeaders
    {
        public const string Token = Warehouse.Cli.Serve.Dashboard.TokenHeader;
    }
}

/// <summary>Warehouse:Delivery is read and checked before anything is sent: each mistake is one message naming its setting.</summary>
public sealed class DeliveryOptionsTests
{
    private static DeliverySettings Read(Dictionary<string, string?> values, string? json = null)
    {
        var b = new ConfigurationBuilder();
        string? file = null;
        if (json != null)
        {
            file = Path.Combine(Path.GetTempPath(), $"appsettings-{Guid.NewGuid():N}.json");
            File.WriteAllText(file, json);
            b.AddJsonFile(file);
        }
        b.AddInMemoryCollection(values);
        try
        {
            return DeliveryOptions.From(b.Build(), x => x is "320411" or "常州高新区" ? "320411" : x == "320481" ? "320481" : null, "key");
        }
        finally
        {
            if (file != null) File.Delete(file);
        }
    }

    private static Dictionary<string, string?> Smtp() => new()
    {
        ["Warehouse:Delivery:Smtp:Host"] = "smtp.example.gov.cn",
        ["Warehouse:Delivery:Smtp:User"] = "briefing@example.gov.cn",
        ["Warehouse:Delivery:Smtp:Password"] = "from-the-environment",
    };

    [Fact]
    public void Recipients_robots_and_folder_are_read_with_their_regions()
    {
        var v = Smtp();
        v["Warehouse:Delivery:Recipients:0:Name"] = "李主任";
        v["Warehouse:Delivery:Recipients:0:Email"] = "li@example.gov.cn";
        v["Warehouse:Delivery:Recipients:0:Regions"] = "常州高新区, 320481";
        v["Warehouse:Delivery:Recipients:1:Email"] = "wang@example.gov.cn";
        v["Warehouse:Delivery:Recipients:1:Regions"] = "*";
        v["Warehouse:Delivery:Robots:0:Kind"] = "WeCom";
        v["Warehouse:Delivery:Robots:0:Url"] = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc";
        v["Warehouse:Delivery:Folder"] = "/srv/share";
        var s = Read(v);
        Assert.Equal(587, s.Smtp!.Port);
        Assert.True(s.Smtp.UseStartTls);
        Assert.Equal("briefing@example.gov.cn", s.Smtp.From);
        Assert.Equal(["320411", "320481"], s.Recipients[0].Regions);
        Assert.Empty(s.Recipients[1].Regions);
        Assert.True(s.Recipients[1].Follows("320700"));
        Assert.Equal(("wecom", "wecom#1"), (s.Robots[0].Kind, s.Robots[0].Name));
        Assert.Equal("/srv/share", s.Folder);
    }

    [Theory]
    [InlineData("Recipients:0:Regions", "320999", "unknown region '320999'")]
    [InlineData("Recipients:0:Email", "not-an-address", "Recipients:0:Email")]
    [InlineData("Robots:0:Kind", "feishu", "must be wecom or dingtalk")]
    [InlineData("Smtp:UseStartTls", "false", "unencrypted")]
    [InlineData("Smtp:Port", "70000", "Smtp:Port")]
    [InlineData("DashboardUrl", "ip.example.gov.cn", "DashboardUrl")]
    [InlineData("Recipents:0:Email", "x@example.gov.cn", "Recipents: 未知设置 / unknown setting")]
    [InlineData("Smtp:Prot", "25", "Smtp:Prot: 未知设置 / unknown setting")]
    [InlineData("Robots:0:Secrte", "SEC1", "Robots:0:Secrte: 未知设置")]
    [InlineData("Recipients:0:Regions", "*,320999", "unknown region '320999'")]
    public void A_wrong_setting_is_refused_by_name(string key, string value, string expected)
    {
        var v = Smtp();
        v["Warehouse:Delivery:Recipients:0:Email"] = "li@example.gov.cn";
        v["Warehouse:Delivery:Robots:0:Kind"] = "dingtalk";
        v["Warehouse:Delivery:Robots:0:Url"] = "https://oapi.dingtalk.com/robot/send?access_token=t";
        v["Warehouse:Delivery:" + key] = value;
        var e = Assert.Throws<InvalidOperationException>(() => Read(v));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_login_without_a_password_is_refused_before_anything_is_sent()
    {
        var v = Smtp();
        v.Remove("Warehouse:Delivery:Smtp:Password");
        var e = Assert.Throws<InvalidOperationException>(() => Read(v));
        Assert.Contains("Warehouse:Delivery:Smtp:Password", e.Message);
    }

    [Fact]
    public void A_password_or_robot_url_in_appsettings_json_is_refused_without_echoing_it()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Read(new(), """
            { "Warehouse": { "Delivery": { "Smtp": { "Host": "smtp.example.gov.cn", "User": "u@example.gov.cn", "Password": "hunter2-in-file" },
              "Robots": [ { "Kind": "wecom", "Url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=file-key-123" } ] } } }
            """));
        Assert.Contains("Warehouse:Delivery:Smtp:Password", e.Message);
        Assert.Contains("Warehouse:Delivery:Robots:0:Url", e.Message);
        Assert.Contains("Warehouse__Delivery__Smtp__Password", e.Message);
        Assert.DoesNotContain("hunter2-in-file", e.Message);
        Assert.DoesNotContain("file-key-123", e.Message);
    }

    [Fact]
    public void Scrub_removes_every_secret_and_key_like_query_value()
    {
        var s = new DeliverySettings(new SmtpSettings("h", 587, true, "u", "P@ss-w0rd!", "u@x.cn"), [],
            [new RobotSettings("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=tok%2Ben-77", "SECabc-123", "g", [])], null,
            null, "link-key");
        var text = s.Scrub("auth P@ss-w0rd! failed; POST https://oapi.dingtalk.com/robot/send?access_token=tok%2Ben-77&timestamp=1&sign=zz "
            + "secret SECabc-123 raw tok+en-77 link-key https://other.example/x?key=abcdef");
        foreach (var secret in new[] { "P@ss-w0rd!", "tok%2Ben-77", "tok+en-77", "SECabc-123", "link-key", "sign=zz", "key=abcdef" })
            Assert.DoesNotContain(secret, text);
        Assert.Contains("auth *** failed", text);
    }
}
