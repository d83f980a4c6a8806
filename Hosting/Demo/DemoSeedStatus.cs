namespace Tandem.Hosting.Demo;

/// <summary>Whether the demo data is in place; readiness waits for it.</summary>
public sealed class DemoSeedStatus
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsComplete => _done.Task.IsCompletedSuccessfully;

    public Task Completion => _done.Task;

    public void MarkComplete() => _done.TrySetResult();
}
