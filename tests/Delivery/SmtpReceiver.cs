using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MimeKit;

namespace Warehouse.Tests.Delivery;

/// <summary>How an <see cref="SmtpReceiver"/> behaves; settable so a test can change it between sends.</summary>
public sealed class SmtpReceiverOptions
{
    /// <summary>User name AUTH must present; null means AUTH is not required and any credentials are accepted.</summary>
    public string? User { get; set; }

    /// <summary>Password AUTH must present together with <see cref="User"/>.</summary>
    public string? Password { get; set; }

    /// <summary>Refuse AUTH and MAIL until STARTTLS has been done, as every sane submission server does.</summary>
    public bool RequireTls { get; set; } = true;

    /// <summary>Largest message in bytes (advertised as SIZE, checked on MAIL FROM SIZE= and after DATA); null means no limit.</summary>
    public long? SizeLimit { get; set; }

    /// <summary>How many messages to answer with 451 after DATA before accepting any.</summary>
    public int TransientFailures { get; set; }

    /// <summary>Recipients answered with 550 5.1.1 at RCPT TO.</summary>
    public HashSet<string> RejectRecipients { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>After recording a message, withhold the 250 until <see cref="SmtpReceiver.ReleaseHeld"/> or client disconnect.</summary>
    public bool HoldDataReply { get; set; }
}

/// <summary>One message the receiver accepted: envelope, raw bytes as transmitted (dot-stuffing undone) and session facts.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, byte[] Raw, bool UsedTls, string? AuthUser)
{
    /// <summary>The raw bytes parsed as a MIME message.</summary>
    public MimeMessage Parse() => MimeMessage.Load(new MemoryStream(Raw, writable: false));
}

/// <summary>An in-process SMTP server on loopback (RFC 5321 subset, STARTTLS, AUTH PLAIN/LOGIN) for delivery tests.</summary>
public sealed class SmtpReceiver : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _clients = new();
    private readonly object _gate = new();
    private readonly List<ReceivedMail> _messages = [];
    private readonly List<string> _transcript = [];
    private TaskCompletionSource _release = NewRelease();
    private int _failed;
    private int _held;

    /// <summary>The receiver's behaviour; properties may be changed while it runs.</summary>
    public SmtpReceiverOptions Options { get; }

    /// <summary>The self-signed certificate presented on STARTTLS (CN=localhost, SAN localhost and 127.0.0.1).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Uppercase hex SHA-256 of the certificate's DER bytes, for pinning in the client's validation callback.</summary>
    public string CertificateSha256 { get; }

    /// <summary>The loopback address the receiver listens on.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The port the receiver listens on (chosen by the OS).</summary>
    public int Port { get; }

    /// <summary>Raised (on the connection's task) after a message has been recorded.</summary>
    public event Action<ReceivedMail>? Received;

    private SmtpReceiver(SmtpReceiverOptions options)
    {
        Options = options;
        Certificate = CreateCertificate();
        CertificateSha256 = Convert.ToHexString(SHA256.HashData(Certificate.RawData));
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Starts a receiver on a free loopback port.</summary>
    public static SmtpReceiver Start(SmtpReceiverOptions? options = null) => new(options ?? new SmtpReceiverOptions());

    /// <summary>Snapshot of the messages accepted so far, in order of acceptance.</summary>
    public IReadOnlyList<ReceivedMail> Messages { get { lock (_gate) return _messages.ToArray(); } }

    /// <summary>Client lines as received (DATA content excluded), each prefixed "plain:" or "tls:" by the channel it came over.</summary>
    public IReadOnlyList<string> Transcript { get { lock (_gate) return _transcript.ToArray(); } }

    /// <summary>How many messages were answered 451 because of <see cref="SmtpReceiverOptions.TransientFailures"/>.</summary>
    public int FailedAttempts => Volatile.Read(ref _failed);

    /// <summary>How many DATA replies are being withheld right now.</summary>
    public int HeldCount => Volatile.Read(ref _held);

    /// <summary>How many client connections are open right now.</summary>
    public int ConnectionCount => _clients.Count;

    /// <summary>Waits until at least <paramref name="count"/> messages were accepted; false on timeout.</summary>
    public bool WaitForMessages(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while (_messages.Count < count)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) return false;
                Monitor.Wait(_gate, left);
            }
            return true;
        }
    }

    /// <summary>Lets every DATA reply held so far go out; later messages are held again while HoldDataReply is set.</summary>
    public void ReleaseHeld() => Interlocked.Exchange(ref _release, NewRelease()).TrySetResult();

    /// <summary>Stops listening, closes every connection and releases held replies.</summary>
    public void Dispose()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _clients.Keys) client.Dispose();
        ReleaseHeld();
    }

    private static TaskCompletionSource NewRelease() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // SslStream on Linux wants a key it can export; an ephemeral CreateSelfSigned key is not, a PFX round trip fixes that
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            catch (SocketException) { continue; }
            _clients.TryAdd(client, 0);
            _ = Task.Run(async () =>
            {
                try { await ServeAsync(client); }
                catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException
                                              or SocketException or AuthenticationException or InvalidOperationException) { }
                finally
                {
                    _clients.TryRemove(client, out _);
                    client.Dispose();
                }
            });
        }
    }

    /// <summary>State of one SMTP session.</summary>
    private sealed class Session(Stream stream)
    {
        public Stream Stream = stream;
        public LineReader Reader = new(stream);
        public bool Tls;
        public bool Hello;
        public string? AuthUser;
        public bool Authenticated;
        public string? From;
        public readonly List<string> Recipients = [];

        public void ResetTransaction() { From = null; Recipients.Clear(); }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var ct = _stop.Token;
        var s = new Session(client.GetStream());
        await ReplyAsync(s, "220 localhost ESMTP Warehouse test receiver", ct);
        while (true)
        {
            var line = await ReadCommandAsync(s, ct);
            if (line == null) return;
            var space = line.IndexOf(' ');
            var verb = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var arg = space < 0 ? "" : line[(space + 1)..].Trim();
            switch (verb)
            {
                case "EHLO":
                    s.Hello = true;
                    s.ResetTransaction();
                    await ReplyAsync(s, EhloReply(s), ct);
                    break;
                case "HELO":
                    s.Hello = true;
                    s.ResetTransaction();
                    await ReplyAsync(s, "250 localhost", ct);
                    break;
                case "STARTTLS":
                    if (s.Tls) { await ReplyAsync(s, "503 5.5.1 TLS already active", ct); break; }
                    await ReplyAsync(s, "220 2.0.0 Ready to start TLS", ct);
                    var ssl = new SslStream(s.Stream, leaveInnerStreamOpen: false);
                    await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate }, ct);
                    // RFC 3207: forget everything learnt in clear, including anything the client sent ahead of the handshake
                    s = new Session(ssl) { Tls = true };
                    break;
                case "AUTH":
                    await AuthAsync(s, arg, ct);
                    break;
                case "MAIL":
                    await MailAsync(s, arg, ct);
                    break;
                case "RCPT":
                    await RcptAsync(s, arg, ct);
                    break;
                case "DATA":
                    if (!await DataAsync(s, ct)) return;
                    break;
                case "RSET":
                    s.ResetTransaction();
                    await ReplyAsync(s, "250 2.0.0 OK", ct);
                    break;
                case "NOOP":
                    await ReplyAsync(s, "250 2.0.0 OK", ct);
                    break;
                case "QUIT":
                    await ReplyAsync(s, "221 2.0.0 Bye", ct);
                    return;
                default:
                    await ReplyAsync(s, "502 5.5.2 Command not implemented", ct);
                    break;
            }
        }
    }

    private string EhloReply(Session s)
    {
        var lines = new List<string> { "localhost greets you" };
        if (Options.SizeLimit is { } limit) lines.Add($"SIZE {limit}");
        if (!s.Tls) lines.Add("STARTTLS");
        if (s.Tls || !Options.RequireTls) lines.Add("AUTH PLAIN LOGIN");
        lines.Add("ENHANCEDSTATUSCODES");
        lines.Add("8BITMIME");
        return string.Join("\r\n", lines.Select((l, i) => (i == lines.Count - 1 ? "250 " : "250-") + l));
    }

    private async Task AuthAsync(Session s, string arg, CancellationToken ct)
    {
        if (!s.Tls && Options.RequireTls) { await ReplyAsync(s, "530 5.7.0 Must issue a STARTTLS command first", ct); return; }
        if (s.Authenticated) { await ReplyAsync(s, "503 5.5.1 Already authenticated", ct); return; }
        if (s.From != null) { await ReplyAsync(s, "503 5.5.1 AUTH not allowed during a mail transaction", ct); return; }
        var parts = arg.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var mechanism = parts.Length > 0 ? parts[0].ToUpperInvariant() : "";
        string? user, password;
        if (mechanism == "PLAIN")
        {
            var response = parts.Length > 1 ? parts[1] : await ChallengeAsync(s, "334 ", ct);
            if (response == null) return;
            var decoded = DecodeBase64(response)?.Split('\0');
            if (decoded is not { Length: 3 }) { await ReplyAsync(s, "501 5.5.2 Malformed PLAIN response", ct); return; }
            (user, password) = (decoded[1], decoded[2]);
        }
        else if (mechanism == "LOGIN")
        {
            var userB64 = parts.Length > 1 ? parts[1] : await ChallengeAsync(s, "334 VXNlcm5hbWU6", ct);
            if (userB64 == null) return;
            var passB64 = await ChallengeAsync(s, "334 UGFzc3dvcmQ6", ct);
            if (passB64 == null) return;
            (user, password) = (DecodeBase64(userB64), DecodeBase64(passB64));
            if (user == null || password == null) { await ReplyAsync(s, "501 5.5.2 Malformed base64", ct); return; }
        }
        else { await ReplyAsync(s, "504 5.5.4 Unrecognized authentication type", ct); return; }

        // with no user configured any credentials do, so a client that always authenticates can still be tested
        if (Options.User != null && (user != Options.User || password != Options.Password))
        {
            await ReplyAsync(s, "535 5.7.8 Authentication credentials invalid", ct);
            return;
        }
        s.Authenticated = true;
        s.AuthUser = user;
        await ReplyAsync(s, "235 2.7.0 Authentication successful", ct);
    }

    /// <summary>Sends a 334 challenge and returns the client's answer, or null (after replying) when it cancelled.</summary>
    private async Task<string?> ChallengeAsync(Session s, string challenge, CancellationToken ct)
    {
        await ReplyAsync(s, challenge, ct);
        var answer = await ReadCommandAsync(s, ct) ?? throw new IOException("client closed during AUTH");
        if (answer.Trim() != "*") return answer.Trim();
        await ReplyAsync(s, "501 5.7.0 Authentication cancelled", ct);
        return null;
    }

    private static string? DecodeBase64(string text)
    {
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(text)); }
        catch (FormatException) { return null; }
    }

    private async Task MailAsync(Session s, string arg, CancellationToken ct)
    {
        if (!s.Hello) { await ReplyAsync(s, "503 5.5.1 EHLO first", ct); return; }
        if (!s.Tls && Options.RequireTls) { await ReplyAsync(s, "530 5.7.0 Must issue a STARTTLS command first", ct); return; }
        if (Options.User != null && !s.Authenticated) { await ReplyAsync(s, "530 5.7.0 Authentication required", ct); return; }
        if (s.From != null) { await ReplyAsync(s, "503 5.5.1 Nested MAIL command", ct); return; }
        if (!TryPath(arg, "FROM:", out var from, out var parameters))
        {
            await ReplyAsync(s, "501 5.5.4 Syntax: MAIL FROM:<address>", ct);
            return;
        }
        foreach (var p in parameters)
        {
            if (p.StartsWith("SIZE=", StringComparison.OrdinalIgnoreCase) && long.TryParse(p[5..], out var size)
                && Options.SizeLimit is { } limit && size > limit)
            {
                await ReplyAsync(s, "552 5.3.4 Message size exceeds fixed maximum message size", ct);
                return;
            }
        }
        s.From = from;
        await ReplyAsync(s, "250 2.1.0 Sender OK", ct);
    }

    private async Task RcptAsync(Session s, string arg, CancellationToken ct)
    {
        if (s.From == null) { await ReplyAsync(s, "503 5.5.1 Need MAIL before RCPT", ct); return; }
        if (!TryPath(arg, "TO:", out var to, out _) || to.Length == 0)
        {
            await ReplyAsync(s, "501 5.5.4 Syntax: RCPT TO:<address>", ct);
            return;
        }
        if (Options.RejectRecipients.Contains(to)) { await ReplyAsync(s, "550 5.1.1 Mailbox unavailable", ct); return; }
        s.Recipients.Add(to);
        await ReplyAsync(s, "250 2.1.5 Recipient OK", ct);
    }

    /// <summary>Splits "FROM:&lt;a@b&gt; SIZE=1" into the address and the ESMTP parameters.</summary>
    private static bool TryPath(string arg, string keyword, out string address, out string[] parameters)
    {
        address = "";
        parameters = [];
        if (!arg.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)) return false;
        var rest = arg[keyword.Length..].TrimStart();
        if (!rest.StartsWith('<')) return false;
        var close = rest.IndexOf('>');
        if (close < 0) return false;
        address = rest[1..close];
        parameters = rest[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return true;
    }

    /// <summary>Handles DATA; false when the connection ended while a reply was held.</summary>
    private async Task<bool> DataAsync(Session s, CancellationToken ct)
    {
        if (s.From == null) { await ReplyAsync(s, "503 5.5.1 Need MAIL command", ct); return true; }
        if (s.Recipients.Count == 0) { await ReplyAsync(s, "554 5.5.1 No valid recipients", ct); return true; }
        await ReplyAsync(s, "354 Start mail input; end with <CRLF>.<CRLF>", ct);
        var raw = new MemoryStream();
        while (true)
        {
            var line = await s.Reader.ReadLineAsync(ct) ?? throw new IOException("client closed during DATA");
            if (IsTerminator(line)) break;
            // a leading dot was added by the client's dot-stuffing; the content itself is kept byte for byte
            var skip = line.Length > 0 && line[0] == (byte)'.' ? 1 : 0;
            raw.Write(line, skip, line.Length - skip);
        }
        var from = s.From;
        var recipients = s.Recipients.ToArray();
        s.ResetTransaction();

        if (Options.SizeLimit is { } limit && raw.Length > limit)
        {
            await ReplyAsync(s, "552 5.3.4 Message size exceeds fixed maximum message size", ct);
            return true;
        }
        bool transient;
        lock (_gate)
        {
            transient = _failed < Options.TransientFailures;
            if (transient) _failed++;
        }
        if (transient)
        {
            await ReplyAsync(s, "451 4.3.0 try again later", ct);
            return true;
        }
        // taken before recording so a ReleaseHeld() made after WaitForMessages() saw this message cannot be missed
        var release = Volatile.Read(ref _release).Task;
        var mail = new ReceivedMail(from, recipients, raw.ToArray(), s.Tls, s.AuthUser);
        lock (_gate)
        {
            _messages.Add(mail);
            Monitor.PulseAll(_gate);
        }
        Received?.Invoke(mail);
        if (Options.HoldDataReply)
        {
            Interlocked.Increment(ref _held);
            try { if (!await HoldAsync(s, release, ct)) return false; }
            finally { Interlocked.Decrement(ref _held); }
        }
        await ReplyAsync(s, "250 2.0.0 queued", ct);
        return true;
    }

    /// <summary>Waits for a release; false when the client closed the connection first.</summary>
    private static async Task<bool> HoldAsync(Session s, Task release, CancellationToken ct)
    {
        // a pending read notices the client going away; anything it did send stays buffered for the next command
        var closed = s.Reader.FillAsync(ct);
        while (true)
        {
            var done = await Task.WhenAny(release, closed);
            if (done == release) return !ct.IsCancellationRequested;
            if (closed.IsFaulted || closed.IsCanceled || !await closed) return false;
            closed = s.Reader.FillAsync(ct);
        }
    }

    private static bool IsTerminator(byte[] line) =>
        line is [(byte)'.', (byte)'\r', (byte)'\n'] or [(byte)'.', (byte)'\n'] or [(byte)'.'];

    private async Task<string?> ReadCommandAsync(Session s, CancellationToken ct)
    {
        var bytes = await s.Reader.ReadLineAsync(ct);
        if (bytes == null) return null;
        var line = Encoding.UTF8.GetString(bytes).TrimEnd('\r', '\n');
        lock (_gate) _transcript.Add((s.Tls ? "tls:" : "plain:") + line);
        return line;
    }

    private static async Task ReplyAsync(Session s, string reply, CancellationToken ct)
    {
        await s.Stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), ct);
        await s.Stream.FlushAsync(ct);
    }

    /// <summary>Reads byte lines (terminator included) without reading past what it needs to hand out.</summary>
    private sealed class LineReader(Stream stream)
    {
        private byte[] _buffer = new byte[8192];
        private int _start, _end;
        private Task<bool>? _pending;

        /// <summary>Reads more bytes into the buffer; false at end of stream. Safe to call again while a fill is pending.</summary>
        public Task<bool> FillAsync(CancellationToken ct)
        {
            // a read left running by a held reply must be awaited, not doubled: two reads at once would interleave bytes
            if (_pending is { IsCompleted: false }) return _pending;
            return _pending = FillCoreAsync(ct);
        }

        private async Task<bool> FillCoreAsync(CancellationToken ct)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                (_end, _start) = (_end - _start, 0);
            }
            if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            var n = await stream.ReadAsync(_buffer.AsMemory(_end), ct);
            _end += n;
            return n > 0;
        }

        /// <summary>The next line including its LF (or the unterminated tail at end of stream); null at end of stream.</summary>
        public async Task<byte[]?> ReadLineAsync(CancellationToken ct)
        {
            var scanned = _start;
            while (true)
            {
                var lf = Array.IndexOf(_buffer, (byte)'\n', scanned, _end - scanned);
                if (lf >= 0)
                {
                    var line = _buffer[_start..(lf + 1)];
                    _start = lf + 1;
                    return line;
                }
                var offset = scanned - _start;
                if (!await FillAsync(ct))
                {
                    if (_end == _start) return null;
                    var tail = _buffer[_start.._end];
                    _start = _end;
                    return tail;
                }
                scanned = _start + offset;
            }
        }
    }
}
