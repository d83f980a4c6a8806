using Orleans.Storage;

using Tandem.Grains.Infrastructure;
using Tandem.Grains.Inventory;
using Tandem.Hosting.Configuration;
using Tandem.Hosting.Storage;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Persistence;

/// <summary>The embedded mode's grain storage keeps the Orleans contract: copies, versions, one winner per version.</summary>
public sealed class EmbeddedGrainStorageTests
{
    private readonly EmbeddedGrainStorage _storage = new("grains", new StateSerializer());

    private static readonly GrainId Grain = GrainId.Create("cell", "SKU-1@camden");

    [Fact]
    public async Task Writes_read_back_as_copies_under_rising_versions_and_a_cleared_state_keeps_its_version()
    {
        var first = new GrainState<Counter>(new Counter { Value = 1, Names = ["a"] });
        await _storage.WriteStateAsync("cell", Grain, first);
        first.State!.Names.Add("changed after the write");
        var read = new GrainState<Counter>();
        await _storage.ReadStateAsync("cell", Grain, read);

        Assert.Equal(("1", true, 1), (read.ETag, read.RecordExists, read.State!.Value));
        Assert.Equal(["a"], read.State.Names);
        Assert.NotSame(first.State, read.State);

        read.State!.Value = 2;
        await _storage.WriteStateAsync("cell", Grain, read);
        await _storage.ClearStateAsync("cell", Grain, read);
        var cleared = new GrainState<Counter>();
        await _storage.ReadStateAsync("cell", Grain, cleared);
        Assert.Equal(("3", false, 0), (cleared.ETag, cleared.RecordExists, cleared.State!.Value));

        cleared.State!.Value = 4;
        await _storage.WriteStateAsync("cell", Grain, cleared);
        Assert.Equal(("4", true), (cleared.ETag, cleared.RecordExists));
        Assert.Equal(1, _storage.Count);
    }

    [Fact]
    public async Task Of_three_hundred_writers_holding_one_version_exactly_one_wins_and_the_rest_are_refused_unchanged()
    {
        await _storage.WriteStateAsync("cell", Grain, new GrainState<Counter>(new Counter { Value = -1 }));
        var writers = Enumerable.Range(0, 300).Select(i => new GrainState<Counter>(new Counter { Value = i }) { ETag = "1" }).ToList();
        using var start = new ManualResetEventSlim();
        var attempts = writers.Select(w => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await _storage.WriteStateAsync("cell", Grain, w);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        })).ToList();
        start.Set();
        var won = await Task.WhenAll(attempts);

        var winner = Assert.Single(writers.Where((_, i) => won[i]));
        var stored = new GrainState<Counter>();
        await _storage.ReadStateAsync("cell", Grain, stored);
        Assert.Equal(("2", winner.State!.Value), (stored.ETag, stored.State!.Value));
        Assert.All(writers.Where((_, i) => !won[i]), w => Assert.Equal("1", w.ETag));
    }

    [Fact]
    public async Task A_writer_expecting_no_state_or_holding_a_foreign_etag_is_refused()
    {
        await _storage.WriteStateAsync("cell", Grain, new GrainState<Counter>(new Counter { Value = 1 }));

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("cell", Grain, new GrainState<Counter>(new Counter { Value = 2 })));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("cell", Grain, new GrainState<Counter>(new Counter()) { ETag = "W/\"x\"" }));
        var stored = new GrainState<Counter>();
        await _storage.ReadStateAsync("cell", Grain, stored);
        Assert.Equal(("1", 1), (stored.ETag, stored.State!.Value));
    }

    [Fact]
    public async Task States_of_other_grains_and_other_names_are_apart()
    {
        await _storage.WriteStateAsync("cell", Grain, new GrainState<Counter>(new Counter { Value = 1 }));
        var otherName = new GrainState<Counter>();
        var otherGrain = new GrainState<Counter>();
        await _storage.ReadStateAsync("order", Grain, otherName);
        await _storage.ReadStateAsync("cell", GrainId.Create("cell", "SKU-2@camden"), otherGrain);

        Assert.Equal(((string?)null, false, (string?)null, false), (otherName.ETag, otherName.RecordExists, otherGrain.ETag, otherGrain.RecordExists));
    }

    [Fact]
    public async Task Due_times_are_kept_with_their_states_and_answered_earliest_first_for_one_state_name()
    {
        var now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        static GrainId Order(string key) => GrainId.Create("order", key);
        await _storage.WriteStateAsync("order", Order("a"), new GrainState<Due>(new Due { DueAt = now.AddMinutes(-1) }));
        await _storage.WriteStateAsync("order", Order("b"), new GrainState<Due>(new Due { DueAt = now.AddMinutes(-3) }));
        var c = new GrainState<Due>(new Due { DueAt = now.AddMinutes(-2) });
        await _storage.WriteStateAsync("order", Order("c"), c);
        await _storage.WriteStateAsync("order", Order("d"), new GrainState<Due>(new Due()));
        await _storage.WriteStateAsync("order", Order("e"), new GrainState<Due>(new Due { DueAt = now.AddMinutes(1) }));
        await _storage.WriteStateAsync("other", Order("a"), new GrainState<Due>(new Due { DueAt = now.AddMinutes(-9) }));
        await _storage.WriteStateAsync("order", Order("f"), new GrainState<Counter>(new Counter()));
        var all = await _storage.DueAsync("order", now, 10);
        var first = await _storage.DueAsync("order", now, 1);

        await _storage.ClearStateAsync("order", Order("c"), c);
        var b = new GrainState<Due>();
        await _storage.ReadStateAsync("order", Order("b"), b);
        b.State!.DueAt = now.AddHours(1);
        await _storage.WriteStateAsync("order", Order("b"), b);

        Assert.Equal([Order("b"), Order("c"), Order("a")], all.Select(d => d.Grain));
        Assert.Equal([new DueGrain(Order("b"), now.AddMinutes(-3))], first);
        Assert.Equal([Order("a")], (await _storage.DueAsync("order", now, 10)).Select(d => d.Grain));
        Assert.Equal([Order("a"), Order("e"), Order("b")], (await _storage.DueAsync("order", now.AddHours(1), 10)).Select(d => d.Grain));
    }

    [Fact]
    public async Task Due_states_are_read_page_after_page_each_starting_after_the_last_of_the_previous_even_among_equal_times()
    {
        var now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        static GrainId Order(string key) => GrainId.Create("order", key);
        foreach (var (key, minutesAgo) in new[] { ("d", 2), ("a", 2), ("c", 1), ("b", 2), ("e", 3) })
        {
            await _storage.WriteStateAsync("order", Order(key), new GrainState<Due>(new Due { DueAt = now.AddMinutes(-minutesAgo) }));
        }

        var pages = new List<GrainId[]>();
        DueGrain? after = null;
        do
        {
            var page = await _storage.DueAsync("order", now, 2, after);
            pages.Add([.. page.Select(d => d.Grain)]);
            after = page.Count == 2 ? page[^1] : null;
        }
        while (after is not null);

        Assert.Equal([[Order("e"), Order("a")], [Order("b"), Order("d")], [Order("c")]], pages);
    }

    [Fact]
    public async Task A_state_that_records_its_changes_is_kept_as_them_between_whole_copies_and_reads_back_as_written()
    {
        var at = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        var live = new InventoryCellState();
        live.Apply(new CellChange { Kind = CellChangeKind.Received, At = at, Id = "receipt", Quantity = 1000, Actor = "tester" });
        var handed = new GrainState<InventoryCellState>(live);
        var readsMatch = new List<bool>();
        for (var i = 0; i < 2 * EmbeddedGrainStorage.SnapshotEvery + 50; i++)
        {
            live.Apply(new CellChange { Kind = CellChangeKind.Reserved, At = at, Id = $"r{i}", Quantity = 1, ExpiresAt = at.AddHours(1) });
            if (i % 3 == 0)
            {
                live.Apply(new CellChange { Kind = CellChangeKind.Released, At = at, Id = $"r{i}" });
            }

            live.HandOffChanges(live); // handed the live state, as a group commit does with this storage
            await _storage.WriteStateAsync("cell", Grain, handed);
            var read = new GrainState<InventoryCellState>();
            await _storage.ReadStateAsync("cell", Grain, read);
            readsMatch.Add(CellStates.Canonical(read.State!) == CellStates.Canonical(live) && read.ETag == handed.ETag);
        }

        var stale = new GrainState<InventoryCellState>(live) { ETag = "7" };
        live.Apply(new CellChange { Kind = CellChangeKind.Reserved, At = at, Id = "stale", Quantity = 1, ExpiresAt = at.AddHours(1) });
        live.HandOffChanges(live);
        var refused = await Record.ExceptionAsync(() => _storage.WriteStateAsync("cell", Grain, stale));

        Assert.All(readsMatch, Assert.True);
        Assert.Equal("250", handed.ETag);
        Assert.IsType<InconsistentStateException>(refused);
        var last = new GrainState<InventoryCellState>();
        await _storage.ReadStateAsync("cell", Grain, last);
        Assert.Equal((166, false), (last.State!.Reserved, last.State.Live.ContainsKey("stale")));
    }

    public sealed class Due : IDueState
    {
        public DateTimeOffset? DueAt { get; set; }
    }

    public sealed class Counter
    {
        public int Value { get; set; }

        public List<string> Names { get; set; } = [];
    }
}
