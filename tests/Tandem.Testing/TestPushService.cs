using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// The npm package web-push-testing as a real push service on loopback: it hands out subscriptions, accepts
/// messages only with a valid VAPID token from the subscription's application server key, decrypts them
/// (aes128gcm) with the subscription's private key, and shows what it received.
/// </summary>
public sealed class TestPushService : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;

    private TestPushService(Process process, int port)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };
    }

    public static async Task<TestPushService> StartAsync()
    {
        var server = Path.Combine(Repository.Root, "Api", "web", "node_modules", "web-push-testing", "src", "bin", "server.js");
        if (!File.Exists(server))
        {
            throw new InvalidOperationException($"{server} is missing: dotnet build installs the web clients' npm packages.");
        }

        var port = TandemProcess.FreePort();
        var process = Process.Start(new ProcessStartInfo("node", [server, port.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Server running on port", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return new TestPushService(process, port);
    }

    /// <summary>A new browser subscription for the application server key: endpoint, keys, and its client hash.</summary>
    public async Task<(string Endpoint, string P256dh, string Auth, string ClientHash)> SubscribeAsync(string applicationServerKey)
    {
        var response = await _http.PostAsJsonAsync("/subscribe", new { userVisibleOnly = "true", applicationServerKey });
        response.EnsureSuccessStatusCode();
        var data = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data");
        var keys = data.GetProperty("keys");
        return (data.GetProperty("endpoint").GetString()!, keys.GetProperty("p256dh").GetString()!, keys.GetProperty("auth").GetString()!,
            data.GetProperty("clientHash").GetString()!);
    }

    /// <summary>The decrypted messages the subscription received so far.</summary>
    public async Task<string[]> MessagesAsync(string clientHash)
    {
        var response = await _http.PostAsJsonAsync("/get-notifications", new { clientHash });
        response.EnsureSuccessStatusCode();
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("messages")
            .EnumerateArray().Select(m => m.GetString()!)];
    }

    /// <summary>Makes the push service answer 410 Gone for this subscription from now on.</summary>
    public async Task ExpireAsync(string clientHash) =>
        (await _http.PostAsync(new Uri($"/expire-subscription/{clientHash}", UriKind.Relative), null)).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _http.Dispose();
    }
}
