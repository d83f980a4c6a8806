using Microsoft.Extensions.Logging.Abstractions;

using Npgsql;

using Orleans.Storage;

using Tandem.Grains.Inventory;
using Tandem.Hosting.Configuration;
using Tandem.Hosting.Storage;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Persistence;

/// <summary>
/// A state that records its changes (an inventory cell) in Tandem's PostgreSQL grain storage: each write appends only
/// the changes since the last one, a whole copy is written every <see cref="PostgresGrainStorageOptions.SnapshotEvery"/>
/// writes, the state read back is the one written, and of activations writing after the same point exactly one wins.
/// </summary>
public sealed class JournaledGrainStorageTests
{
    private const string StateName = "cell";
    private static readonly StateSerializer Serializer = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly GrainId Cell = GrainId.Create("inventorycell", "sku-1@store-1");

    [Fact]
    public async Task Writes_append_their_changes_a_whole_copy_every_third_write_drops_the_rows_it_holds_and_every_read_gives_the_state_written()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var storage = Storage(db, snapshotEvery: 3);
        var live = new InventoryCellState();
        live.Apply(Received(10, "receipt-1"));
        var written = ToWrite(live, etag: null);
        await storage.WriteStateAsync(StateName, Cell, written);
        var etags = new List<string> { written.ETag! };
        var readsMatch = new List<bool>();

        for (var i = 1; i <= 7; i++)
        {
            live.Apply(Reserved($"r{i}", 1));
            if (i % 2 == 0)
            {
                live.Apply(Released($"r{i - 1}"));
            }

            written = ToWrite(live, written.ETag);
            await storage.WriteStateAsync(StateName, Cell, written);
            etags.Add(written.ETag!);
            var read = await ReadAsync(storage);
            readsMatch.Add(CellStates.Canonical(read.State!) == CellStates.Canonical(live) && read.ETag == written.ETag);
        }

        Assert.Equal(["1/0/0", "1/1/0", "1/2/0", "2/3/3", "2/4/3", "2/5/3", "3/6/6", "3/7/6"], etags.Select(Position)); // its rows soon outweigh this small cell
        Assert.All(readsMatch, Assert.True);
        Assert.Equal("6:null,7:changes", await LogRowsAsync(db));
        Assert.Equal((10, 4, 11L), (live.OnHand, live.Reserved, live.Version));
    }

    [Fact]
    public async Task Of_two_activations_writing_after_the_same_row_the_second_is_refused_and_the_first_ones_change_is_read_back()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var storage = Storage(db, snapshotEvery: 100);
        await SeedAsync(storage);
        var first = await ReadAsync(storage);
        var second = await ReadAsync(storage);

        first.State!.Apply(Reserved("a", 2));
        await storage.WriteStateAsync(StateName, Cell, ToWrite(first.State, first.ETag));
        second.State!.Apply(Reserved("b", 3));
        var refused = await Record.ExceptionAsync(() => storage.WriteStateAsync(StateName, Cell, ToWrite(second.State, second.ETag)));

        Assert.IsType<InconsistentStateException>(refused);
        var read = (await ReadAsync(storage)).State!;
        Assert.Equal((2, "a"), (read.Reserved, string.Join(",", read.Live.Keys)));
    }

    [Fact]
    public async Task An_activation_that_read_before_a_whole_copy_was_written_cannot_append_even_in_a_row_number_that_copy_deleted()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var storage = Storage(db, snapshotEvery: 3);
        await SeedAsync(storage);
        var stale = await ReadAsync(storage);
        var current = await ReadAsync(storage);
        for (var i = 1; i <= 3; i++) // rows 1 and 2, then a whole copy at 3 that deletes them
        {
            current.State!.Apply(Reserved($"r{i}", 1));
            var write = ToWrite(current.State, current.ETag);
            await storage.WriteStateAsync(StateName, Cell, write);
            current.ETag = write.ETag;
        }

        var rowsLeft = await LogRowsAsync(db);
        stale.State!.Apply(Reserved("stale", 5)); // row 1 is free again
        var refused = await Record.ExceptionAsync(() => storage.WriteStateAsync(StateName, Cell, ToWrite(stale.State, stale.ETag)));

        Assert.Equal("3:null", rowsLeft);
        Assert.IsType<InconsistentStateException>(refused);
        Assert.Equal("3:null", await LogRowsAsync(db));
        Assert.Equal(3, (await ReadAsync(storage)).State!.Reserved);
    }

    [Theory]
    [InlineData(100)] // half append, half write whole copies
    [InlineData(1)] // all write whole copies
    public async Task Of_200_activations_appending_or_writing_a_whole_copy_after_the_same_row_at_once_exactly_one_is_written(int snapshotEvery)
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var appending = Storage(db, snapshotEvery);
        await using var copying = Storage(db, snapshotEvery: 1); // a second silo's storage, writing whole copies
        await SeedAsync(appending);
        var readers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => ReadAsync(appending)));
        var writes = readers.Select((r, i) =>
        {
            r.State!.Apply(Reserved($"w{i}", 1));
            return (Storage: i % 2 == 0 ? appending : copying, Write: ToWrite(r.State, r.ETag));
        }).ToList();

        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w.Storage.WriteStateAsync(StateName, Cell, w.Write);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(ok => ok));
        var winner = Array.IndexOf(outcomes, true);
        var read = (await ReadAsync(appending)).State!;
        Assert.Equal((1, $"w{winner}"), (read.Reserved, string.Join(",", read.Live.Keys)));
    }

    [Theory]
    [InlineData(100)] // the changes are appended
    [InlineData(1)] // the whole state is written
    public async Task The_live_state_handed_to_a_write_is_captured_before_the_write_first_yields(int snapshotEvery)
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var storage = Storage(db, snapshotEvery);
        await SeedAsync(storage);
        var live = await ReadAsync(storage);

        live.State!.Apply(Reserved("written", 1));
        live.State.HandOffChanges(live.State); // no copy: the storage is handed the live state
        var writing = storage.WriteStateAsync(StateName, Cell, live);
        live.State.Apply(Reserved("after", 2)); // the grain's next turn, while the write is in flight
        await writing;

        var read = (await ReadAsync(storage)).State!;
        Assert.Equal((1, "written"), (read.Reserved, string.Join(",", read.Live.Keys)));
    }

    [Fact]
    public async Task A_cleared_state_reads_back_empty_whatever_its_journal_held_and_is_written_again_after_it()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var storage = Storage(db, snapshotEvery: 100);
        await SeedAsync(storage);
        var live = await ReadAsync(storage);
        live.State!.Apply(Reserved("a", 2));
        var appended = ToWrite(live.State, live.ETag);
        await storage.WriteStateAsync(StateName, Cell, appended);

        await storage.ClearStateAsync(StateName, Cell, appended);
        var cleared = await ReadAsync(storage);
        cleared.State!.Apply(Received(4, "receipt-2"));
        var again = ToWrite(cleared.State, cleared.ETag, cleared.RecordExists);
        await storage.WriteStateAsync(StateName, Cell, again);

        Assert.Equal(("2/2/2", false, 0), (Position(cleared.ETag!), cleared.RecordExists, cleared.State.Live.Count));
        Assert.Equal("3/3/3", Position(again.ETag!)); // written whole: changes need a copy to apply to
        var read = await ReadAsync(storage);
        Assert.Equal((true, 4, 0), (read.RecordExists, read.State!.OnHand, read.State.Reserved));
    }

    [Fact]
    public async Task A_cell_far_larger_than_its_changes_is_copied_only_once_its_rows_weigh_as_much_as_it_does()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var storage = Storage(db, snapshotEvery: 3);
        var live = new InventoryCellState();
        live.Apply(Received(10_000, "receipt-1"));
        for (var i = 0; i < 2_000; i++)
        {
            live.Apply(Reserved($"held-{i}", 1)); // a hot cell in a sale: thousands of live holds
        }

        var written = ToWrite(live, etag: null);
        await storage.WriteStateAsync(StateName, Cell, written);
        var copyBytes = Part(written.ETag!, 3);
        var appendedBeforeCopy = 0;
        long logBytesBeforeCopy = 0;
        while (Part(written.ETag!, 2) == 0 && appendedBeforeCopy < 10_000)
        {
            logBytesBeforeCopy = Part(written.ETag!, 4);
            live.Apply(Reserved($"new-{appendedBeforeCopy}", 1));
            written = ToWrite(live, written.ETag);
            await storage.WriteStateAsync(StateName, Cell, written);
            appendedBeforeCopy++;
        }

        var read = await ReadAsync(storage);
        Assert.True(copyBytes > 50_000, $"the cell's copy is {copyBytes} bytes");
        Assert.True(appendedBeforeCopy > 100, $"copied after {appendedBeforeCopy} writes"); // not every third
        Assert.InRange(copyBytes - logBytesBeforeCopy, 1, 1_000); // copied by the write whose row would have made the rows outweigh the copy
        Assert.Equal(Part(written.ETag!, 1), Part(written.ETag!, 2)); // that write is the copy
        Assert.Equal(CellStates.Canonical(live), CellStates.Canonical(read.State!));
        Assert.Equal(written.ETag, read.ETag);
    }

    /// <summary>version/seq/through of a journal ETag (it goes on with the sizes of the copy and of the rows after it).</summary>
    private static string Position(string etag) => string.Join('/', etag.Split('/').Take(3));

    private static long Part(string etag, int index) => long.Parse(etag.Split('/')[index], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task SeedAsync(PostgresGrainStorage storage)
    {
        var seed = new InventoryCellState();
        seed.Apply(Received(10, "receipt-1"));
        await storage.WriteStateAsync(StateName, Cell, ToWrite(seed, etag: null));
    }

    /// <summary>What a group commit hands storage: a copy of the live state holding the changes since the last write.</summary>
    private static GrainState<InventoryCellState> ToWrite(InventoryCellState live, string? etag, bool? recordExists = null)
    {
        var copy = Serializer.Deserialize<InventoryCellState>(Serializer.Serialize(live));
        live.HandOffChanges(copy);
        return new GrainState<InventoryCellState>(copy) { ETag = etag, RecordExists = recordExists ?? etag is not null }; // as its read left it
    }

    private static async Task<GrainState<InventoryCellState>> ReadAsync(PostgresGrainStorage storage)
    {
        var state = new GrainState<InventoryCellState>(new InventoryCellState());
        await storage.ReadStateAsync(StateName, Cell, state);
        return state;
    }

    private static Task<string> LogRowsAsync(TestDatabase db) =>
        Postgres.ScalarAsync<string>(db.ConnectionString,
            "SELECT coalesce(string_agg(seq || ':' || CASE WHEN changes IS NULL THEN 'null' ELSE 'changes' END, ',' ORDER BY seq), '') FROM tandem_grain_log");

    private static CellChange Received(int quantity, string reference) =>
        new() { Kind = CellChangeKind.Received, At = Now, Id = reference, Quantity = quantity, Actor = "tester" };

    private static CellChange Reserved(string id, int quantity) =>
        new() { Kind = CellChangeKind.Reserved, At = Now, Id = id, Quantity = quantity, ExpiresAt = Now.AddMinutes(15) };

    private static CellChange Released(string id) => new() { Kind = CellChangeKind.Released, At = Now, Id = id };

    private static PostgresGrainStorage Storage(TestDatabase db, int snapshotEvery) =>
        new("test", "tandem-test", NpgsqlDataSource.Create(db.ConnectionString), Serializer,
            new PostgresGrainStorageOptions { SnapshotEvery = snapshotEvery }, NullLogger<PostgresGrainStorage>.Instance);

}
