using Tandem.Grains.Interfaces.Orders;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// Holds every catch-up of marked orders until the test lets them go: a grain that does not answer, as one stuck
/// behind a storage that hangs does, so a test sees what a sweep does about it.
/// </summary>
public sealed class HeldCatchUps : IIncomingGrainCallFilter
{
    /// <summary>Orders whose id contains this have their catch-ups held while the test holds them (<see cref="Close"/>).</summary>
    public const string Marker = "catch-up-held";

    private static TaskCompletionSource _gate = Open();

    /// <summary>Holds marked orders' catch-ups until the returned scope is disposed.</summary>
    public static IDisposable Close()
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _gate, closed);
        return new Opener(closed);
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is IOrderGrain order
            && context.InterfaceMethod.Name == nameof(IOrderGrain.CatchUpAsync)
            && order.GetPrimaryKeyString().Contains(Marker, StringComparison.Ordinal))
        {
            await Volatile.Read(ref _gate).Task;
        }

        await context.Invoke();
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private sealed class Opener(TaskCompletionSource gate) : IDisposable
    {
        public void Dispose() => gate.TrySetResult();
    }
}
