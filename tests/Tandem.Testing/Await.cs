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
}
