using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Warehouse.Cli.Serve;

/// <summary>Hangfire's log messages into the server's own logging (so `Logging:LogLevel:Hangfire` applies).</summary>
/// <remarks>Hangfire keeps one log provider for the whole process; when a process hosts a server after another has stopped
/// (the tests do), the stopped server's logger factory is disposed: its messages are dropped, never thrown.</remarks>
public sealed class HangfireLog(ILoggerFactory factory) : ILogProvider
{
    /// <summary>A logger for one Hangfire category.</summary>
    public ILog GetLogger(string name) => new CategoryLog(factory, name);

    private sealed class CategoryLog(ILoggerFactory factory, string name) : ILog
    {
        private ILogger? _logger;

        public bool Log(HangfireLevel level, Func<string>? message, Exception? exception = null)
        {
            try
            {
                var logger = _logger ??= factory.CreateLogger(name);
                var mapped = level switch
                {
                    HangfireLevel.Trace => LogLevel.Trace, HangfireLevel.Debug => LogLevel.Debug, HangfireLevel.Info => LogLevel.Information,
                    HangfireLevel.Warn => LogLevel.Warning, HangfireLevel.Error => LogLevel.Error, _ => LogLevel.Critical,
                };
                if (message == null) return logger.IsEnabled(mapped);
                if (logger.IsEnabled(mapped)) logger.Log(mapped, 0, exception, "{Message}", message());
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
