namespace Tandem.Grains.Push;

/// <summary>The one HTTP client push messages leave through (connections pooled, renewed every few minutes).</summary>
public sealed class PushClient : IDisposable
{
    public HttpClient Http { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan, // each request carries its own deadline (PushOptions.SendTimeout)
    };

    public void Dispose() => Http.Dispose();
}
