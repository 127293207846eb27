using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Warehouse.Cli.Serve;

namespace Warehouse.Cli;

/// <summary>serve: the scheduler and dashboard.</summary>
public static class ServeCommand
{
    /// <summary>Registers the command on the root.</summary>
    public static void Add(RootCommand root, Option<string?> db)
    {
        var serve = new Command("serve", "运行定时作业与仪表盘 / run the scheduled jobs and the dashboard");
        var urls = new Option<string>("--urls") { Description = "监听地址 / listen address", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        serve.Options.Add(urls);
        serve.SetAction(r =>
        {
            try
            {
                using var app = Dashboard.Build(Workspace.Resolve(r.GetValue(db)), r.GetValue(urls)!);
                Dashboard.StartAsync(app).GetAwaiter().GetResult(); // checks the addresses really bound, config endpoints too
                Console.WriteLine($"仪表盘 / dashboard: {string.Join(" ", Dashboard.Addresses(app))}  (Ctrl+C 停止 / to stop)");
                foreach (var line in Dashboard.Summary(app)) Console.WriteLine(line);
                app.WaitForShutdown();
                return 0;
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return 2;
            }
        });
        root.Subcommands.Add(serve);
    }
}
