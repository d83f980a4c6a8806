using Microsoft.Extensions.Logging.Abstractions;

using Npgsql;

using Orleans.Storage;

using Tandem.Grains.Infrastructure;
using Tandem.Hosting.Configuration;
using Tandem.Hosting.Storage;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Persistence;

/// <summary>
/// Tandem's PostgreSQL grain storage against a real PostgreSQL: the Orleans contract (versions as ETags,
/// stale writers refused), and many activations' reads and writes sent together.
/// </summary>
public sealed class BatchedGrainStorageTests
{
    private const string StateName = "probe";

    public sealed class ProbeState
    {
        public int Value { get; set; }

        public string Note { get; set; } = "";
    }

    [Fact]
    public async Task A_state_is_written_read_cleared_and_written_again_each_time_under_the_next_version()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var storage = Storage(db);
        var grain = Grain(1);

        var state = new GrainState<ProbeState>(new ProbeState { Value = 7, Note = "first" });
        await storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal(("1", true), (state.ETag, state.RecordExists));

        var read = await ReadAsync(storage, grain);
        Assert.Equal(("1", true, 7, "first"), (read.ETag, read.RecordExists, read.State!.Value, read.State!.Note));

        read.State!.Value = 8;
        await storage.WriteStateAsync(StateName, grain, read);
        Assert.Equal("2", read.ETag);

        await storage.ClearStateAsync(StateName, grain, read);
        Assert.Equal(("3", false, 0), (read.ETag, read.RecordExists, read.State!.Value));

        var cleared = await ReadAsync(storage, grain);
        Assert.Equal(("3", false, 0, ""), (cleared.ETag, cleared.RecordExists, cleared.State!.Value, cleared.State!.Note));

        cleared.State!.Value = 9;
        await storage.WriteStateAsync(StateName, grain, cleared);
        Assert.Equal(("4", 9), (cleared.ETag, (await ReadAsync(storage, grain)).State!.Value));

        var never = await ReadAsync(storage, Grain(2));
        Assert.Equal(((string?)null, false, 0), (never.ETag, never.RecordExists, never.State!.Value));
    }

    [Fact]
    public async Task Stale_writers_in_a_batch_are_refused_and_every_other_row_of_it_is_written()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var storage = Storage(db, new PostgresGrainStorageOptions { Linger = TimeSpan.FromMilliseconds(200), MaxRows = 100, MaxConcurrentBatches = 1 });
        const int Grains = 300;
        await Task.WhenAll(Enumerable.Range(0, Grains).Select(i =>
            storage.WriteStateAsync(StateName, Grain(i), new GrainState<ProbeState>(new ProbeState { Value = i }))));
        var before = storage.Sent;

        // Every third writer is stale: it still holds no version (it thinks the row is new) or version 0.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Grains).Select(async i =>
        {
            var state = new GrainState<ProbeState>(new ProbeState { Value = 1000 + i }) { ETag = i % 3 != 0 ? "1" : i % 2 == 0 ? null : "0" };

            try
            {
                await storage.WriteStateAsync(StateName, Grain(i), state);
                return (i, Written: true, state.ETag);
            }
            catch (InconsistentStateException)
            {
                return (i, Written: false, state.ETag);
            }
        }));

        var stale = Enumerable.Range(0, Grains).Where(i => i % 3 == 0).ToHashSet();
        Assert.Equal(stale.Order(), outcomes.Where(o => !o.Written).Select(o => o.i).Order());
        Assert.All(outcomes.Where(o => o.Written), o => Assert.Equal("2", o.ETag));
        Assert.Equal(3, storage.Sent.WriteBatches - before.WriteBatches); // 300 rows, 100 a statement
        Assert.Equal(Grains, storage.Sent.WriteRows - before.WriteRows);

        var stored = await Task.WhenAll(Enumerable.Range(0, Grains).Select(i => ReadAsync(storage, Grain(i))));
        for (var i = 0; i < Grains; i++)
        {
            Assert.Equal(stale.Contains(i) ? (i, "1") : (1000 + i, "2"), (stored[i].State!.Value, stored[i].ETag));
        }
    }

    [Fact]
    public async Task Of_hundreds_of_activations_racing_to_write_one_grain_from_the_same_version_exactly_one_wins()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var storage = Storage(db);
        var grain = Grain(42);
        const int Racers = 200;

        // First writes of a new row: only one insert can win.
        var inserts = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => TryWriteAsync(storage, grain, new ProbeState { Value = i }, etag: null)));
        Assert.Single(inserts, won => won);

        // Updates from the version all of them read: again exactly one.
        var updates = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => TryWriteAsync(storage, grain, new ProbeState { Value = 500 + i }, etag: "1")));
        Assert.Single(updates, won => won);
        var winner = Array.IndexOf(updates, true);

        var stored = await ReadAsync(storage, grain);
        Assert.Equal(("2", 500 + winner), (stored.ETag, stored.State!.Value));
        Assert.Equal(1L, await Postgres.ScalarAsync<long>(db.ConnectionString, "SELECT count(*) FROM tandem_grain_state"));
    }

    [Fact]
    public async Task Reads_of_many_activations_go_together_and_each_gets_its_own_row()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var storage = Storage(db, new PostgresGrainStorageOptions { Linger = TimeSpan.FromMilliseconds(200), MaxRows = 250, MaxConcurrentBatches = 1 });
        const int Grains = 500;
        await Task.WhenAll(Enumerable.Range(0, Grains).Where(i => i % 2 == 0).Select(i =>
            storage.WriteStateAsync(StateName, Grain(i), new GrainState<ProbeState>(new ProbeState { Value = i, Note = $"grain {i}" }))));
        var before = storage.Sent;

        var read = await Task.WhenAll(Enumerable.Range(0, Grains).Select(i => ReadAsync(storage, Grain(i))));

        Assert.Equal(2, storage.Sent.ReadBatches - before.ReadBatches);
        for (var i = 0; i < Grains; i++)
        {
            Assert.Equal(i % 2 == 0 ? (true, i, $"grain {i}", "1") : (false, 0, "", null), (read[i].RecordExists, read[i].State!.Value, read[i].State!.Note, read[i].ETag));
        }
    }

    [Fact]
    public async Task A_batch_PostgreSQL_cannot_take_fails_each_of_its_callers_and_writes_nothing()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await Postgres.ExecuteAsync(db.ConnectionString, "ALTER TABLE tandem_grain_state ADD CONSTRAINT small CHECK (octet_length(payload) < 40)");
        await using var storage = Storage(db, new PostgresGrainStorageOptions { Linger = TimeSpan.FromMilliseconds(200), MaxConcurrentBatches = 1 });

        // Twenty small states and one too big for the constraint travel in one statement, so none is written.
        var writes = Enumerable.Range(0, 21).Select(i =>
            storage.WriteStateAsync(StateName, Grain(i), new GrainState<ProbeState>(new ProbeState { Value = i, Note = i == 20 ? new string('x', 100) : "" }))).ToList();

        foreach (var write in writes)
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => write);
            Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        }

        Assert.Equal(0L, await Postgres.ScalarAsync<long>(db.ConnectionString, "SELECT count(*) FROM tandem_grain_state"));

        // The storage carries on: the next write stands alone and succeeds.
        var next = new GrainState<ProbeState>(new ProbeState { Value = 1 });
        await storage.WriteStateAsync(StateName, Grain(0), next);
        Assert.Equal("1", next.ETag);
    }

    [Fact]
    public async Task Connections_killed_under_load_lose_no_acknowledged_write_and_leave_no_row_half_written()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var storage = Storage(db);
        const int Grains = 100;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(6));

        // Every 40 ms PostgreSQL drops every connection of the storage, whatever it is doing (mid-statement, mid-commit);
        // only the test user's own (an autovacuum worker in the database is a superuser's and may not be touched). Each
        // round comes 40 ms after a write acknowledged since the last one, so every round lands among writes that make
        // progress, however slowly the machine answers between rounds.
        using var progress = new SemaphoreSlim(0);
        var killer = Task.Run(async () =>
        {
            var kills = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await progress.WaitAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                while (progress.Wait(0))
                {
                }

                await Task.Delay(40, CancellationToken.None); // the writes after that acknowledgement are under way
                await Postgres.ExecuteAsync(db.ConnectionString,
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND usename = current_user AND pid <> pg_backend_pid()");
                kills++;
            }

            return kills;
        });

        // Each grain writes 1, 2, 3, … in turn. After a failed write it does what a new activation does: reads the row.
        var writers = Enumerable.Range(0, Grains).Select(g => Task.Run(async () =>
        {
            // The first read is as exposed to the killer as any later one (the killer starts at once).
            var state = await RereadAsync(storage, Grain(g), stop.Token);
            var (acknowledged, failedAttempt, failures) = (0, (int?)null, 0);
            if (state is null)
            {
                return (g, acknowledged, failedAttempt, failures);
            }

            while (!stop.IsCancellationRequested)
            {
                var next = acknowledged + 1;
                state.State = new ProbeState { Value = next, Note = new string('n', next % 50) };
                try
                {
                    await storage.WriteStateAsync(StateName, Grain(g), state);
                    acknowledged = next;
                    failedAttempt = null;
                    progress.Release();
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
                {
                    failures++;
                    failedAttempt = next;
                    state = await RereadAsync(storage, Grain(g), stop.Token);
                    if (state is null)
                    {
                        break;
                    }

                    // The write whose answer was lost either committed whole or not at all.
                    Assert.True(state.State!.Value == acknowledged || state.State.Value == next, $"grain {g}: acknowledged {acknowledged}, tried {next}, found {state.State.Value}");
                    acknowledged = state.State.Value;
                    failedAttempt = null;
                }
            }

            return (g, acknowledged, failedAttempt, failures);
        })).ToList();

        var outcomes = await Task.WhenAll(writers);
        var kills = await killer;
        NpgsqlConnection.ClearAllPools();

        TestContext.Current.TestOutputHelper?.WriteLine($"{kills} rounds of killed connections, {outcomes.Sum(o => o.failures)} failed writes, {outcomes.Sum(o => o.acknowledged)} acknowledged");
        Assert.True(kills > 20, $"only {kills} rounds of killed connections");
        Assert.True(outcomes.Sum(o => o.failures) > 0, "no write ever lost its connection: the test did not test anything");
        Assert.True(outcomes.Sum(o => o.acknowledged) >= kills, "a round of kills came before any write was acknowledged since the last");
        await using var fresh = Storage(db);
        foreach (var (g, acknowledged, failedAttempt, _) in outcomes)
        {
            var stored = await ReadAsync(fresh, Grain(g));
            Assert.True(stored.State!.Value == acknowledged || stored.State.Value == failedAttempt, $"grain {g}: acknowledged {acknowledged}, stored {stored.State.Value}");
            Assert.Equal(new string('n', stored.State.Value % 50), stored.State.Note); // the row is one whole state
        }
    }

    /// <summary>Reads a row again until the database answers (connections keep being killed), or the test's time is up.</summary>
    private static async Task<GrainState<ProbeState>?> RereadAsync(PostgresGrainStorage storage, GrainId grain, CancellationToken stop)
    {
        while (true)
        {
            try
            {
                return await ReadAsync(storage, grain);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                if (stop.IsCancellationRequested)
                {
                    return null;
                }
            }
        }
    }

    [Fact]
    public async Task Without_a_database_a_write_fails_instead_of_waiting()
    {
        var unreachable = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = TandemProcess.FreePort(), Username = "nobody", Password = "x", Timeout = 2 }.ConnectionString;
        await using var storage = new PostgresGrainStorage("test", "tandem-test", NpgsqlDataSource.Create(unreachable), new StateSerializer(),
            new PostgresGrainStorageOptions(), NullLogger<PostgresGrainStorage>.Instance);

        var write = storage.WriteStateAsync(StateName, Grain(1), new GrainState<ProbeState>(new ProbeState()));

        await Assert.ThrowsAsync<NpgsqlException>(() => write.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Due_times_are_written_in_the_same_batch_as_their_states_and_answered_earliest_first_for_one_state_name()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var storage = Storage(db);
        var now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        var c = new GrainState<DueProbe>(new DueProbe { DueAt = now.AddMinutes(-2) });
        await Task.WhenAll( // one batch
            storage.WriteStateAsync(StateName, Grain(1), new GrainState<DueProbe>(new DueProbe { DueAt = now.AddMinutes(-1) })),
            storage.WriteStateAsync(StateName, Grain(2), new GrainState<DueProbe>(new DueProbe { DueAt = now.AddMinutes(-3) })),
            storage.WriteStateAsync(StateName, Grain(3), c),
            storage.WriteStateAsync(StateName, Grain(4), new GrainState<DueProbe>(new DueProbe())),
            storage.WriteStateAsync(StateName, Grain(5), new GrainState<DueProbe>(new DueProbe { DueAt = now.AddMinutes(1) })),
            storage.WriteStateAsync("other", Grain(1), new GrainState<DueProbe>(new DueProbe { DueAt = now.AddMinutes(-9) })),
            storage.WriteStateAsync(StateName, Grain(6), new GrainState<ProbeState>(new ProbeState())));
        var all = await storage.DueAsync(StateName, now, 10);
        var first = await storage.DueAsync(StateName, now, 1);

        await storage.ClearStateAsync(StateName, Grain(3), c);
        var b = new GrainState<DueProbe>(new DueProbe());
        await storage.ReadStateAsync(StateName, Grain(2), b);
        b.State!.DueAt = now.AddHours(1);
        await storage.WriteStateAsync(StateName, Grain(2), b);

        Assert.Equal([Grain(2), Grain(3), Grain(1)], all.Select(d => d.Grain));
        Assert.Equal([new DueGrain(Grain(2), now.AddMinutes(-3))], first);
        Assert.Equal([Grain(1)], (await storage.DueAsync(StateName, now, 10)).Select(d => d.Grain));
        Assert.Equal([Grain(1), Grain(5), Grain(2)], (await storage.DueAsync(StateName, now.AddHours(1), 10)).Select(d => d.Grain));
        Assert.Equal(now.AddHours(1).UtcDateTime, await Postgres.ScalarAsync<DateTime>(db.ConnectionString,
            $"SELECT due_at FROM tandem_grain_state WHERE grain_id = '{Grain(2)}' AND state_name = '{StateName}'"));
    }

    [Fact]
    public async Task Due_rows_are_read_page_after_page_each_starting_after_the_last_of_the_previous_even_among_equal_times()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var storage = Storage(db);
        var now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        await Task.WhenAll(new[] { (4, 2), (1, 2), (3, 1), (2, 2), (5, 3) }.Select(g =>
            storage.WriteStateAsync(StateName, Grain(g.Item1), new GrainState<DueProbe>(new DueProbe { DueAt = now.AddMinutes(-g.Item2) }))));

        var pages = new List<GrainId[]>();
        DueGrain? after = null;
        do
        {
            var page = await storage.DueAsync(StateName, now, 2, after);
            pages.Add([.. page.Select(d => d.Grain)]);
            after = page.Count == 2 ? page[^1] : null;
        }
        while (after is not null);

        Assert.Equal([[Grain(5), Grain(1)], [Grain(2), Grain(4)], [Grain(3)]], pages);
    }

    public sealed class DueProbe : IDueState
    {
        public DateTimeOffset? DueAt { get; set; }
    }

    private static async Task<bool> TryWriteAsync(PostgresGrainStorage storage, GrainId grain, ProbeState value, string? etag)
    {
        try
        {
            await storage.WriteStateAsync(StateName, grain, new GrainState<ProbeState>(value) { ETag = etag });
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }

    private static async Task<GrainState<ProbeState>> ReadAsync(PostgresGrainStorage storage, GrainId grain)
    {
        var state = new GrainState<ProbeState>(new ProbeState());
        await storage.ReadStateAsync(StateName, grain, state);
        return state;
    }

    private static GrainId Grain(int n) => GrainId.Create("probe", $"p-{n}");

    private static PostgresGrainStorage Storage(TestDatabase db, PostgresGrainStorageOptions? options = null) =>
        new("test", "tandem-test", NpgsqlDataSource.Create(db.ConnectionString), new StateSerializer(), options ?? new PostgresGrainStorageOptions(),
            NullLogger<PostgresGrainStorage>.Instance);

}
