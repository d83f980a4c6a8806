using Tandem.Silo.Configuration;
using Tandem.Silo.Database;

namespace Tandem.Silo;

/// <summary>
/// A silo-only node: hosts grains, serves no HTTP API. <c>migrate</c> applies the database schema and exits.
/// </summary>
public static class SiloProgram
{
    public static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args.Where(a => a != "migrate").ToArray());
        if (args.Contains("migrate"))
        {
            return await MigrateAsync(builder);
        }

        builder.AddTandemSilo();
        await builder.Build().RunAsync();
        return 0;
    }

    private static async Task<int> MigrateAsync(HostApplicationBuilder builder)
    {
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>();
        if (TandemClusterOptions.ConnectionString(builder.Configuration) is not { } connectionString)
        {
            logger.CreateLogger("migrate").LogError("No ConnectionStrings:{Name} configured; nothing to migrate.", TandemClusterOptions.ConnectionStringName);
            return 2;
        }

        var applied = await new PostgresMigrator(connectionString, logger.CreateLogger<PostgresMigrator>()).MigrateAsync(CancellationToken.None);
        logger.CreateLogger("migrate").LogInformation("Database is up to date ({Applied} migration(s) applied now).", applied.Count);
        return 0;
    }
}
