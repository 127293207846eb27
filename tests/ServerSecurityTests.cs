using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Warehouse.Cli;
using Warehouse.Cli.Serve;

namespace Warehouse.Tests;

/// <summary>The server's security rules: allowed hosts, the token on every request (header or sign-in cookie), cross-origin
/// mutations, the bound-address check after start, a taken port, and upload names. SQLite only: none depends on the engine.</summary>
[Collection("server")]
public class ServerSecurityTests
{
    private const string Token = "s3cret-Token_42";

    private static HttpRequestMessage Request(HttpMethod method, string path, string? host = null, string? origin = null)
    {
        var m = new HttpRequestMessage(method, path);
        if (host != null) m.Headers.Host = host;
        if (origin != null) m.Headers.Add("Origin", origin);
        return m;
    }

    private static int Port(TestServer s) => new Uri(s.Url).Port;

    // A client that shows redirects and Set-Cookie instead of following them.
    private static HttpClient RawClient(TestServer s) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(s.Url) };

    [Fact]
    public async Task A_foreign_host_is_refused_even_with_a_matching_origin()
    {
        await using var s = new TestServer();
        var host = $"evil.example:{Port(s)}";
        var read = await s.Http.SendAsync(Request(HttpMethod.Get, "/api/jobs", host));
        Assert.Equal(HttpStatusCode.BadRequest, read.StatusCode);
        var error = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Contains("evil.example", error);
        Assert.Contains("Warehouse:AllowedHosts", error);
        // DNS rebinding: the page on evil.example posts to its own origin, which now resolves to this server.
        var rebound = await s.Http.SendAsync(Request(HttpMethod.Post, "/api/jobs/nosuchjob/trigger", host, $"http://{host}"));
        Assert.Equal(HttpStatusCode.BadRequest, rebound.StatusCode);
    }

    [Fact]
    public async Task IP_literal_and_localhost_hosts_are_allowed_and_odd_number_forms_are_not()
    {
        await using var s = new TestServer();
        var port = Port(s);
        foreach (var host in new[] { $"127.0.0.1:{port}", $"localhost:{port}", $"LOCALHOST:{port}", $"[::1]:{port}", "10.1.2.3",
                     "[fe80::1]:8080" })
            Assert.True((await s.Http.SendAsync(Request(HttpMethod.Get, "/api/jobs", host))).StatusCode == HttpStatusCode.OK, host);
        foreach (var host in new[] { "0x7f.1", "127.1", "localhost.evil.example", "127.0.0.1.nip.io" })
            Assert.True((await s.Http.SendAsync(Request(HttpMethod.Get, "/api/jobs", host))).StatusCode == HttpStatusCode.BadRequest, host);
    }

    [Fact]
    public async Task The_allowed_hosts_setting_lets_a_name_through()
    {
        await using var s = new TestServer(new() { ["Warehouse:AllowedHosts"] = " stats.example.gov.cn ; *.intra.example,other.example" });
        foreach (var host in new[] {
                     "stats.example.gov.cn", "STATS.Example.GOV.cn:5080", "a.intra.example", "b.c.intra.example", "other.example" })
            Assert.True((await s.Http.SendAsync(Request(HttpMethod.Get, "/api/jobs", host))).StatusCode == HttpStatusCode.OK, host);
        foreach (var host in new[] { "intra.example", "evil.example", "xstats.example.gov.cn", "evilintra.example" })
            Assert.True((await s.Http.SendAsync(Request(HttpMethod.Get, "/api/jobs", host))).StatusCode == HttpStatusCode.BadRequest, host);
    }

    [Fact]
    public async Task With_a_token_every_get_needs_it_by_header_or_by_the_sign_in_cookie()
    {
        await using var s = new TestServer(new() { ["Warehouse:AccessToken"] = Token });
        var folder = Directory.CreateDirectory(Path.Combine(s.Warehouse.PathOf("out"), "briefing-2024-01"));
        await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "chart.png"), [0x89, 0x50, 0x4e, 0x47]);
        string[] paths = ["/", "/api/jobs", "/api/batches", "/api/rejects", "/api/briefings", "/api/briefings/briefing-2024-01/chart.png",
            "/hangfire"];
        using var raw = RawClient(s);

        foreach (var path in paths)
        {
            var r = await raw.GetAsync(path);
            Assert.True(r.StatusCode == HttpStatusCode.Unauthorized, $"{path} without token: {r.StatusCode}");
            Assert.Contains("X-Warehouse-Token", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }
        // A browser navigation is sent to the sign-in form, which comes back to the page asked for.
        var nav = Request(HttpMethod.Get, "/api/rejects?limit=5");
        nav.Headers.Add("Accept", "text/html,application/xhtml+xml");
        var redirect = await raw.SendAsync(nav);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/signin?return=%2Fapi%2Frejects%3Flimit%3D5", redirect.Headers.Location!.OriginalString);
        var form = await raw.GetAsync("/signin?return=%2Fapi%2Frejects");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("访问令牌", await form.Content.ReadAsStringAsync());

        var signIn = await raw.PostAsync("/signin", Form(Token, "/api/batches"));
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/api/batches", signIn.Headers.Location!.OriginalString);
        var setCookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(AccessGuard.TokenCookie + "=", setCookie);
        Assert.Contains("httponly", setCookie.ToLowerInvariant());
        Assert.Contains("samesite=strict", setCookie.ToLowerInvariant());
        Assert.Contains("path=/", setCookie.ToLowerInvariant());
        var cookie = setCookie.Split(';')[0];

        foreach (var path in paths)
        {
            var byHeader = Request(HttpMethod.Get, path);
            byHeader.Headers.Add(Dashboard.TokenHeader, Token);
            var byCookie = Request(HttpMethod.Get, path);
            byCookie.Headers.Add("Cookie", cookie);
            foreach (var m in new[] { byHeader, byCookie })
            {
                var r = await raw.SendAsync(m);
                Assert.True(r.StatusCode == HttpStatusCode.OK, $"{path} with {(m == byHeader ? "header" : "cookie")}: {r.StatusCode}");
            }
        }
        var signOut = Request(HttpMethod.Post, "/signout");
        signOut.Headers.Add("Cookie", cookie);
        var gone = await raw.SendAsync(signOut);
        Assert.Equal(HttpStatusCode.SeeOther, gone.StatusCode);
        Assert.Contains(gone.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AccessGuard.TokenCookie + "=;"));
    }

    [Fact]
    public async Task In_chromium_at_phone_width_the_sign_in_form_leads_to_a_working_dashboard()
    {
        await using var s = new TestServer(new() { ["Warehouse:AccessToken"] = Token });
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync(s.Url);
        Assert.Contains("/signin", page.Url);
        await page.FillAsync("#token", "wrong");
        await page.ClickAsync("button[type=submit]");
        await page.Locator(".err").Filter(new() { HasText = "错误" }).WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the form fits a phone");
        await page.FillAsync("#token", Token);
        await page.ClickAsync("button[type=submit]");
        await page.Locator("#jobs button[data-job=ingest]").WaitForAsync(); // the page's API reads went through with the cookie
        Assert.Equal(s.Url.TrimEnd('/') + "/", page.Url);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_by_header_cookie_and_form()
    {
        await using var s = new TestServer(new() { ["Warehouse:AccessToken"] = Token });
        using var raw = RawClient(s);
        foreach (var wrong in new[] { "s3cret", Token + "x", "", Token.ToUpperInvariant() })
        {
            var byHeader = Request(HttpMethod.Get, "/api/batches");
            byHeader.Headers.TryAddWithoutValidation(Dashboard.TokenHeader, wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, (await raw.SendAsync(byHeader)).StatusCode);
            var byCookie = Request(HttpMethod.Get, "/api/batches");
            byCookie.Headers.Add("Cookie", $"{AccessGuard.TokenCookie}={Uri.EscapeDataString(wrong)}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await raw.SendAsync(byCookie)).StatusCode);
        }
        var signIn = await raw.PostAsync("/signin", Form("guess", "/"));
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Contains("错误", await signIn.Content.ReadAsStringAsync());
        Assert.False(signIn.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("evil.example", "/")]
    [InlineData("", "/")]
    [InlineData("/api/rejects?limit=5", "/api/rejects?limit=5")]
    public async Task Sign_in_only_returns_to_a_local_path(string back, string expected)
    {
        await using var s = new TestServer(new() { ["Warehouse:AccessToken"] = Token });
        using var raw = RawClient(s);
        var r = await raw.PostAsync("/signin", Form(Token, back));
        Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode);
        Assert.Equal(expected, r.Headers.Location!.OriginalString);
        // The form itself never carries a foreign return path into its hidden field.
        var page = await (await raw.GetAsync("/signin?return=" + Uri.EscapeDataString(back))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("evil.example", page);
    }

    [Fact]
    public async Task A_cross_origin_post_is_refused()
    {
        await using var s = new TestServer();
        var other = await s.Http.SendAsync(Request(HttpMethod.Post, "/api/jobs/nosuchjob/trigger", origin: "http://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var otherPort = await s.Http.SendAsync(Request(HttpMethod.Post, "/api/jobs/nosuchjob/trigger",
            origin: $"http://127.0.0.1:{Port(s) + 1}"));
        Assert.Equal(HttpStatusCode.Forbidden, otherPort.StatusCode);
        var marked = Request(HttpMethod.Post, "/api/jobs/nosuchjob/trigger");
        marked.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Http.SendAsync(marked)).StatusCode);
        var signIn = await s.Http.SendAsync(Request(HttpMethod.Post, "/signin", origin: "http://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        // The same origin passes the guard and reaches the handler (404: no such job).
        var same = await s.Http.SendAsync(Request(HttpMethod.Post, "/api/jobs/nosuchjob/trigger", origin: s.Url.TrimEnd('/')));
        Assert.Equal(HttpStatusCode.NotFound, same.StatusCode);
    }

    [Fact]
    public async Task A_kestrel_endpoint_from_configuration_on_all_interfaces_without_a_token_stops_the_start()
    {
        using var wh = new TempWarehouse();
        var settings = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:extra:Url"] = "http://0.0.0.0:0",
            ["Warehouse:Inbox"] = wh.PathOf("inbox"), ["Warehouse:BriefingsDir"] = wh.PathOf("out"),
            ["Warehouse:Schedules:ingest"] = "", ["Warehouse:Schedules:briefing"] = "",
        };
        await using (var app = Dashboard.Build(new Workspace(TempWarehouse.RepoRoot, wh.Dialect), "http://127.0.0.1:0", settings))
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Dashboard.StartAsync(app));
            Assert.Contains("监听非本机地址 http://0.0.0.0:", ex.Message);
            Assert.Contains("requires Warehouse:AccessToken (or env Warehouse__AccessToken)", ex.Message);
        }
        settings["Warehouse:AccessToken"] = Token;
        await using (var app = Dashboard.Build(new Workspace(TempWarehouse.RepoRoot, wh.Dialect), "http://127.0.0.1:0", settings))
        {
            await Dashboard.StartAsync(app);
            Assert.Contains(Dashboard.Addresses(app), a => a.StartsWith("http://0.0.0.0:"));
            await app.StopAsync();
        }
    }

    [Fact]
    public void A_token_an_http_header_cannot_carry_is_refused_at_start()
    {
        using var wh = new TempWarehouse();
        var ws = new Workspace(TempWarehouse.RepoRoot, wh.Dialect);
        var ex = Assert.Throws<InvalidOperationException>(() => Dashboard.Build(ws, "http://127.0.0.1:0",
            new Dictionary<string, string?> { ["Warehouse:AccessToken"] = "令牌", ["Warehouse:Schedules:ingest"] = "" }));
        Assert.Contains("printable ASCII", ex.Message);
    }

    [Fact]
    public async Task Until_the_addresses_are_checked_every_request_gets_503()
    {
        var guard = new AccessGuard(null, []);
        var ctx = new DefaultHttpContext { Request = { Method = "GET", Path = "/", Host = new HostString("127.0.0.1") } };
        var passed = false;
        await guard.InvokeAsync(ctx, () => { passed = true; return Task.CompletedTask; });
        Assert.False(passed);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, ctx.Response.StatusCode);
    }

    [Fact]
    public void Serve_on_a_port_in_use_is_a_one_line_error()
    {
        using var wh = new TempWarehouse();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        var r = CliProcess.Run("--db", wh.Db, "serve", "--urls", url);
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: 端口已被占用 / address already in use: " + url, line);
        CliProcess.AssertNoStackTrace(r.Stdout + r.Stderr);
    }

    [Fact]
    public async Task Hostile_upload_names_are_reduced_to_a_safe_base_name_or_refused_never_500()
    {
        await using var s = new TestServer();
        var inbox = s.Warehouse.PathOf("inbox");
        var before = Files(s.Warehouse.Dir);
        var cases = new (string Name, string? Saved)[]
        {
            ("../../etc/passwd.csv", "passwd.csv"),
            ("../escaped.csv", "escaped.csv"),
            ("..\\..\\x.csv", "x.csv"),
            ("C:\\Users\\me\\统计.csv", "统计.csv"),
            ("a\u0000b.csv", "ab.csv"),
            ("a\r\nb\u001b.csv", "ab.csv"),
            ("a<b>:c\"d|e?f*.csv", "abcdef.csv"),
            ("e\u0301té.csv", "\u00e9té.csv"),
            (" ..report.csv.. ", "report.csv"),
            ("CON.csv", "CON.csv"),
            (new string('长', 296) + ".csv", new string('长', 65) + ".csv"), // 199 bytes: 长 is 3 in UTF-8
            (new string('统', 100) + ".csv", new string('统', 65) + ".csv"), // 104 characters, but 304 bytes
            (new string('x', 296) + ".xlsx", new string('x', 115) + ".xlsx"),
            ("a" + string.Concat(Enumerable.Repeat("😀", 150)) + ".csv", "a" + string.Concat(Enumerable.Repeat("😀", 48)) + ".csv"),
            (".csv", null),
            ("   .csv", null),
            ("...", null),
            ("x.exe", null),
            ("x.csv.exe", null),
            ("", null),
            ("/", null),
        };
        var problems = new List<string>();
        foreach (var (name, saved) in cases)
        {
            var r = await s.Http.PostAsync("/api/inbox", Upload(name));
            var body = await r.Content.ReadAsStringAsync();
            if (saved == null)
            {
                if (r.StatusCode != HttpStatusCode.BadRequest) problems.Add($"{Show(name)}: {r.StatusCode} {body}");
                continue;
            }
            if (r.StatusCode != HttpStatusCode.OK) { problems.Add($"{Show(name)}: {r.StatusCode} {body}"); continue; }
            var got = JsonDocument.Parse(body).RootElement.GetProperty("saved")[0].GetString()!;
            if (got != saved || !File.Exists(Path.Combine(inbox, got))
                || got.Length > UploadNames.MaxLength || Encoding.UTF8.GetByteCount(got) > UploadNames.MaxBytes)
                problems.Add($"{Show(name)}: saved as {Show(got)}, expected {Show(saved)}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var outside = Files(s.Warehouse.Dir).Except(before)
            .Where(f => !f.StartsWith(inbox + Path.DirectorySeparatorChar))
            .Where(f => !f.EndsWith("-wal") && !f.EndsWith("-shm") && !f.EndsWith("-journal")); // SQLite's own files
        Assert.Empty(outside);
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(inbox, "../escaped.csv"))));
        Assert.Empty(Directory.GetFiles(inbox, "*.part", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_chinese_upload_name_survives_and_an_upload_without_a_file_is_400()
    {
        await using var s = new TestServer();
        var content = new MultipartFormDataContent { { new ByteArrayContent("a,b\n"u8.ToArray()), "file", "宜兴市2024年统计.xlsx" } };
        var r = await s.Http.PostAsync("/api/inbox", content);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("宜兴市2024年统计.xlsx", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("saved")[0].GetString());
        Assert.True(File.Exists(Path.Combine(s.Warehouse.PathOf("inbox"), "宜兴市2024年统计.xlsx")));

        var noFile = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Http.PostAsync("/api/inbox", noFile)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Http.PostAsync("/api/inbox", new MultipartFormDataContent())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Http.PostAsync("/api/inbox", new StringContent("x"))).StatusCode);
        // A multipart body cut off before its end.
        var broken = new ByteArrayContent("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc"u8.ToArray());
        broken.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=B");
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Http.PostAsync("/api/inbox", broken)).StatusCode);
    }

    [Fact]
    public async Task Without_a_token_the_sign_in_form_sends_you_straight_back()
    {
        await using var s = new TestServer();
        using var raw = RawClient(s);
        var r = await raw.GetAsync("/signin?return=%2Fapi%2Fjobs");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/api/jobs", r.Headers.Location!.OriginalString);
    }

    // The name goes in filename* (RFC 5987, percent-encoded UTF-8), which can carry any character, NUL and CR LF included.
    private static HttpContent Upload(string name)
    {
        var body = "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload\"; filename*=UTF-8''"
            + Uri.EscapeDataString(name) + "\r\nContent-Type: application/octet-stream\r\n\r\na,b\r\n--B--\r\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=B");
        return content;
    }

    private static FormUrlEncodedContent Form(string token, string back) =>
        new(new Dictionary<string, string> { ["token"] = token, ["return"] = back });

    private static string Show(string s) => UploadNames.Shown(s);

    private static HashSet<string> Files(string dir) => Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToHashSet();
}
