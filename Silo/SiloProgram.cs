using Tandem.Hosting.Configuration;
using Tandem.Hosting.Database;
using Tandem.Hosting.Health;

namespace Tandem.Silo;

/// <summary>
/// A silo-only node: hosts grains; its only HTTP endpoints are /health/live and /health/ready (for probes), and
/// /metrics for callers on the same machine (<see cref="Observability.AllowRemoteKey"/> opens it further).
/// <c>migrate</c> applies the database schema and exits.
/// </summary>
public static class SiloProgram
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args.Where(a => a != "migrate").ToArray());
        builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning).AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (builder.Configuration["Urls"] is null)
        {
            builder.WebHost.UseUrls("http://localhost:5081"); // health endpoints; the Api has 5080
        }

        if (args.Contains("migrate"))
        {
            return await MigrateAsync(builder);
        }

        builder.AddTandemSilo();
        builder.Services.AddHealthChecks().AddCheck<SiloActiveCheck>("silo", tags: ["ready"]);
        var app = builder.Build();
        app.UseLocalOnlyMetrics(app.Configuration);
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        app.MapTandemMetrics();
        await app.RunAsync();
        return 0;
    }

    private static async Task<int> MigrateAsync(WebApplicationBuilder builder)
    {
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>();
        if (TandemClusterOptions.ConnectionString(builder.Configuration) is not { } connectionString)
        {
            logger.CreateLogger("migrate").NothingToMigrate(TandemClusterOptions.ConnectionStringName);
            return 2;
        }

        var applied = await new PostgresMigrator(connectionString, logger.CreateLogger<PostgresMigrator>()).MigrateAsync(CancellationToken.None);
        logger.CreateLogger("migrate").DatabaseUpToDate(applied.Count);
        return 0;
    }
}
