namespace Tandem.Grains.Push;

/// <summary>The one HTTP client push messages leave through (connections pooled, renewed every few minutes).</summary>
public sealed class PushClient : IDisposable
{
    public HttpClient Http { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    public void Dispose() => Http.Dispose();
}
