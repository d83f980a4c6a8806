using Microsoft.Extensions.DependencyInjection;

using Tandem.Contracts.Supply;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Supply;

namespace Tandem.Grains.Supply;

/// <summary>The replenishment suggestions; see <see cref="ISupplyPlanGrain"/>.</summary>
public sealed class SupplyPlanGrain(
    [PersistentState("supply-plan", StorageNames.Grains)] IPersistentState<SupplyPlanState> state,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock) : Grain, ISupplyPlanGrain
{
    private SupplyPlanState S => state.State;

    public async Task ReplaceAsync(IReadOnlyList<SupplySuggestion> pending)
    {
        var accepted = S.Accepted.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        S.Pending = [.. pending.Where(p => !accepted.Contains(p.Id)).Select(p => p with { Status = SuggestionStatus.Pending, TransferId = null, AcceptedBy = null })];
        await state.WriteStateAsync();
    }

    public async Task<AcceptAnswer> AcceptAsync(string suggestionId, string actor)
    {
        if (S.Accepted.Find(a => a.Id == suggestionId) is { TransferId: { } done })
        {
            return new AcceptAnswer { Transfer = await GrainFactory.Transfer(done).GetAsync() };
        }

        if (S.Pending.Find(p => p.Id == suggestionId) is not { } suggestion)
        {
            return new AcceptAnswer { Refused = AcceptRefusal.Unknown, Detail = $"No pending suggestion {suggestionId}." };
        }

        var transferId = "tr-" + suggestionId[3..];
        var started = await GrainFactory.Transfer(transferId).StartAsync(new TransferView
        {
            TransferId = transferId,
            Sku = suggestion.Sku,
            FromLocationId = suggestion.FromLocationId,
            ToLocationId = suggestion.ToLocationId,
            Quantity = suggestion.Quantity,
            Status = TransferStatus.Shipped,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor,
            SuggestionId = suggestion.Id,
        });
        if (started.Refused is { } why)
        {
            return new AcceptAnswer { Refused = AcceptRefusal.Insufficient, Detail = why };
        }

        S.Pending.Remove(suggestion);
        S.Accepted.Insert(0, suggestion with { Status = SuggestionStatus.Accepted, TransferId = transferId, AcceptedBy = actor });
        if (S.Accepted.Count > ISupplyPlanGrain.KeptAccepted)
        {
            S.Accepted.RemoveRange(ISupplyPlanGrain.KeptAccepted, S.Accepted.Count - ISupplyPlanGrain.KeptAccepted);
        }

        await state.WriteStateAsync();
        return new AcceptAnswer { Transfer = started.Transfer };
    }

    public async Task<IReadOnlyDictionary<string, int>> InTransitAsync()
    {
        var open = S.Accepted.Where(a => a is { Status: SuggestionStatus.Accepted, TransferId: not null }).ToList();
        var transfers = await Task.WhenAll(open.Select(a => GrainFactory.Transfer(a.TransferId!).GetAsync()));
        var inTransit = new Dictionary<string, int>(StringComparer.Ordinal);
        var arrived = false;
        for (var i = 0; i < open.Count; i++)
        {
            if (transfers[i] is { Status: TransferStatus.Received, ReceivedAt: { } receivedAt } transfer)
            {
                S.Accepted[S.Accepted.IndexOf(open[i])] = open[i] with { Status = SuggestionStatus.Received };
                S.LeadTimes.Add(Math.Max(1, (int)Math.Ceiling((receivedAt - transfer.CreatedAt).TotalDays)));
                arrived = true;
            }
            else
            {
                var cell = new CellKey(open[i].Sku, open[i].ToLocationId).ToString();
                inTransit[cell] = inTransit.GetValueOrDefault(cell) + open[i].Quantity;
            }
        }

        if (arrived)
        {
            if (S.LeadTimes.Count > ISupplyPlanGrain.KeptLeadTimes)
            {
                S.LeadTimes.RemoveRange(0, S.LeadTimes.Count - ISupplyPlanGrain.KeptLeadTimes);
            }

            await state.WriteStateAsync();
        }

        return inTransit;
    }

    public Task<IReadOnlyList<int>> GetLeadTimesAsync() => Task.FromResult<IReadOnlyList<int>>([.. S.LeadTimes]);

    public Task<IReadOnlyList<SupplySuggestion>> GetAsync() => Task.FromResult<IReadOnlyList<SupplySuggestion>>([.. S.Pending, .. S.Accepted]);
}
