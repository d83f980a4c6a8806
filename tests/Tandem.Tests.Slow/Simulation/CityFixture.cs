using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Simulation;

/// <summary>A Tandem of its own on a real port for the simulator, so the living city disturbs no other test.</summary>
public sealed class CityFixture : ApiFixture
{
    /// <summary>People and simulated couriers answer offers at their own pace: the product's default.</summary>
    protected override TimeSpan OfferTimeout => TimeSpan.FromSeconds(30);

    protected override bool OnRealPort => true;
}

/// <summary>The living city keeps both cores busy, so it runs alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CityCollection : ICollectionFixture<CityFixture>
{
    public const string Name = "city";
}
