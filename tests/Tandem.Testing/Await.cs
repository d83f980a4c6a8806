namespace Tandem.Tests.Infrastructure;

/// <summary>Waiting for something that happens elsewhere, with a deadline instead of a sleep.</summary>
public static class Await
{
    public static async Task<T> WithinAsync<T>(Task<T> task, TimeSpan deadline, string what)
    {
        try
        {
            return await task.WaitAsync(deadline);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {deadline.TotalSeconds:0.#} s for {what}.");
        }
    }

    public static async Task WithinAsync(Task task, TimeSpan deadline, string what)
    {
        try
        {
            await task.WaitAsync(deadline);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {deadline.TotalSeconds:0.#} s for {what}.");
        }
    }

    /// <summary>
    /// Asks <paramref name="probe"/> until it answers (not null), e.g. until a read model has caught up; throws when
    /// <paramref name="deadline"/> passes first.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan deadline) where T : class
    {
        using var timeout = new CancellationTokenSource(deadline);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            do
            {
                if (await probe() is { } answer)
                {
                    return answer;
                }
            }
            while (await poll.WaitForNextTickAsync(timeout.Token));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"Waited {deadline.TotalSeconds:0.#} s for an answer.");
    }
}
