using System.Text.Json;

using Tandem.Brains.Intent;

namespace Tandem.Tests.Recommendations;

public sealed class IntentModelTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tandem-tests", "intent-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_scores_and_the_newest_complete_one_is_found()
    {
        var sessions = IntentSessions.Made(300, seed: 1, T0);
        using var model = new GradientBoostedIntent();
        model.Train(sessions);
        var card = Card(T0.AddDays(1));

        var saved = IntentModelFiles.Save(_folder, model, card);
        var older = IntentModelFiles.Save(_folder, model, card with { TrainedAt = T0 });
        File.WriteAllText(Path.Combine(_folder, "intent-29991231-000000-deadbeef.json"), JsonSerializer.Serialize(card with { Version = "29991231-000000-deadbeef", TrainedAt = T0.AddYears(9) }, SessionLog.Json));
        File.WriteAllText(Path.Combine(_folder, "intent-broken.json"), "{ not json");
        var newest = IntentModelFiles.Newest(_folder);
        using var loaded = IntentModelFiles.Load(_folder, newest!);

        Assert.Matches("^20261102-090000-[0-9a-f]{8}$", saved.Version);
        Assert.StartsWith("20261101-090000-", older.Version, StringComparison.Ordinal);
        Assert.Equal(saved.Version, newest!.Version); // the later card with no model beside it is not complete
        Assert.Equal(sessions.Select(model.Score), sessions.Select(loaded.Score));
        Assert.Null(IntentModelFiles.Newest(Path.Combine(_folder, "none")));
    }

    [Fact]
    public async Task Hundreds_of_scores_at_once_give_what_one_at_a_time_gives()
    {
        var sessions = IntentSessions.Made(400, seed: 2, T0);
        using var model = new GradientBoostedIntent();
        model.Train(sessions);
        var one = sessions.Select(model.Score).ToList();

        var many = await Task.WhenAll(sessions.Select(s => Task.Run(() => model.Score(s))));

        Assert.Equal(one, many);
        Assert.True(one.Distinct().Count() > 5, "the model tells sessions apart");
    }

    [Fact]
    public void A_reading_scores_the_session_and_each_product_and_category_on_their_own_events()
    {
        IntentEvent[] events =
        [
            new(IntentSignal.View, "cot", "nursery", T0),
            new(IntentSignal.View, "raincoat", "outdoor", T0.AddSeconds(10)),
            new(IntentSignal.SizeChart, "raincoat", "outdoor", T0.AddSeconds(20)),
            new(IntentSignal.View, "mattress", "nursery", T0.AddSeconds(30)),
            new(IntentSignal.View, "cot", "nursery", T0.AddSeconds(40)),
            new(IntentSignal.Click, null, null, T0.AddSeconds(45), 0.5),
        ];

        var reading = IntentReading.Of(new EventCount(), events, signedIn: true);

        Assert.Equal(6, reading.Session);
        Assert.Equal([KeyValuePair.Create("cot", 2.0), KeyValuePair.Create("mattress", 1.0), KeyValuePair.Create("raincoat", 2.0)], reading.Products); // the latest engaged first
        Assert.Equal([KeyValuePair.Create("nursery", 3.0), KeyValuePair.Create("outdoor", 2.0)], reading.Categories); // the most engaged first
    }

    [Fact]
    public void The_session_log_labels_buyers_and_reads_their_behaviour_up_to_their_first_order()
    {
        Directory.CreateDirectory(_folder);
        SessionLogLine[] lines =
        [
            new() { Session = "a", Kind = "view", Sku = "cot", Category = "nursery", At = T0 },
            new() { Session = "a", Kind = "scrollSpeed", Sku = "cot", At = T0.AddSeconds(5), Value = 900 },
            new() { Session = "a", Kind = "order", At = T0.AddSeconds(60), Order = "o-1" },
            new() { Session = "a", Kind = "view", Sku = "wipes", At = T0.AddSeconds(90) },
            new() { Session = "b", Kind = "click", At = T0.AddSeconds(1), Y = 0.25 },
            new() { Session = "b", Kind = "somethingNew", At = T0.AddSeconds(2) },
            new() { Session = "c", Kind = "order", At = T0.AddSeconds(3), Order = "o-2" },
            // Numbered lines: the order (timed by the server, whose clock is behind the device's) came after event 0.
            new() { Session = "d", Kind = "view", Sku = "cot", At = T0.AddSeconds(50), Seq = 0 },
            new() { Session = "d", Kind = "addToCart", Sku = "cot", At = T0.AddSeconds(51), Seq = 1 },
            new() { Session = "d", Kind = "order", At = T0.AddSeconds(40), Order = "o-3", Seq = 2 },
            new() { Session = "d", Kind = "view", Sku = "wipes", At = T0.AddSeconds(52), Seq = 2 },
        ];
        File.WriteAllLines(Path.Combine(_folder, "sessions-1.jsonl"), [.. lines[..4].Select(l => JsonSerializer.Serialize(l, SessionLog.Json)), "{ torn", ""]);
        File.WriteAllLines(Path.Combine(_folder, "sessions-2.jsonl"), lines[4..].Select(l => JsonSerializer.Serialize(l, SessionLog.Json)));
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not the log");

        var log = SessionLog.Read(_folder);

        Assert.Equal((12, 1), (log.Lines, log.Unreadable));
        Assert.Equal(["a", "b", "d"], log.Sessions.Select(s => s.Id)); // c has nothing before its order
        var a = log.Sessions[0];
        Assert.True(a.Bought);
        Assert.Equal([new(IntentSignal.View, "cot", "nursery", T0, 0), new(IntentSignal.ScrollSpeed, "cot", null, T0.AddSeconds(5), 900)], a.Events);
        var b = log.Sessions[1];
        Assert.False(b.Bought);
        Assert.Equal([new IntentEvent(IntentSignal.Click, null, null, T0.AddSeconds(1), 0.25)], b.Events);
        var d = log.Sessions[2];
        Assert.True(d.Bought);
        Assert.Equal([IntentSignal.View, IntentSignal.AddToCart], d.Events.Select(e => e.Signal));
        Assert.Throws<DirectoryNotFoundException>(() => SessionLog.Read(Path.Combine(_folder, "none")));

        // Read with sessions active in the log's last 10 s left out: a (its last line the newest) may still be shopping.
        var settled = SessionLog.Read(_folder, open: TimeSpan.FromSeconds(10));
        Assert.Equal(["b", "d"], settled.Sessions.Select(s => s.Id));
        Assert.Equal(1, settled.Open);
    }

    [Fact]
    public void Training_refuses_a_log_with_too_few_buyers_to_learn_and_measure_from_and_says_why()
    {
        var sessions = IntentSessions.Made(200, seed: 3, T0).Select((s, i) => s with { Bought = i == 7 }).ToList();

        var refused = Assert.Throws<InvalidOperationException>(() => IntentTraining.Train(sessions, "log", T0));

        Assert.Equal("The earlier sessions have 1 buyers and 159 non-buyers; at least 5 of each are needed (200 sessions logged).", refused.Message);
    }

    [Fact]
    public void Training_measures_the_model_against_the_count_of_views_on_the_later_sessions_then_learns_from_all()
    {
        var sessions = IntentSessions.Made(500, seed: 4, T0);

        var result = IntentTraining.Train(sessions, "log", T0.AddDays(2), bootstrap: 50);

        Assert.Equal((500, sessions.Count(s => s.Bought), 100), (result.Card.Sessions, result.Card.Buyers, result.Card.HeldOutSessions));
        Assert.Equal(sessions.Skip(400).Count(s => s.Bought), result.Card.HeldOutBuyers);
        Assert.True(result.Card.RocAuc > result.Card.ViewsRocAuc, $"model {result.Card.RocAuc}, views {result.Card.ViewsRocAuc}");
        Assert.Equal(IntentFeatures.Names, result.Card.Features);
        Assert.Equal(result.Measured.RocAuc, result.Card.RocAuc, 4);
    }

    private static IntentModelCard Card(DateTimeOffset at) => new()
    {
        Version = "", Model = "m", TrainedAt = at, TrainedOn = "log", Sessions = 1, Buyers = 1, HeldOutSessions = 1, HeldOutBuyers = 1,
        RocAuc = 0.5, ViewsRocAuc = 0.5, Features = IntentFeatures.Names,
    };

    /// <summary>A model that scores a session by how many events it has: readings become easy to state.</summary>
    private sealed class EventCount : IIntentModel
    {
        public string Name => "events";

        public void Train(IReadOnlyList<IntentSession> sessions)
        {
        }

        public double Score(IntentSession session) => session.Events.Count;
    }
}
