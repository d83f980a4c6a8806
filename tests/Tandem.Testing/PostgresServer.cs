using System.Diagnostics;

using Npgsql;

namespace Tandem.Tests.Infrastructure;

/// <summary>Stops and starts the local PostgreSQL server (Debian's pg_ctlcluster; needs root, as in CI).</summary>
public static class PostgresServer
{
    public static void RequireControl()
    {
        var canControl = Environment.UserName == "root" && File.Exists("/usr/bin/pg_ctlcluster") && Directory.Exists("/etc/postgresql");
        if (!canControl)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException("CI must be able to restart PostgreSQL (root and pg_ctlcluster).");
            }

            Assert.Skip("Restarting PostgreSQL needs root and Debian's pg_ctlcluster.");
        }
    }

    public static Task StopAsync() => ControlAsync("stop");

    /// <summary>Starts PostgreSQL; connections pooled before it stopped are dropped, since the server ended them.</summary>
    public static async Task StartAsync()
    {
        await ControlAsync("start");
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task ControlAsync(string action)
    {
        var version = Directory.GetDirectories("/etc/postgresql").Select(Path.GetFileName).OrderBy(v => v).Last()!;
        using var process = Process.Start(new ProcessStartInfo("pg_ctlcluster", [version, "main", action]) { RedirectStandardError = true })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctlcluster {action} failed: {await process.StandardError.ReadToEndAsync()}");
        }
    }
}
