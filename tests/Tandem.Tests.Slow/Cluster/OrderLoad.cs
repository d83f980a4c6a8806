using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace Tandem.Tests.Cluster;

/// <summary>
/// Shoppers placing pickup orders like real clients: a request without a definitive answer (503, timeout,
/// connection error) is retried with the same Idempotency-Key and body until it gets 201 or 409. Each shopper
/// signs in with their own token (<paramref name="tokenFor"/> gives it for a shopper id).
/// </summary>
public sealed class OrderLoad(HttpClient http, IReadOnlyList<string> skus, string locationId, Func<string, string> tokenFor)
{
    /// <summary>How long an undecided client waits for a sign of recovery before it retries anyway.</summary>
    private static readonly TimeSpan RetryDeadline = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<string, (string Shopper, string Body)> _pending = new();
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly Lock _signals = new();
    private TaskCompletionSource _nextDefinitive = NewSignal();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Reached)> _milestones = [];

    public ConcurrentDictionary<string, Placed> Acknowledged { get; } = new();

    public int Refused;
    public int Unavailable;
    public int OtherFailures;
    public ConcurrentQueue<string> Failures { get; } = new();
    public ConcurrentQueue<(TimeSpan At, HttpStatusCode? Status, TimeSpan Took)> Timeline { get; } = new();

    public sealed record Placed(string OrderId, IReadOnlyList<(string Sku, int Quantity)> Lines);

    /// <summary>Runs <paramref name="clients"/> shoppers until <paramref name="duration"/> is over.</summary>
    public async Task RunAsync(int clients, TimeSpan duration, int seed)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(seed + c);
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(random.Next(150, 350))); // one shopper's pace
            for (var n = 0; clock.Elapsed < duration; n++)
            {
                var key = $"c{c}-n{n}";
                var lines = PickLines(random);
                var shopper = $"shopper-{c}";
                var body = Body(shopper, lines);
                while (clock.Elapsed < duration && !await TryPlaceAsync(key, shopper, body, lines, clock))
                {
                    await RecoveryOrDeadlineAsync();
                }

                if (clock.Elapsed >= duration && !Acknowledged.ContainsKey(key))
                {
                    _pending[key] = (shopper, body);
                }

                await pace.WaitForNextTickAsync();
            }
        })));
    }

    /// <summary>Retries every undecided request until each has a definitive answer.</summary>
    public async Task SettleAsync(TimeSpan deadline)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (key, (shopper, body)) in _pending)
        {
            var lines = JsonSerializer.Deserialize<JsonElement>(body).GetProperty("lines").EnumerateArray()
                .Select(l => (l.GetProperty("sku").GetString()!, l.GetProperty("quantity").GetInt32())).ToList();
            while (!await TryPlaceAsync(key, shopper, body, lines, clock))
            {
                if (clock.Elapsed > deadline)
                {
                    throw new TimeoutException($"Request {key} got no definitive answer within {deadline}.");
                }

                await RecoveryOrDeadlineAsync();
            }
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> orders were acknowledged.</summary>
    public Task AcknowledgedAtLeastAsync(int count) => Milestone(() => Acknowledged.Count >= count);

    /// <summary>Completes once at least <paramref name="count"/> requests got no definitive answer.</summary>
    public Task UnavailableAtLeastAsync(int count) => Milestone(() => Volatile.Read(ref Unavailable) >= count);

    private Task Milestone(Func<bool> condition)
    {
        lock (_signals)
        {
            if (condition())
            {
                return Task.CompletedTask;
            }

            var reached = NewSignal();
            _milestones.Add((condition, reached));
            return reached.Task;
        }
    }

    /// <summary>Something happened: complete the milestones now reached; a definitive answer wakes waiting retries.</summary>
    private void Signal(bool definitive)
    {
        lock (_signals)
        {
            foreach (var milestone in _milestones.Where(m => m.Condition()).ToList())
            {
                milestone.Reached.TrySetResult();
                _milestones.Remove(milestone);
            }

            if (definitive)
            {
                _nextDefinitive.TrySetResult();
                _nextDefinitive = NewSignal();
            }
        }
    }

    /// <summary>
    /// An undecided client retries as soon as any client gets a definitive answer (the system answers
    /// again), or after <see cref="RetryDeadline"/> at the latest.
    /// </summary>
    private async Task RecoveryOrDeadlineAsync()
    {
        Task recovered;
        lock (_signals)
        {
            recovered = _nextDefinitive.Task;
        }

        try
        {
            await recovered.WaitAsync(RetryDeadline);
        }
        catch (TimeoutException)
        {
            // No one got through yet: retry anyway.
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task<bool> TryPlaceAsync(string key, string shopper, string body, IReadOnlyList<(string, int)> lines, System.Diagnostics.Stopwatch clock)
    {
        var sent = clock.Elapsed;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = Infrastructure.Http.Json(body) };
            request.Headers.Add("Idempotency-Key", key);
            request.Headers.Authorization = new("Bearer", _tokens.GetOrAdd(shopper, tokenFor));
            using var response = await http.SendAsync(request);
            Timeline.Enqueue((sent, response.StatusCode, clock.Elapsed - sent));
            switch (response.StatusCode)
            {
                case HttpStatusCode.Created:
                    var orderId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("orderId").GetString()!;
                    Acknowledged[key] = new Placed(orderId, lines);
                    Signal(definitive: true);
                    return true;
                case HttpStatusCode.Conflict:
                    Interlocked.Increment(ref Refused);
                    Signal(definitive: true);
                    return true;
                case HttpStatusCode.ServiceUnavailable:
                    Interlocked.Increment(ref Unavailable);
                    Signal(definitive: false);
                    return false;
                default:
                    Interlocked.Increment(ref OtherFailures);
                    Failures.Enqueue($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    return false;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Timeline.Enqueue((sent, null, clock.Elapsed - sent));
            Interlocked.Increment(ref Unavailable);
            Signal(definitive: false);
            return false;
        }
    }

    private List<(string Sku, int Quantity)> PickLines(Random random)
    {
        var first = skus[random.Next(skus.Count)];
        var lines = new List<(string, int)> { (first, random.Next(1, 3)) };
        if (random.NextDouble() < 0.3)
        {
            var second = skus[random.Next(skus.Count)];
            if (second != first)
            {
                lines.Add((second, 1));
            }
        }

        return lines;
    }

    private string Body(string shopperId, List<(string Sku, int Quantity)> lines) => JsonSerializer.Serialize(new
    {
        sessionId = shopperId + "-web",
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }),
        fulfilment = new { mode = "pickup", locationId },
    });
}
