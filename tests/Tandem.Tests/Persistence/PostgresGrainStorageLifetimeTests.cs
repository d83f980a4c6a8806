using Microsoft.Extensions.Logging.Abstractions;

using Npgsql;

using Tandem.Hosting.Configuration;
using Tandem.Hosting.Storage;

namespace Tandem.Tests.Persistence;

/// <summary>
/// The silo's service provider stops the PostgreSQL grain storage once for each service it is registered as (the grain
/// storage, and what answers due times): stopping twice must be harmless. Needs no database: nothing is sent.
/// </summary>
public sealed class PostgresGrainStorageLifetimeTests
{
    [Fact]
    public async Task Stopping_twice_is_harmless_and_a_write_after_stopping_is_refused()
    {
        var storage = new PostgresGrainStorage("test", "tandem-test", NpgsqlDataSource.Create("Host=127.0.0.1;Username=nobody;Password=x"),
            new StateSerializer(), new PostgresGrainStorageOptions(), NullLogger<PostgresGrainStorage>.Instance);

        await storage.DisposeAsync();
        await storage.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => storage.WriteStateAsync("probe", GrainId.Create("probe", "p-1"), new GrainState<Probe>(new Probe())));
    }

    public sealed class Probe
    {
        public int Value { get; set; }
    }
}
