namespace Tandem.Hosting.Database;

/// <summary>Brings the database schema up to date before the silo starts (registered ahead of Orleans).</summary>
public sealed class MigrationService(PostgresMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
