using Microsoft.Playwright;
using MimeKit;
using Warehouse.Reports.Delivery;

namespace Warehouse.Tests.Delivery;

/// <summary>The mail as a leader sees it: the received message's HTML, with its inline scorecard, rendered by Chromium at desktop
/// and phone width (screenshots to docs/images with WAREHOUSE_SCREENSHOTS=1, for the README).</summary>
public sealed class MailRenderingTests(BriefingFolder briefing) : IClassFixture<BriefingFolder>
{
    [Fact]
    public async Task A_received_mail_renders_in_chromium_and_fits_a_phone()
    {
        using var w = new TempWarehouse();
        using var smtp = SmtpReceiver.Start(new SmtpReceiverOptions { User = "robot@example.test", Password = "pw-render-1" });
        var settings = new DeliverySettings(
            new SmtpSettings(smtp.Host, smtp.Port, true, "robot@example.test", "pw-render-1", "知识产权简报 <robot@example.test>",
                CertificateSha256: smtp.CertificateSha256),
            [new MailRecipient("常州高新区 李主任", "li@example.test", ["320411"])], [], null, "https://ip.example.gov.cn/", "k");
        Assert.Equal(1, new BriefingDelivery(w.Dialect, settings).Run(briefing.Folder).Sent);
        Assert.True(smtp.WaitForMessages(1, TimeSpan.FromSeconds(10)));
        var mail = smtp.Messages.Single().Parse();

        // A mail client shows cid: parts inline; the page gets them as data: URIs, as a webmail would.
        var html = mail.HtmlBody!;
        foreach (var part in mail.BodyParts.OfType<MimePart>().Where(p => p.ContentId != null))
        {
            using var s = new MemoryStream();
            part.Content!.DecodeTo(s);
            html = html.Replace($"cid:{part.ContentId}", $"data:{part.ContentType.MimeType};base64,{Convert.ToBase64String(s.ToArray())}");
        }
        var header = $"<div style=\"font:13px sans-serif;color:#555;border-bottom:1px solid #ddd;padding:8px 12px;overflow-wrap:anywhere\">"
            + $"发件人：{System.Net.WebUtility.HtmlEncode(mail.From.ToString())}<br>收件人：{System.Net.WebUtility.HtmlEncode(mail.To.ToString())}"
            + $"<br>主题：<b>{System.Net.WebUtility.HtmlEncode(mail.Subject)}</b><br>附件："
            + System.Net.WebUtility.HtmlEncode(string.Join("、", mail.Attachments.OfType<MimePart>().Select(a => a.FileName))) + "</div>";
        html = html.Replace("<div style=\"max-width:640px;margin:0 auto\">", header + "<div style=\"max-width:640px;margin:0 auto\">");
        var page = Path.Combine(w.Dir, "mail.html");
        File.WriteAllText(page, html);

        var shots = Environment.GetEnvironmentVariable("WAREHOUSE_SCREENSHOTS") == "1"
            ? Path.Combine(TempWarehouse.RepoRoot, "docs", "images") : Path.Combine(Path.GetTempPath(), "warehouse-screenshots");
        Directory.CreateDirectory(shots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var desktop = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 }, Locale = "zh-CN" });
        await desktop.GotoAsync("file://" + page);
        Assert.True(await desktop.EvaluateAsync<bool>("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)"));
        Assert.Contains("常州高新区", await desktop.InnerTextAsync("h3"));
        await desktop.ScreenshotAsync(new() { Path = Path.Combine(shots, "mail.png") });

        var phone = await browser.NewPageAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2, Locale = "zh-CN",
        });
        await phone.GotoAsync("file://" + page);
        Assert.True(await phone.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth") <= 390, "the mail scrolls sideways on a phone");
        var width = await phone.EvaluateAsync<double>("() => document.images[0].getBoundingClientRect().width");
        Assert.InRange(width, 300, 390); // the scorecard fills the phone's width, no wider
        await phone.ScreenshotAsync(new() { Path = Path.Combine(shots, "mail-phone.png"), FullPage = true });
    }
}
