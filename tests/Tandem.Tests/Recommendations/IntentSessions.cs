using Tandem.Brains.Intent;

namespace Tandem.Tests.Recommendations;

/// <summary>Made-up sessions for purchase-intent tests: most buyers dwell longer and put something in the cart, a few non-buyers too; views say nothing.</summary>
public static class IntentSessions
{
    public static IReadOnlyList<IntentSession> Made(int count, int seed, DateTimeOffset start)
    {
        var random = new Random(seed);
        var sessions = new List<IntentSession>();
        for (var i = 0; i < count; i++)
        {
            var buys = random.NextDouble() < 0.3;
            var eager = buys ? random.NextDouble() < 0.85 : random.NextDouble() < 0.1;
            var at = start.AddMinutes(i);
            var events = new List<IntentEvent>();
            for (var v = random.Next(1, 7); v > 0; v--)
            {
                var item = "p" + random.Next(30);
                events.Add(new IntentEvent(IntentSignal.View, item, "c" + (item.GetHashCode(StringComparison.Ordinal) & 3), at));
                at = at.AddSeconds(random.Next(5, eager ? 90 : 20));
                events.Add(new IntentEvent(IntentSignal.Dwell, item, null, at, (eager ? 40_000 : 5_000) * random.NextDouble()));
            }

            if (eager)
            {
                events.Add(new IntentEvent(IntentSignal.AddToCart, events[0].Item, events[0].Category, at.AddSeconds(3), 1));
            }

            sessions.Add(new IntentSession($"s{i:D4}", SignedIn: true, events, buys));
        }

        return sessions;
    }
}
