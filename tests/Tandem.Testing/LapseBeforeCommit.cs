using Tandem.Grains.Interfaces.Inventory;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// Makes time jump just before an inventory cell commits a reservation of a marked order, so the hold lapses
/// between the order's last look at it and its commit: the moment a real clock can hit by chance.
/// </summary>
public sealed class LapseBeforeCommit : IIncomingGrainCallFilter
{
    /// <summary>Orders whose id contains this have their holds lapse at the first commit of each.</summary>
    public const string Marker = "lapse-at-commit";

    private static readonly HashSet<string> Lapsed = [];

    /// <summary>How far the clock jumps: longer than the holds orders take in the test cluster (1 h), shorter than their expiry (24 h).</summary>
    public static readonly TimeSpan Jump = TimeSpan.FromHours(2);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is IInventoryCellGrain
            && context.InterfaceMethod.Name == nameof(IInventoryCellGrain.CommitAsync)
            && context.Request.GetArgument(0) is string reservationId
            && reservationId.Contains(Marker, StringComparison.Ordinal))
        {
            var order = reservationId[..reservationId.IndexOf('.', StringComparison.Ordinal)];
            lock (Lapsed)
            {
                if (Lapsed.Add(order))
                {
                    GrainClusterFixture.Clock.Advance(Jump);
                }
            }
        }

        return context.Invoke();
    }
}
