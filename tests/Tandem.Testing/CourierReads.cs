using Tandem.Grains.Interfaces.Couriers;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// Counts the reads of courier grains (<see cref="ICourierGrain.GetAsync"/>) made by anyone but the courier boards, to
/// show who fans out to every courier.
/// </summary>
public sealed class CourierReads : IIncomingGrainCallFilter
{
    private static long _count;

    public static long NotByBoards => Interlocked.Read(ref _count);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is ICourierGrain
            && context.InterfaceMethod.Name == nameof(ICourierGrain.GetAsync)
            && context.SourceId?.Type.ToString() != "courierboard")
        {
            Interlocked.Increment(ref _count);
        }

        return context.Invoke();
    }
}
