using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Warehouse.Cli.Serve;

/// <summary>After the server started, checks the addresses it really listens on (its own list, which includes Kestrel
/// endpoints from configuration, not only --urls): a non-loopback one without an access token stops the start.
/// Only then does the guard let requests through.</summary>
public sealed class BoundAddresses(IServer server, AccessGuard guard) : IHostedLifecycleService
{
    /// <summary>Throws with a clear message when an address is not loopback and no token is set.</summary>
    public static void Check(IEnumerable<string> addresses, string? token)
    {
        if (token != null) return;
        foreach (var address in addresses)
            if (!IsLoopback(address))
                throw new InvalidOperationException(
                    $"监听非本机地址 {address} 需要先配置访问令牌 / listening on {address} requires Warehouse:AccessToken "
                    + "(or env Warehouse__AccessToken)");
    }

    /// <summary>Whether only this machine can reach the address: localhost, a loopback IP or a Unix socket. Any other name,
    /// 0.0.0.0, [::], * and + are reachable from the network.</summary>
    public static bool IsLoopback(string address)
    {
        BindingAddress parsed;
        try { parsed = BindingAddress.Parse(address); }
        catch (FormatException) { return false; }
        if (parsed.IsUnixPipe) return true;
        var host = parsed.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>Starts the app and checks its addresses; on failure (port in use, public address without token) stops it
    /// again and throws an InvalidOperationException with a one-line message.</summary>
    public static async Task StartAsync(WebApplication app)
    {
        try
        {
            await app.StartAsync();
        }
        catch (Exception ex) when (InUse(ex) is { } io)
        {
            await app.StopAsync();
            var address = Regex.Match(io.Message, @"address (\S+): ") is { Success: true } m ? m.Groups[1].Value : "";
            throw new InvalidOperationException(
                $"端口已被占用 / address already in use: {address} — 换一个 --urls 或停止占用它的进程", ex);
        }
        catch (InvalidOperationException)
        {
            await app.StopAsync();
            throw;
        }
    }

    // Kestrel reports a taken port as an IOException wrapping AddressInUseException, sometimes inside an AggregateException.
    private static Exception? InUse(Exception ex) => ex switch
    {
        AggregateException agg => agg.InnerExceptions.Select(InUse).FirstOrDefault(x => x != null),
        AddressInUseException or IOException { InnerException: AddressInUseException } => ex,
        { InnerException: { } inner } => InUse(inner),
        _ => null,
    };

    /// <inheritdoc/>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        Check(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [], guard.Token);
        guard.Open();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
