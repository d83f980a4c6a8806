using System.Net;

using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Cluster;

/// <summary>A silo dies under load; nothing acknowledged is lost, nothing is oversold, the rest carries on.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class SiloKillTests
{
    private const int Stock = 150;

    [Fact]
    public async Task Killing_a_silo_under_load_loses_no_acknowledged_order_and_oversells_nothing()
    {
        await using var cluster = await ProcessCluster.CreateAsync();
        await cluster.StartSiloAsync("silo-1");
        var victim = await cluster.StartSiloAsync("silo-2");
        await cluster.StartApiAsync();
        var skus = await cluster.StockedSkusAsync(20, Stock);

        var load = new OrderLoad(cluster.Http, skus, TestData.Camden.Id, shopper => cluster.Authority.Issue("shopper", shopper));
        var running = load.RunAsync(clients: 50, duration: TimeSpan.FromSeconds(20), seed: 7);
        await load.AcknowledgedAtLeastAsync(100).WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        victim.Kill();
        await running;
        await load.SettleAsync(TimeSpan.FromSeconds(60));

        var report = Reconciliation.Describe(load);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.True(load.OtherFailures == 0, string.Join("\n", load.Failures.Take(5)));
        Assert.Contains(load.Timeline, t => t.At > TimeSpan.FromSeconds(6) && t.Status == HttpStatusCode.Created);
        Assert.Contains(load.Timeline, t => t.At > TimeSpan.FromSeconds(15) && t.Status is HttpStatusCode.Created or HttpStatusCode.Conflict);
        await Reconciliation.AssertAsync(cluster.Http, load, skus, TestData.Camden.Id, Stock, report);
    }
}
