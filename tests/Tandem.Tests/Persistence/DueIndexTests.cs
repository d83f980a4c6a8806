using Tandem.Grains.Infrastructure;
using Tandem.Hosting.Configuration;
using Tandem.Hosting.Storage;

namespace Tandem.Tests.Persistence;

/// <summary>
/// The index of due times kept by the storages held in memory: it answers what a look at every stored row would, keeps
/// one entry per due state, and stays right when writes of one state tell it in another order than they landed.
/// </summary>
public sealed class DueIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static GrainId Order(string key) => GrainId.Create("order", key);

    [Fact]
    public void A_write_that_told_late_after_a_later_write_changes_nothing_and_the_later_one_keeps_the_entry()
    {
        var index = new DueIndex();
        var stored = new Dictionary<GrainId, DateTimeOffset?> { [Order("a")] = Now.AddMinutes(-5) };
        index.Moved("order", Order("a"), null, Now.AddMinutes(-5), () => true);

        // Two writes land: -5 → +30 (first), +30 → -1 (second); the second tells first, the first tells after it.
        stored[Order("a")] = Now.AddMinutes(-1);
        index.Moved("order", Order("a"), Now.AddMinutes(30), Now.AddMinutes(-1), () => stored[Order("a")] == Now.AddMinutes(-1));
        index.Moved("order", Order("a"), Now.AddMinutes(-5), Now.AddMinutes(30), () => stored[Order("a")] == Now.AddMinutes(30));

        var page = index.Page("order", Now, 10, null, g => stored[g]);

        Assert.Equal([new DueGrain(Order("a"), Now.AddMinutes(-1))], page);
        Assert.Equal(1, index.Count); // the -5 entry was dropped when the page met it
    }

    [Fact]
    public void A_moved_due_time_leaves_one_entry_and_a_cleared_state_none()
    {
        var index = new DueIndex();
        var stored = new Dictionary<GrainId, DateTimeOffset?>();
        void Write(string key, DateTimeOffset? due)
        {
            var from = stored.GetValueOrDefault(Order(key));
            stored[Order(key)] = due;
            index.Moved("order", Order(key), from, due, () => true);
        }

        Write("a", Now.AddHours(1));
        Write("a", Now.AddHours(2));
        Write("a", Now.AddHours(3));
        Write("b", Now.AddHours(1));
        Write("b", null);

        Assert.Equal(1, index.Count);
        Assert.Equal([new DueGrain(Order("a"), Now.AddHours(3))], index.Page("order", Now.AddDays(1), 10, null, g => stored[g]));
    }

    [Fact]
    public async Task Under_hundreds_of_concurrent_writers_the_storage_answers_what_its_rows_hold_each_due_grain_once()
    {
        var storage = new EmbeddedGrainStorage("grains", new StateSerializer());
        var grains = Enumerable.Range(0, 300).Select(i => Order($"o{i:D3}")).ToArray();

        // Each grain written 20 times, the grains all at once: every write moves the due time, some past now, some not.
        await Task.WhenAll(grains.Select((grain, g) => Task.Run(async () =>
        {
            var state = new GrainState<EmbeddedGrainStorageTests.Due>(new EmbeddedGrainStorageTests.Due());
            for (var w = 0; w < 20; w++)
            {
                state.State!.DueAt = (g + w) % 3 == 0 ? null : Now.AddMinutes(((g * 7) + (w * 13)) % 120 - 60);
                await storage.WriteStateAsync("order", grain, state);
            }
        })));
        var expected = new List<DueGrain>();
        foreach (var grain in grains)
        {
            var state = new GrainState<EmbeddedGrainStorageTests.Due>();
            await storage.ReadStateAsync("order", grain, state);
            if (state.State!.DueAt is { } due && due <= Now)
            {
                expected.Add(new DueGrain(grain, due));
            }
        }

        var pages = new List<DueGrain>();
        DueGrain? after = null;
        while (true)
        {
            var page = await storage.DueAsync("order", Now, 7, after);
            pages.AddRange(page);
            if (page.Count < 7)
            {
                break;
            }

            after = page[^1];
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(d => d.DueAt).ThenBy(d => d.Grain), pages);
    }
}
