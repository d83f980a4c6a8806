using Microsoft.Extensions.Configuration;

using Orleans.TestingHost;

using Tandem.Grains.Interfaces.Streams;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// One in-process Orleans test cluster of one silo configured by <typeparamref name="TSilo"/> (configurators are
/// created by type, so what they share with tests goes through statics), and a client that reads Tandem's streams.
/// </summary>
public abstract class InProcessClusterFixture<TSilo> : IAsyncLifetime
    where TSilo : ISiloConfigurator, new()
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async ValueTask InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<TSilo>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddMemoryStreams(StreamMap.Provider);
    }
}
