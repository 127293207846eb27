using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Warehouse.Tests.Delivery;

/// <summary>The SMTP imitation behaves like a submission server, checked with MailKit, the client production uses.</summary>
public sealed class SmtpReceiverSelfTests
{
    private const string User = "robot@example.test";
    private const string Password = "s3cret-Pa55";

    private static SmtpReceiver Authenticated(Action<SmtpReceiverOptions>? more = null)
    {
        var options = new SmtpReceiverOptions { User = User, Password = Password };
        more?.Invoke(options);
        return SmtpReceiver.Start(options);
    }

    private static async Task<SmtpClient> ConnectAsync(SmtpReceiver receiver, SecureSocketOptions tls = SecureSocketOptions.StartTls)
    {
        var client = new SmtpClient { Timeout = 10_000 };
        // pin the receiver's self-signed certificate, the way a deployment would pin a private relay's
        client.ServerCertificateValidationCallback = (_, cert, _, _) =>
            cert != null && cert.GetCertHashString(HashAlgorithmName.SHA256) == receiver.CertificateSha256;
        await client.ConnectAsync(receiver.Host, receiver.Port, tls);
        return client;
    }

    private static MimeMessage Message(string to = "boss@example.test", string body = "hello", byte[]? attachment = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(User));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "仓库简报 briefing";
        var builder = new BodyBuilder { TextBody = body };
        if (attachment != null) builder.Attachments.Add("briefing.xlsx", attachment);
        message.Body = builder.ToMessageBody();
        return message;
    }

    [Theory]
    [InlineData("PLAIN")]
    [InlineData("LOGIN")]
    public async Task Receiver_takes_mail_over_starttls_with_auth_and_it_parses_back_with_its_attachment(string mechanism)
    {
        using var receiver = Authenticated();
        var attachment = RandomNumberGenerator.GetBytes(200_000);
        // lines starting with a dot exercise dot-stuffing both ways
        var body = "first line\r\n.leading dot\r\n..two dots\r\n.\r\nlast";
        using (var client = await ConnectAsync(receiver))
        {
            client.AuthenticationMechanisms.RemoveWhere(m => m != mechanism);
            await client.AuthenticateAsync(User, Password);
            await client.SendAsync(Message(body: body, attachment: attachment));
            await client.DisconnectAsync(true);
        }

        var mail = Assert.Single(receiver.Messages);
        Assert.True(mail.UsedTls);
        Assert.Equal(User, mail.AuthUser);
        Assert.Equal(User, mail.From);
        Assert.Equal(["boss@example.test"], mail.Recipients);
        var parsed = mail.Parse();
        Assert.Equal("仓库简报 briefing", parsed.Subject);
        Assert.Equal(body.Replace("\r\n", "\n"), parsed.TextBody!.Replace("\r\n", "\n").TrimEnd('\n'));
        var part = Assert.IsType<MimePart>(Assert.Single(parsed.Attachments));
        Assert.Equal("briefing.xlsx", part.FileName);
        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content);
        Assert.Equal(attachment, content.ToArray());
        // the secret travelled only inside TLS
        var secretLines = receiver.Transcript.Where(l => !l.StartsWith("plain:EHLO") && !l.StartsWith("plain:STARTTLS")).ToArray();
        Assert.All(secretLines, l => Assert.StartsWith("tls:", l));
        Assert.Contains(receiver.Transcript, l => l.StartsWith("tls:AUTH " + mechanism));
        Assert.Matches("^[0-9A-F]{64}$", receiver.CertificateSha256);
    }

    [Fact]
    public async Task Receiver_refuses_a_bad_password()
    {
        using var receiver = Authenticated();
        using var client = await ConnectAsync(receiver);
        await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync(User, "wrong"));
        // MailKit turns the 530 into ServiceNotAuthenticatedException
        var mail = await Assert.ThrowsAsync<MailKit.ServiceNotAuthenticatedException>(() => client.SendAsync(Message()));
        Assert.StartsWith("5.7.0", mail.Message);
        Assert.Empty(receiver.Messages);
    }

    [Fact]
    public async Task Receiver_requiring_tls_refuses_auth_and_mail_in_clear()
    {
        using var receiver = Authenticated();
        using (var client = await ConnectAsync(receiver, SecureSocketOptions.None))
        {
            // AUTH is not even offered before STARTTLS, so MailKit will not send credentials in clear
            Assert.False(client.Capabilities.HasFlag(SmtpCapabilities.Authentication));
            await Assert.ThrowsAsync<NotSupportedException>(() => client.AuthenticateAsync(User, Password));
            var mail = await Assert.ThrowsAsync<MailKit.ServiceNotAuthenticatedException>(() => client.SendAsync(Message()));
            Assert.Contains("STARTTLS", mail.Message);
        }

        // a client that sends AUTH anyway is refused, and the transcript shows the secret came in clear
        var lines = await RawSessionAsync(receiver, "EHLO raw", "AUTH PLAIN AHJvYm90AHMzY3JldA==", "MAIL FROM:<a@b>", "QUIT");
        Assert.StartsWith("220", lines[0]);
        Assert.StartsWith("530 5.7.0", lines[2]);
        Assert.StartsWith("530 5.7.0", lines[3]);
        Assert.Contains("plain:AUTH PLAIN AHJvYm90AHMzY3JldA==", receiver.Transcript);
        Assert.Empty(receiver.Messages);
    }

    [Fact]
    public async Task Receiver_without_tls_requirement_takes_auth_in_clear_and_answers_unknown_commands_502()
    {
        using var receiver = Authenticated(o => o.RequireTls = false);
        var plain = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{User}\0{Password}"));
        var lines = await RawSessionAsync(receiver, "EHLO raw", "AUTH PLAIN " + plain, "VRFY x", "NOOP", "QUIT");
        Assert.StartsWith("235 2.7.0", lines[2]);
        Assert.StartsWith("502", lines[3]);
        Assert.StartsWith("250", lines[4]);
        Assert.StartsWith("221", lines[5]);
    }

    [Fact]
    public async Task Receiver_fails_transiently_once_then_accepts()
    {
        using var receiver = Authenticated(o => o.TransientFailures = 1);
        using var client = await ConnectAsync(receiver);
        await client.AuthenticateAsync(User, Password);
        var first = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Message()));
        Assert.Equal(451, (int)first.StatusCode);
        Assert.Empty(receiver.Messages);
        Assert.Equal(1, receiver.FailedAttempts);
        await client.SendAsync(Message());
        Assert.Single(receiver.Messages);
        Assert.Equal(1, receiver.FailedAttempts);
    }

    [Fact]
    public async Task Receiver_rejects_listed_recipients_with_550()
    {
        using var receiver = Authenticated(o => o.RejectRecipients.Add("Gone@Example.test"));
        using var client = await ConnectAsync(receiver);
        await client.AuthenticateAsync(User, Password);
        var e = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Message(to: "gone@example.test")));
        Assert.Equal(550, (int)e.StatusCode);
        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, e.ErrorCode);
        Assert.Empty(receiver.Messages);
    }

    [Fact]
    public async Task Receiver_refuses_messages_over_its_size_limit()
    {
        using var receiver = Authenticated(o => o.SizeLimit = 50_000);
        using var client = await ConnectAsync(receiver);
        await client.AuthenticateAsync(User, Password);
        Assert.Equal(50_000u, client.MaxSize);
        var e = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Message(attachment: new byte[60_000])));
        Assert.Equal(552, (int)e.StatusCode);
        await client.SendAsync(Message(attachment: new byte[1_000]));
        Assert.Single(receiver.Messages);
    }

    [Fact]
    public async Task Receiver_holding_the_data_reply_records_first_and_answers_on_release()
    {
        using var receiver = Authenticated(o => o.HoldDataReply = true);
        using var client = await ConnectAsync(receiver);
        await client.AuthenticateAsync(User, Password);
        var send = client.SendAsync(Message());
        Assert.True(receiver.WaitForMessages(1, TimeSpan.FromSeconds(10)));
        await Task.Delay(300);
        Assert.False(send.IsCompleted);
        Assert.Equal(1, receiver.HeldCount);
        receiver.ReleaseHeld();
        await send.WaitAsync(TimeSpan.FromSeconds(10));

        // a client that goes away while held frees the connection; the next one is held again
        var dying = await ConnectAsync(receiver);
        await dying.AuthenticateAsync(User, Password);
        var lost = dying.SendAsync(Message());
        Assert.True(receiver.WaitForMessages(2, TimeSpan.FromSeconds(10)));
        dying.Dispose();
        await Assert.ThrowsAnyAsync<Exception>(() => lost.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(SpinWait.SpinUntil(() => receiver.HeldCount == 0 && receiver.ConnectionCount == 1, TimeSpan.FromSeconds(10)));
        Assert.Equal(2, receiver.Messages.Count);
    }

    [Fact]
    public async Task Receiver_serves_concurrent_connections()
    {
        using var receiver = Authenticated();
        var received = 0;
        receiver.Received += _ => Interlocked.Increment(ref received);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            using var client = await ConnectAsync(receiver);
            await client.AuthenticateAsync(User, Password);
            await client.SendAsync(Message(to: $"r{i}@example.test"));
            await client.DisconnectAsync(true);
        }));
        Assert.True(receiver.WaitForMessages(6, TimeSpan.FromSeconds(5)));
        Assert.Equal(6, received);
        var expected = Enumerable.Range(0, 6).Select(i => $"r{i}@example.test").Order();
        Assert.Equal(expected, receiver.Messages.Select(m => m.Recipients[0]).Order());
    }

    /// <summary>Sends each line after reading one reply; returns the greeting then one (last-line) reply per command.</summary>
    private static async Task<List<string>> RawSessionAsync(SmtpReceiver receiver, params string[] commands)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(receiver.Host, receiver.Port);
        var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var replies = new List<string> { await ReadReplyAsync(reader) };
        foreach (var command in commands)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
            replies.Add(await ReadReplyAsync(reader));
        }
        return replies;
    }

    private static async Task<string> ReadReplyAsync(StreamReader reader)
    {
        while (true)
        {
            var line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) ?? throw new IOException("closed");
            if (line.Length < 4 || line[3] != '-') return line;
        }
    }
}

/// <summary>The WeCom and DingTalk robot imitations check what the real webhooks check.</summary>
public sealed class RobotReceiverSelfTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<(int Status, int ErrCode)> PostAsync(string url, object payload)
    {
        using var response = await Http.PostAsJsonAsync(url, payload);
        if ((int)response.StatusCode != 200) return ((int)response.StatusCode, -1);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (200, json.RootElement.GetProperty("errcode").GetInt32());
    }

    private static object Image(byte[] bytes, string? md5 = null) => new
    {
        msgtype = "image",
        image = new { base64 = Convert.ToBase64String(bytes), md5 = md5 ?? Convert.ToHexStringLower(MD5.HashData(bytes)) },
    };

    private static byte[] Png(int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return bytes;
    }

    private static string Signed(RobotReceiver robots, long timestamp, string secret, bool encode = true)
    {
        var sign = RobotReceiver.DingTalkSign(timestamp, secret);
        return $"{robots.DingTalkUrl}&timestamp={timestamp}&sign={(encode ? Uri.EscapeDataString(sign) : sign)}";
    }

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    [Fact]
    public async Task WeCom_receiver_checks_key_image_md5_size_format_and_markdown_length()
    {
        await using var robots = await RobotReceiver.StartAsync();
        var png = Png(10_000);
        Assert.Equal((200, 0), await PostAsync(robots.WeComUrl, Image(png)));
        var jpeg = RandomNumberGenerator.GetBytes(5_000);
        jpeg[0] = 0xFF; jpeg[1] = 0xD8; jpeg[2] = 0xFF;
        Assert.Equal((200, 0), await PostAsync(robots.WeComUrl, Image(jpeg)));
        // md5 of the base64 text instead of the bytes is the classic mistake
        var ofBase64 = Convert.ToHexStringLower(MD5.HashData(Encoding.ASCII.GetBytes(Convert.ToBase64String(png))));
        Assert.Equal((200, 301019), await PostAsync(robots.WeComUrl, Image(png, ofBase64)));
        Assert.Equal((200, 40009), await PostAsync(robots.WeComUrl, Image(Png(2 * 1024 * 1024 + 1))));
        Assert.Equal((200, 0), await PostAsync(robots.WeComUrl, Image(Png(2 * 1024 * 1024))));
        Assert.Equal((200, 40009), await PostAsync(robots.WeComUrl, Image(Encoding.ASCII.GetBytes("GIF89a not allowed"))));
        Assert.Equal((200, 93000), await PostAsync(robots.WeComUrl.Replace("wecom-test-key", "other"), Image(png)));

        // 1366 CJK characters are 4098 UTF-8 bytes: under 4096 characters, over the byte limit
        static object Markdown(int chars) => new { msgtype = "markdown", markdown = new { content = new string('库', chars) } };
        Assert.Equal((200, 40058), await PostAsync(robots.WeComUrl, Markdown(1366)));
        Assert.Equal((200, 0), await PostAsync(robots.WeComUrl, Markdown(1365)));
        Assert.Equal((200, 40058), await PostAsync(robots.WeComUrl, new { msgtype = "markdown", markdown = new { } }));
        Assert.Equal((200, 40008), await PostAsync(robots.WeComUrl, new { msgtype = "voice" }));

        Assert.Equal(4, robots.Accepted(RobotReceiver.WeCom).Count);
        Assert.Equal(11, robots.Requests.Count);
        Assert.All(robots.Requests, r => Assert.Equal("wecom", r.Kind));
        Assert.Equal("markdown", robots.Requests[^2].Json.RootElement.GetProperty("msgtype").GetString());
    }

    [Fact]
    public async Task DingTalk_receiver_checks_token_signature_and_timestamp()
    {
        await using var robots = await RobotReceiver.StartAsync();
        var text = new { msgtype = "text", text = new { content = "仓库简报" } };
        Assert.Equal((200, 0), await PostAsync(Signed(robots, Now, "SECtest-secret"), text));
        Assert.Equal((200, 310000), await PostAsync(Signed(robots, Now, "SECwrong"), text));
        Assert.Equal((200, 310000), await PostAsync(Signed(robots, Now - 2 * 3_600_000, "SECtest-secret"), text));
        Assert.Equal((200, 310000), await PostAsync(robots.DingTalkUrl, text));
        Assert.Equal((200, 300001), await PostAsync(Signed(robots, Now, "SECtest-secret").Replace("ding-test-token", "x"), text));

        // a Base64 sign holding '+' must be URL-encoded, or the server reads a space
        var ts = Now;
        while (!RobotReceiver.DingTalkSign(ts, "SECtest-secret").Contains('+')) ts--;
        Assert.Equal((200, 310000), await PostAsync(Signed(robots, ts, "SECtest-secret", encode: false), text));

        var untitled = new { msgtype = "markdown", markdown = new { text = "x" } };
        Assert.Equal((200, 40035), await PostAsync(Signed(robots, Now, "SECtest-secret"), untitled));
        Assert.Equal((200, 0), await PostAsync(Signed(robots, Now, "SECtest-secret"),
            new { msgtype = "markdown", markdown = new { title = "简报", text = "## 简报" } }));
        Assert.Equal((200, 0), await PostAsync(Signed(robots, Now, "SECtest-secret"),
            new { msgtype = "actionCard", actionCard = new { title = "t", text = "x", singleTitle = "open", singleURL = "http://x" } }));

        Assert.Equal(3, robots.Accepted(RobotReceiver.DingTalk).Count);
        Assert.Equal(9, robots.Requests.Count);
    }

    [Fact]
    public void DingTalk_sign_matches_an_independent_computation()
    {
        // computed with Python: base64(hmac.new(b'SECtest-secret', b'1700000000000\nSECtest-secret', sha256).digest())
        Assert.Equal("LC7hxZ4wslL+P7j7gu1hoQ+wzByekL+yWgiUMekZs0g=", RobotReceiver.DingTalkSign(1700000000000, "SECtest-secret"));
    }

    [Fact]
    public async Task Robot_receiver_fails_as_scripted_then_accepts()
    {
        await using var robots = await RobotReceiver.StartAsync();
        var weCom = new { msgtype = "text", text = new { content = "hi" } };
        robots.FailNext(RobotReceiver.WeCom, 2);
        robots.FailNext(RobotReceiver.DingTalk, 1, httpStatus: 200, errCode: 130101);
        Assert.Equal((503, -1), await PostAsync(robots.WeComUrl, weCom));
        Assert.Equal((200, 130101), await PostAsync(Signed(robots, Now, "SECtest-secret"), weCom));
        Assert.Equal((503, -1), await PostAsync(robots.WeComUrl, weCom));
        Assert.Equal((200, 0), await PostAsync(robots.WeComUrl, weCom));
        Assert.Equal((200, 0), await PostAsync(Signed(robots, Now, "SECtest-secret"), weCom));
        robots.FailNext(RobotReceiver.WeCom, 1, httpStatus: 200, errCode: 45009);
        Assert.Equal((200, 45009), await PostAsync(robots.WeComUrl, weCom));
        Assert.Single(robots.Accepted(RobotReceiver.WeCom));
        Assert.Single(robots.Accepted(RobotReceiver.DingTalk));
        Assert.Equal(6, robots.Requests.Count);
    }

    [Fact]
    public async Task Robot_receiver_holds_an_answer_until_release_or_disconnect()
    {
        await using var robots = await RobotReceiver.StartAsync();
        var weCom = new { msgtype = "text", text = new { content = "hi" } };
        robots.HoldNext(RobotReceiver.WeCom);
        var send = PostAsync(robots.WeComUrl, weCom);
        Assert.True(await robots.WaitForAcceptedAsync(RobotReceiver.WeCom, 1, TimeSpan.FromSeconds(10)));
        await Task.Delay(300);
        Assert.False(send.IsCompleted);
        robots.Release();
        Assert.Equal((200, 0), await send.WaitAsync(TimeSpan.FromSeconds(10)));

        // the sender dies mid-send: the request counts as accepted though no answer ever reached it
        robots.HoldNext(RobotReceiver.WeCom);
        using (var dying = new HttpClient())
        using (var cancel = new CancellationTokenSource())
        {
            var lost = dying.PostAsJsonAsync(robots.WeComUrl, weCom, cancel.Token);
            Assert.True(await robots.WaitForAcceptedAsync(RobotReceiver.WeCom, 2, TimeSpan.FromSeconds(10)));
            Assert.Equal(1, robots.HeldCount);
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lost);
        }
        Assert.True(SpinWait.SpinUntil(() => robots.HeldCount == 0, TimeSpan.FromSeconds(10)));
        Assert.Equal((200, 0), await PostAsync(robots.WeComUrl, weCom));
        Assert.Equal(3, robots.Accepted(RobotReceiver.WeCom).Count);
    }
}
