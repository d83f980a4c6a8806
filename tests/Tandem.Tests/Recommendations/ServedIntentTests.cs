using Tandem.Brains.Intent;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Sessions;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Recommendations;

[Collection(GrainClusterCollection.Name)]
public sealed class ServedIntentTests(GrainClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private static string LogFolder => Path.Combine(GrainClusterFixture.IntentFolder, "log");

    private static string ModelFolder => Path.Combine(GrainClusterFixture.IntentFolder, "models");

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Sessions_are_scored_on_every_batch_logged_with_their_orders_and_a_model_retrained_from_the_log_is_served_without_a_restart()
    {
        // 90 sessions at once: every third puts a product in the cart and orders; the others only look.
        var prefix = TestData.NewId("intent");
        var skus = TestData.NewSkus(6);
        await Grains.Catalog().UpsertAsync([.. skus.Select((s, i) => TestData.Product(s) with { Category = i < 3 ? prefix + "-nursery" : prefix + "-outdoor" })], []);
        var start = GrainClusterFixture.Clock.GetUtcNow();
        var ann = new ShopperId(TestData.NewId("ann"));
        var views = await Task.WhenAll(Enumerable.Range(0, 90).Select(async i =>
        {
            var id = new SessionId($"{prefix}-{i:D3}");
            var at = start.AddMinutes(i);
            List<BehaviourEvent> events = [.. Enumerable.Range(0, 1 + (i % 4)).SelectMany(v => new BehaviourEvent[]
            {
                new() { Type = BehaviourType.View, Sku = skus[(i + v) % 6], At = at.AddSeconds(v * 20) },
                new() { Type = BehaviourType.Dwell, Sku = skus[(i + v) % 6], At = at.AddSeconds((v * 20) + 15), Value = i % 3 == 0 ? 14_000 : 2_000 },
            })];
            if (i % 3 == 0)
            {
                events.Add(new() { Type = BehaviourType.AddToCart, Sku = skus[i % 6], At = at.AddSeconds(100), Value = 1 });
            }

            await Grains.Session(id).RecordEventsAsync(ann, events);
            if (i % 3 == 0)
            {
                await Grains.Session(id).OrderPlacedAsync(new OrderId($"{prefix}-order-{i:D3}"), [skus[i % 6]], 10m);
                await Grains.Session(id).OrderPlacedAsync(new OrderId($"{prefix}-order-{i:D3}"), [skus[i % 6]], 10m); // told twice, logged once
            }

            return await Grains.Session(id).GetAsync();
        }));

        // Before any model is trained the count of views is served, its version with every score.
        var first = views[1]; // 2 views and their dwells, both products in the nursery
        Assert.All(views, v => Assert.Equal(("baseline-views", "number of views"), (v.Intent!.ModelVersion, v.Intent.Model)));
        Assert.Equal(2 / 7.0, first.Intent!.Score, 4);
        Assert.Equal(4, first.Intent.Events);
        Assert.Equal([skus[2], skus[1]], first.Intent.Products.Select(p => p.Key));
        Assert.Equal([(prefix + "-nursery", Math.Round(2 / 7.0, 4))], first.Intent.Categories.Select(c => (c.Key, c.Score)));

        // The log holds every session's behaviour and each buyer's order, once.
        var logged = await Await.UntilAsync(async () =>
        {
            await Task.Yield();
            var read = SessionLog.Read(LogFolder).Sessions.Where(s => s.Id.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            return read.Count == 90 && read.Count(s => s.Bought) == 30 ? read : null;
        }, Deadline);
        Assert.Equal(Enumerable.Range(0, 90).Select(i => i % 3 == 0), logged.Select(s => s.Bought));
        Assert.Equal(Enumerable.Range(0, 90).Select(i => (2 * (1 + (i % 4))) + (i % 3 == 0 ? 1 : 0)), logged.Select(s => s.Events.Count));
        Assert.All(logged[1].Events.Where(e => e.Signal == IntentSignal.View), e => Assert.Equal(prefix + "-nursery", e.Category));
        var orderLines = Directory.EnumerateFiles(LogFolder, "*.jsonl").SelectMany(File.ReadLines).Count(l => l.Contains($"\"{prefix}-order-", StringComparison.Ordinal));
        Assert.Equal(30, orderLines);

        // Retrained from the log and written to the models folder, the new model serves the next batch: no restart.
        var trained = IntentTraining.Train(logged, LogFolder, start, bootstrap: 20);
        var card = IntentModelFiles.Save(ModelFolder, trained.Model, trained.Card);
        var session = new SessionId($"{prefix}-001");
        var next = 0;
        var scored = await Await.UntilAsync(async () =>
        {
            var at = start.AddHours(1).AddSeconds(next++);
            await Grains.Session(session).RecordEventsAsync(ann, [new() { Type = BehaviourType.SizeChart, Sku = skus[2], At = at }]);
            var view = await Grains.Session(session).GetAsync();
            return view.Intent!.ModelVersion == card.Version ? view : null;
        }, Deadline);

        var events = scored.RecentEvents.Select(e => SessionLogLines.Of(session.Value, e, e.Sku is null ? null : prefix + "-nursery").ToIntent()!).ToList();
        using var served = IntentModelFiles.Load(ModelFolder, card);
        var expected = IntentReading.Of(served, events, signedIn: true);
        Assert.Equal(trained.Model.Name, scored.Intent!.Model);
        Assert.Equal(Math.Round(expected.Session, 4), scored.Intent.Score);
        Assert.Equal(expected.Products.Select(p => (p.Key, Math.Round(p.Value, 4))), scored.Intent.Products.Select(p => (p.Key, p.Score)));
        Assert.Equal(card.RocAuc, trained.Card.RocAuc);
        Assert.True(card.RocAuc > card.ViewsRocAuc, $"the cart and the dwell tell buyers apart: model {card.RocAuc}, views {card.ViewsRocAuc}");

        // The picks made from that version of the session carry the score they were made with.
        var picks = await Await.UntilAsync(async () =>
        {
            var list = await Grains.Recommender(session).GetAsync(session);
            return list.Version >= scored.Version ? list : null;
        }, Deadline);
        Assert.Equal((card.Version, scored.Intent.Score), (picks.Intent!.ModelVersion, picks.Intent.Score));
    }
}
