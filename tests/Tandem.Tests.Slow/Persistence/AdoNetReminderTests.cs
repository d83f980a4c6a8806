using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

using Orleans.TestingHost;

using Tandem.Hosting.Configuration;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Persistence;

/// <summary>Orleans' ADO.NET reminder service runs on Tandem's schema in a real PostgreSQL.</summary>
public sealed class AdoNetReminderTests
{
    [Fact]
    public async Task Reminders_are_stored_updated_listed_and_removed_in_PostgreSQL()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        var builder = new TestClusterBuilder(1);
        builder.Properties["ReminderConnectionString"] = db.ConnectionString;
        builder.AddSiloBuilderConfigurator<ReminderSilo>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync(TestContext.Current.CancellationToken);
        var probe = cluster.GrainFactory.GetGrain<IReminderProbeGrain>("probe-1");

        await probe.RegisterAsync("restock-check", TimeSpan.FromMinutes(1));
        await probe.RegisterAsync("forecast", TimeSpan.FromMinutes(15));
        await probe.RegisterAsync("forecast", TimeSpan.FromMinutes(30));
        var listed = await probe.ListAsync();
        var rows = await Postgres.ScalarAsync<long>(db.ConnectionString, "SELECT count(*) FROM orleans_reminders");
        var forecast = await Postgres.ScalarAsync<long>(db.ConnectionString, "SELECT period FROM orleans_reminders WHERE reminder_name = 'forecast'");
        var version = await Postgres.ScalarAsync<int>(db.ConnectionString, "SELECT version FROM orleans_reminders WHERE reminder_name = 'forecast'");
        await probe.UnregisterAsync("restock-check");
        var afterRemoval = await probe.ListAsync();
        var rowsAfter = await Postgres.ScalarAsync<long>(db.ConnectionString, "SELECT count(*) FROM orleans_reminders");
        await cluster.StopAllSilosAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["forecast", "restock-check"], listed);
        Assert.Equal((2L, 1_800_000L, 1), (rows, forecast, version));
        Assert.Equal(["forecast"], afterRemoval);
        Assert.Equal(1L, rowsAfter);
    }

    private sealed class ReminderSilo : IHostConfigurator
    {
        public void Configure(IHostBuilder hostBuilder) =>
            hostBuilder.UseOrleans((context, silo) =>
            {
                var connectionString = context.Configuration["ReminderConnectionString"];
                silo.UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (TandemClusterOptions.Invariant, connectionString));
                silo.AddMemoryGrainStorageAsDefault();
            });
    }
}
