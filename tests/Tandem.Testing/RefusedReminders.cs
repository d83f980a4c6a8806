namespace Tandem.Tests.Infrastructure;

/// <summary>
/// Refuses the next registrations of a reminder for grains whose id contains <see cref="Marker"/>, at the in-memory
/// reminder table's grain, as an unreachable reminder table would.
/// </summary>
public sealed class RefusedReminders : IIncomingGrainCallFilter
{
    public const string Marker = "no-reminder";

    private static int _toRefuse;

    /// <summary>Refuses the next <paramref name="count"/> registrations of marked grains.</summary>
    public static void RefuseNext(int count) => Interlocked.Exchange(ref _toRefuse, count);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod.Name == "UpsertRow"
            && context.Request.GetArgumentCount() > 0
            && context.Request.GetArgument(0) is ReminderEntry entry
            && entry.GrainId.ToString().Contains(Marker, StringComparison.Ordinal)
            && Interlocked.Decrement(ref _toRefuse) >= 0)
        {
            throw new InvalidOperationException($"The reminder table refused {entry.ReminderName} of {entry.GrainId} (test).");
        }

        return context.Invoke();
    }
}
