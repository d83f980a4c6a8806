using Orleans.Storage;

using Tandem.Hosting.Configuration;
using Tandem.Hosting.Storage;

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

    public sealed class Counter
    {
        public int Value { get; set; }

        public List<string> Names { get; set; } = [];
    }
}
