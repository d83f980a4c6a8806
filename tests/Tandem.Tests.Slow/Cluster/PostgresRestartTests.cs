using System.Net;

using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Cluster;

/// <summary>The database goes away mid-load: clients get quick 503s, Tandem recovers by itself.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class PostgresRestartTests
{
    private const int Stock = 150;

    [Fact]
    public async Task A_database_restart_mid_load_answers_503_quickly_and_recovers_without_restarting_Tandem()
    {
        PostgresServer.RequireControl();
        await using var cluster = await ProcessCluster.CreateAsync();
        await cluster.StartSiloAsync("silo-1");
        await cluster.StartApiAsync();
        var skus = await cluster.StockedSkusAsync(20, Stock);

        var load = new OrderLoad(cluster.Http, skus, TestData.Camden.Id, shopper => cluster.Authority.Issue("shopper", shopper));
        var running = load.RunAsync(clients: 30, duration: TimeSpan.FromSeconds(20), seed: 11);
        await load.AcknowledgedAtLeastAsync(100).WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        try
        {
            await PostgresServer.StopAsync();
            // The outage lasts until clients have felt it: 100 requests without a definitive answer.
            await load.UnavailableAtLeastAsync(load.Unavailable + 100).WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        }
        finally
        {
            await PostgresServer.StartAsync();
        }

        await running;
        await load.SettleAsync(TimeSpan.FromSeconds(60));

        var report = Reconciliation.Describe(load);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.True(load.OtherFailures == 0, string.Join("\n", load.Failures.Take(5)));
        Assert.Contains(load.Timeline, t => t.Status == HttpStatusCode.ServiceUnavailable);
        Assert.All(load.Timeline, t => Assert.True(t.Took < TimeSpan.FromSeconds(5), $"an answer took {t.Took.TotalSeconds:0.00} s ({report})"));
        Assert.Contains(load.Timeline, t => t.At > TimeSpan.FromSeconds(12) && t.Status == HttpStatusCode.Created);
        await Reconciliation.AssertAsync(cluster.Http, load, skus, TestData.Camden.Id, Stock, report);
    }
}
