using Tandem.Contracts.Dispatch;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Dispatch;

namespace Tandem.Grains.Dispatch;

/// <summary>One order's dispatch decisions with their inputs and outcomes, the newest <see cref="MaxDecisions"/>.</summary>
public sealed class DispatchRecordGrain(
    [PersistentState("dispatch-record", StorageNames.Grains)] IPersistentState<DispatchRecordState> state) : Grain, IDispatchRecordGrain
{
    public const int MaxDecisions = 50;

    private List<DispatchChoice> Decisions => state.State.Decisions;

    public async Task AddAsync(DispatchChoice choice)
    {
        if (Decisions.Exists(d => d.Window == choice.Window && d.CourierId == choice.CourierId))
        {
            return;
        }

        Decisions.Add(choice);
        if (Decisions.Count > MaxDecisions)
        {
            Decisions.RemoveRange(0, Decisions.Count - MaxDecisions);
        }

        await state.SaveAsync(this);
    }

    public async Task CloseAsync(DateTimeOffset window, string courierId, DispatchOutcome outcome, DateTimeOffset at)
    {
        var index = Decisions.FindIndex(d => d.Window == window && d.CourierId == courierId);
        if (index < 0 || Decisions[index].Outcome != DispatchOutcome.Offered)
        {
            return;
        }

        Decisions[index] = Decisions[index] with { Outcome = outcome, OutcomeAt = at };
        await state.SaveAsync(this);
    }

    public Task<IReadOnlyList<DispatchChoice>> GetAsync() => Task.FromResult<IReadOnlyList<DispatchChoice>>([.. Decisions]);
}
