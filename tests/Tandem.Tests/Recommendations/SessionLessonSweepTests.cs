using Orleans.Core.Internal;

using Tandem.Contracts.Sessions;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Recommendations;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Recommendations;

/// <summary>The sweeper runs by itself here: nobody sweeps by hand.</summary>
public sealed class SessionLessonSweepTests(SweepingClusterFixture fixture) : IClassFixture<SweepingClusterFixture>
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_lesson_the_graph_could_not_take_reaches_it_after_the_session_s_activation_went_away()
    {
        var (a, b) = (TestData.NewSku(), TestData.NewSku());
        var session = Grains.Session(new SessionId(TestData.NewId("s")));
        var at = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        FaultyStorage.FailWritesOf(b); // b's part of the graph cannot save: the back edge b→a stays owed

        var recorded = await session.RecordEventsAsync(
            new ShopperId(TestData.NewId("ann")), [new() { Type = BehaviourType.View, Sku = a, At = at }, new() { Type = BehaviourType.View, Sku = b, At = at }]);
        await session.AsReference<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        var before = await Grains.ProductGraph(b).GetAsync(5);
        FaultyStorage.Heal(b);

        var learnt = await Await.UntilAsync(
            async () => (await Grains.ProductGraph(b).GetAsync(5)) is { Lessons: 1 } n ? n : null, TimeSpan.FromSeconds(30));

        Assert.Equal(2, recorded);
        Assert.Equal(0, before.Lessons);
        Assert.Equal([new GraphEdge(a, 1)], learnt.CoView);
        Assert.Equal([new GraphEdge(b, 1)], (await Grains.ProductGraph(a).GetAsync(5)).CoView);
    }
}
