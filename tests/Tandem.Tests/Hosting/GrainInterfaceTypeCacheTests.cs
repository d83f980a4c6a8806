using Microsoft.Extensions.DependencyInjection;

using Orleans.Metadata;
using Orleans.TestingHost;

using Tandem.Grains.Interfaces.Orders;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Hosting;

/// <summary>A silo names grain interfaces exactly as Orleans does, and a warm lookup costs no allocation.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class GrainInterfaceTypeCacheTests(GrainClusterFixture fixture)
{
    private GrainInterfaceTypeResolver Resolver =>
        ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost!.Services.GetRequiredService<GrainInterfaceTypeResolver>();

    [Fact]
    public void Every_Tandem_grain_interface_gets_the_name_of_the_Orleans_convention()
    {
        var interfaces = typeof(IOrderGrain).Assembly.GetTypes().Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t)).ToList();

        Assert.True(interfaces.Count >= 10, $"{interfaces.Count} grain interfaces found");
        Assert.All(interfaces, t => Assert.Equal(Resolver.GetGrainInterfaceTypeByConvention(t), Resolver.GetGrainInterfaceType(t)));
    }

    [Fact]
    public void A_warm_lookup_allocates_nothing()
    {
        var resolver = Resolver;
        resolver.GetGrainInterfaceType(typeof(IOrderGrain));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            resolver.GetGrainInterfaceType(typeof(IOrderGrain));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
