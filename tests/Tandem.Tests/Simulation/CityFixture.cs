using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Simulation;

/// <summary>A Tandem of its own on a real port for the simulator, so the living city disturbs no other test.</summary>
public sealed class CityFixture : ApiFixture
{
    public string BaseUrl { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        await base.InitializeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CityCollection : ICollectionFixture<CityFixture>
{
    public const string Name = "city";
}
