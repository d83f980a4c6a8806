using Microsoft.Extensions.Logging.Abstractions;

using Npgsql;

using Tandem.Grains.Interfaces.Recommendations;
using Tandem.Grains.Recommendations;
using Tandem.Hosting.Configuration;
using Tandem.Hosting.Storage;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Persistence;

/// <summary>The product graph and the bandit's records in PostgreSQL: written as journals of lessons and rewards, read back whole.</summary>
public sealed class ProductGraphStorageTests
{
    private static readonly StateSerializer Serializer = new();
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_products_lessons_are_appended_and_read_back_into_the_same_edges()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var storage = Storage(db);
        var grain = GrainId.Create("productgraph", "sku-1");
        var live = new ProductGraphState();
        string? etag = null;
        for (var i = 0; i < 7; i++)
        {
            live.Apply(new GraphLesson
            {
                Id = $"session:s-{i}:0", Relation = i % 3 == 0 ? GraphRelation.CoPurchase : GraphRelation.CoView,
                Edges = [new($"sku-{2 + (i % 4)}", 1.0 / (1 + i)), new("sku-9", 0.25)], At = Now.AddMinutes(i),
            });
            etag = await WriteAsync(storage, "graph", grain, live, etag);
        }

        var read = new GrainState<ProductGraphState>(new ProductGraphState());
        await storage.ReadStateAsync("graph", grain, read);

        Assert.Equal(Canonical(live), Canonical(read.State!));
        Assert.Equal(7, read.State!.Lessons);
        Assert.False(read.State.Apply(new GraphLesson { Id = "session:s-3:0", Relation = GraphRelation.CoView, Edges = [new("sku-2", 5)], At = Now }));
    }

    [Fact]
    public async Task A_segments_rewards_are_appended_and_read_back_into_the_same_records()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var storage = Storage(db);
        var grain = GrainId.Create("armweights", "browse");
        var live = new ArmWeightsState();
        string? etag = null;
        for (var i = 0; i < 7; i++)
        {
            live.Apply(new ArmReward { Id = $"s-{i}:1:sku", Arm = i % 2 == 0 ? "co-view" : "scene", Clicked = i % 3 == 0, At = Now.AddHours(i) });
            etag = await WriteAsync(storage, "arm-weights", grain, live, etag);
        }

        var read = new GrainState<ArmWeightsState>(new ArmWeightsState());
        await storage.ReadStateAsync("arm-weights", grain, read);

        Assert.Equal(Serializer.Serialize(live).ToString(), Serializer.Serialize(read.State).ToString());
        Assert.Equal(7, read.State!.Version);
    }

    /// <summary>What a group commit hands storage: a copy of the live state holding the changes since the last write.</summary>
    private static async Task<string> WriteAsync<T>(PostgresGrainStorage storage, string name, GrainId grain, T live, string? etag)
        where T : class, Tandem.Grains.Infrastructure.IJournaledState
    {
        var copy = Serializer.Deserialize<T>(Serializer.Serialize(live));
        live.HandOffChanges(copy);
        var state = new GrainState<T>(copy) { ETag = etag, RecordExists = etag is not null };
        await storage.WriteStateAsync(name, grain, state);
        return state.ETag!;
    }

    private static string Canonical(ProductGraphState state) =>
        string.Join(";", state.CoView.Weights.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value:R}"))
        + $"|{state.CoView.Total:R}|{state.CoView.Epoch:O}|"
        + string.Join(";", state.CoPurchase.Weights.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value:R}"))
        + $"|{state.CoPurchase.Total:R}|" + string.Join(",", state.Learnt.Keys.Order(StringComparer.Ordinal));

    private static PostgresGrainStorage Storage(TestDatabase db) =>
        new("test", "tandem-test", NpgsqlDataSource.Create(db.ConnectionString), Serializer,
            new PostgresGrainStorageOptions { SnapshotEvery = 3 }, NullLogger<PostgresGrainStorage>.Instance);
}
