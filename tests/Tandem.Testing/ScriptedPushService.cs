using System.Collections.Concurrent;
using System.Net;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// A push service on loopback that answers each request with the next scripted answer: a status with an optional
/// Retry-After, or silence (the request is held until the service is disposed). It counts what it was sent.
/// </summary>
public sealed class ScriptedPushService : IAsyncDisposable
{
    /// <summary>An answer: a status code (and Retry-After in seconds), or <see cref="Silent"/> for no answer at all.</summary>
    public sealed record Answer(int Status, int? RetryAfterSeconds = null)
    {
        public static readonly Answer Silent = new(0);
    }

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Answer> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<HttpListenerContext> _held = []; // silent requests, kept so nothing answers them
    private readonly Task _serving;
    private int _requests;

    private ScriptedPushService(int port, IEnumerable<Answer> script)
    {
        Endpoint = $"http://127.0.0.1:{port}/push/{Guid.NewGuid():N}";
        _script = new ConcurrentQueue<Answer>(script);
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public string Endpoint { get; }

    /// <summary>How many push requests arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static ScriptedPushService Start(params Answer[] script) => new(TandemProcess.FreePort(), script);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var held in _held)
        {
            held.Response.Abort();
        }

        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (ObjectDisposedException)
        {
            // the listener closed under a pending accept
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (HttpListenerException) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            var answer = _script.TryDequeue(out var next) ? next : new Answer(201);
            if (answer == Answer.Silent)
            {
                _held.Add(context); // never answered: the sender must give up on its own
                continue;
            }

            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            context.Response.Close();
        }
    }
}
