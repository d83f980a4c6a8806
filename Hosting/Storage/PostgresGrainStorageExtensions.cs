using Microsoft.Extensions.Options;

using Npgsql;

using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

using Tandem.Grains.Infrastructure;

namespace Tandem.Hosting.Storage;

/// <summary>Registers <see cref="PostgresGrainStorage"/> under a storage name.</summary>
public static class PostgresGrainStorageExtensions
{
    /// <param name="silo">The silo.</param>
    /// <param name="name">The storage name grains refer to.</param>
    /// <param name="connectionString">The cluster's database; the schema is applied by the migrator (deploy/postgres).</param>
    /// <param name="serializer">How states become bytes.</param>
    public static ISiloBuilder AddTandemPostgresGrainStorage(this ISiloBuilder silo, string name, string connectionString, IGrainStorageSerializer serializer)
    {
        silo.Services.AddValidatedOptions<PostgresGrainStorageOptions>(PostgresGrainStorageOptions.Section, o => o.Problems());
        silo.Services.AddGrainStorage(name, (sp, storageName) =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 8; // the two statements are parsed and planned once per connection
            }

            return new PostgresGrainStorage(
                storageName,
                sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
                builder.Build(),
                serializer,
                sp.GetRequiredService<IOptions<PostgresGrainStorageOptions>>().Value,
                sp.GetRequiredService<ILogger<PostgresGrainStorage>>());
        });
        return silo;
    }
}
