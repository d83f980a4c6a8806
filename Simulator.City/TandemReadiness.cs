namespace Tandem.Simulator.City;

/// <summary>Waits for a Tandem Api to answer <c>/health/ready</c> with 200 (started, demo city seeded).</summary>
public static class TandemReadiness
{
    /// <summary>True once ready; false when <paramref name="within"/> passes first.</summary>
    public static async Task<bool> WaitAsync(Uri baseUrl, TimeSpan within, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(within);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            do
            {
                try
                {
                    using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), deadline.Token);
                    if (ready.IsSuccessStatusCode)
                    {
                        return true;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
                catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
                {
                    // one slow answer; ask again
                }
            }
            while (await poll.WaitForNextTickAsync(deadline.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the deadline passed
        }

        cancellationToken.ThrowIfCancellationRequested();
        return false;
    }
}
