using Orleans.Streams;

using Tandem.Contracts.Inventory;
using Tandem.Grains.Interfaces.Errors;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Streams;
using Tandem.Grains.Inventory;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Inventory;

/// <summary>The inventory cell writes concurrent changes together; what it answers is always what it saved.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class GroupCommitTests(GrainClusterFixture fixture)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task A_failed_write_fails_its_commands_and_the_cell_comes_back_with_only_what_was_saved()
    {
        var sku = TestData.NewSku();
        var cell = fixture.Grains.Cell(new CellKey(sku, TestData.Camden.Id));
        await cell.ReceiveAsync(50, "opening", "tester");
        await cell.ReserveAsync("saved", 5, Hour);

        FaultyStorage.FailWritesOf(sku);
        var attempts = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Capture(() => cell.ReserveAsync($"lost-{i}", 1, Hour))));
        FaultyStorage.Heal(sku);
        var after = await cell.GetSnapshotAsync();
        var retry = await cell.ReserveAsync("lost-0", 1, Hour);

        // Each command fails as the cell's failed write, or, when the cell deactivated twice under it (the storage still
        // failing), as Orleans' rejection of a message forwarded too often: the Api answers both 503, and none was applied.
        Assert.All(attempts, a => Assert.True(a is StorageUnavailableException or OrleansMessageRejectionException, $"unexpected {a?.GetType().Name ?? "success"}"));
        Assert.Equal((50, 5, 45, 1), (after.OnHand, after.Reserved, after.Available, after.LiveReservations));
        Assert.Equal(CellOutcome.Applied, retry.Outcome);
    }

    [Fact]
    public async Task Concurrent_changes_are_published_once_each_in_version_order()
    {
        var sku = (await TestData.NewProductsAsync(fixture.Grains, 1))[0];
        var versions = new List<long>();
        var allSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = await fixture.Cluster.Client.GetStreamProvider(StreamMap.Provider)
            .GetStream<StockChanged>(StreamMap.For(StockChanged.StreamNamespace, sku))
            .SubscribeAsync((change, _) =>
            {
                if (change.Cell.Sku == sku)
                {
                    lock (versions)
                    {
                        versions.Add(change.Cell.Version);
                        if (versions.Count == 301)
                        {
                            allSeen.TrySetResult();
                        }
                    }
                }

                return Task.CompletedTask;
            });
        var cell = fixture.Grains.Cell(new CellKey(sku, TestData.Camden.Id));
        await cell.ReceiveAsync(1000, "opening", "tester");

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => cell.ReserveAsync($"r{i}", 1, Hour)));
        await Await.WithinAsync(allSeen.Task.ContinueWith(_ => true, TaskScheduler.Default), TimeSpan.FromSeconds(10), "301 stock events");
        await subscription.UnsubscribeAsync();

        lock (versions)
        {
            Assert.Equal(Enumerable.Range(1, 301).Select(v => (long)v), versions);
        }
    }

    [Fact]
    public async Task Every_stored_state_is_one_the_cell_was_in_while_commands_keep_arriving_during_its_writes()
    {
        var sku = TestData.NewSku();
        FaultyStorage.Watch(sku);
        var cell = fixture.Grains.Cell(new CellKey(sku, TestData.Camden.Id));
        await cell.ReceiveAsync(10_000, "opening", "tester");

        var failures = await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => Capture(async () =>
        {
            await cell.ReserveAsync($"r{i}", 1, Hour);
            if (i % 2 == 0)
            {
                await cell.ReleaseAsync($"r{i}");
            }
        })));

        Assert.All(failures, Assert.Null);
        var stored = FaultyStorage.WritesOf(sku).Select(FaultyStorage.Read<InventoryCellState>).ToList();
        Assert.True(stored.Count > 1, "the commands were written in more than one write");
        Assert.All(stored, s => s.CheckInvariants());
        Assert.Equal(stored.Select(s => s.Version).Order(), stored.Select(s => s.Version));
        var last = stored[^1];
        Assert.Equal((10_000, 1000, 1000, 3001L), (last.OnHand, last.Reserved, last.Live.Count, last.Version));
    }

    [Fact]
    public async Task Each_write_hands_over_exactly_the_changes_since_the_last_so_replaying_them_gives_every_stored_state()
    {
        var sku = TestData.NewSku();
        FaultyStorage.Watch(sku);
        var cell = fixture.Grains.Cell(new CellKey(sku, TestData.Camden.Id));
        await cell.ReceiveAsync(300, "opening", "tester");
        await cell.SetBinAsync(new Bin { Aisle = "7", Shelf = "B" });

        var failures = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Capture(async () =>
        {
            await cell.ReserveAsync($"r{i}", 1 + (i % 3), i % 5 == 0 ? TimeSpan.FromMinutes(1) : Hour);
            switch (i % 4)
            {
                case 0:
                    await cell.ReleaseAsync($"r{i}");
                    break;
                case 1:
                    await cell.CommitAsync($"r{i}");
                    if (i % 8 == 1)
                    {
                        await cell.RestockAsync($"r{i}");
                    }

                    break;
                case 2:
                    await cell.ReserveAsync($"r{i}", 1 + (i % 3), Hour * 2); // renewed
                    break;
            }

            if (i % 50 == 0)
            {
                await cell.ReceiveAsync(5, $"receipt-{i}", "tester");
            }
        })));
        GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(2)); // the one-minute holds lapse
        await cell.AdjustAsync(900, "count", "count-1", "tester");

        Assert.All(failures, Assert.Null);
        var stored = FaultyStorage.WritesOf(sku).Select(FaultyStorage.Read<InventoryCellState>).ToList();
        var changes = FaultyStorage.ChangesOf(sku);
        var replayed = new InventoryCellState();
        var matches = new List<bool>();
        for (var i = 0; i < stored.Count; i++)
        {
            FaultyStorage.Replay(replayed, changes[i]);
            matches.Add(CellStates.Canonical(replayed) == CellStates.Canonical(stored[i]));
        }

        Assert.True(stored.Count > 5, $"{stored.Count} writes");
        Assert.Equal(stored.Count, changes.Count);
        Assert.All(matches, Assert.True);
        Assert.Contains(stored[^1].Closed.Values, c => c.End == ReservationEnd.Expired);
        Assert.Equal(900, stored[^1].OnHand);
    }

    private static async Task<Exception?> Capture(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
