using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using Tandem.Brains.Returns;
using Tandem.Contracts.Returns;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Returns;

using BrainCondition = Tandem.Brains.Returns.ItemCondition;
using BrainReason = Tandem.Brains.Returns.ReturnReason;

namespace Tandem.Grains.Returns;

/// <summary>
/// One return request (see <see cref="IReturnGrain"/>). The request, its pre-check and the call the order must get (claim
/// the units, or let them go) are written together first; the call is made right after, and the outcome written. An
/// activation that dies between the two leaves the return due (<see cref="ReturnState.DueAt"/>): the sweeper wakes it and
/// the call is made again (the order answers a repeated claim or release as already done).
/// </summary>
public sealed class ReturnGrain(
    [PersistentState(ReturnGrain.StateName, StorageNames.Grains)] IPersistentState<ReturnState> state,
    IEvidenceCheck evidence,
    IOptions<ReturnOptions> options,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock) : Grain, IReturnGrain
{
    public const string StateName = "return";

    private ReturnState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    public async Task<ReturnResult> RequestAsync(ReturnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fingerprint = Fingerprint(request);
        if (S.Request is not null)
        {
            if (S.Fingerprint != fingerprint)
            {
                return new ReturnResult { Outcome = ReturnOutcome.KeyReused, Return = View(), Detail = $"Return {Id} was requested with another request." };
            }

            await FinishAsync();
            return Result(ReturnOutcome.Replayed);
        }

        var order = await GrainFactory.Order(new OrderId(request.OrderId)).GetAsync();
        if (order is null || order.ShopperId != request.ShopperId)
        {
            return new ReturnResult { Outcome = ReturnOutcome.NotFound, Detail = $"No order {request.OrderId}." };
        }

        var bought = order.Lines.Where(l => l.Sku == request.Sku).Sum(l => l.Quantity);
        var product = bought > 0 ? await GrainFactory.Catalog().GetProductAsync(request.Sku) : null;
        var reason = (BrainReason)(int)request.Reason;
        var photo = request.Photo is { Length: > 0 } bytes ? new ReturnPhoto(request.PhotoType ?? "", bytes) : null;
        var check = bought == 0
            ? new PreCheck(PreCheckVerdict.Rejected, ReturnPolicy.Rules.Quantity, $"order {request.OrderId} has no line {request.Sku}")
            : ReturnPolicy.Check(
                new ReturnClaim
                {
                    Category = product?.Category ?? "",
                    ReceivedAt = order.ReceivedAt,
                    Bought = bought,
                    AlreadyReturned = order.Returns.Where(r => r.Sku == request.Sku && r.ReturnId != Id).Sum(r => r.Quantity),
                    Quantity = request.Quantity,
                    Reason = reason,
                    Condition = request.Condition is { } condition ? (BrainCondition)(int)condition : null,
                    TagsAttached = request.TagsAttached,
                    Evidence = await evidence.CheckAsync(photo, reason),
                    At = clock.GetUtcNow(),
                },
                options.Value.Rules());

        S.Request = request with { Photo = null };
        S.Fingerprint = fingerprint;
        S.Check = new ReturnCheck { Verdict = Verdict(check.Verdict), Rule = check.Rule, Reason = check.Reason };
        if (check.Verdict == PreCheckVerdict.Rejected)
        {
            await MoveAsync(ReturnStatus.Rejected, request.ShopperId, check.Reason, ReturnOrderCall.None);
        }
        else
        {
            await MoveAsync(ReturnStatus.Requested, request.ShopperId, null, ReturnOrderCall.Claim);
            await FinishAsync();
        }

        return Result(ReturnOutcome.Applied);
    }

    public async Task<ReturnResult> ReviewAsync(bool approve, string actor, string? note)
    {
        if (S.Request is null)
        {
            return new ReturnResult { Outcome = ReturnOutcome.NotFound, Detail = $"No return {Id}." };
        }

        await FinishAsync();
        var to = approve ? ReturnStatus.Approved : ReturnStatus.Rejected;
        if (S.Status == to && S.History.Any(t => t.From == ReturnStatus.InReview))
        {
            return Result(ReturnOutcome.Replayed);
        }

        if (S.Status != ReturnStatus.InReview)
        {
            return new ReturnResult { Outcome = ReturnOutcome.InvalidTransition, Return = View(), Detail = $"A return in {S.Status} is not in review." };
        }

        await MoveAsync(to, actor, note, approve ? ReturnOrderCall.None : ReturnOrderCall.Release);
        await FinishAsync();
        return Result(ReturnOutcome.Applied);
    }

    public Task CatchUpAsync() => FinishAsync();

    public Task<ReturnView?> GetAsync() => Task.FromResult(S.Request is null ? null : View());

    /// <summary>Makes the pending call to the order and writes its outcome; a failure leaves it due for the sweeper.</summary>
    private async Task FinishAsync()
    {
        var order = GrainFactory.Order(new OrderId(S.Request!.OrderId));
        switch (S.Pending)
        {
            case ReturnOrderCall.Claim:
                var claimed = await order.ClaimReturnAsync(Id, S.Request.Sku, S.Request.Quantity);
                if (claimed.Succeeded)
                {
                    var approved = S.Check!.Verdict == ReturnStatus.Approved;
                    await MoveAsync(approved ? ReturnStatus.Approved : ReturnStatus.InReview, "system", approved ? null : S.Check.Reason, ReturnOrderCall.None);
                }
                else
                {
                    // Another return took the units since the pre-check read the order (or the order changed): refused.
                    S.Check = new ReturnCheck { Verdict = ReturnStatus.Rejected, Rule = ReturnPolicy.Rules.Quantity, Reason = claimed.Detail ?? "the units are no longer returnable" };
                    await MoveAsync(ReturnStatus.Rejected, "system", S.Check.Reason, ReturnOrderCall.None);
                }

                break;
            case ReturnOrderCall.Release:
                await order.ReleaseReturnAsync(Id);
                S.Pending = ReturnOrderCall.None;
                S.DueAt = null;
                await WriteAsync();
                break;
        }
    }

    private async Task MoveAsync(ReturnStatus to, string actor, string? note, ReturnOrderCall pending)
    {
        var from = S.History.Count == 0 ? (ReturnStatus?)null : S.Status;
        if (from != to)
        {
            S.History.Add(new ReturnTransition { From = from, To = to, At = clock.GetUtcNow(), Actor = actor, Note = note });
            S.Status = to;
            S.Version++;
        }

        S.Pending = pending;
        S.DueAt = pending == ReturnOrderCall.None ? null : clock.GetUtcNow() + options.Value.CatchUpAfter;
        await WriteAsync();
    }

    /// <summary>Writes the state; when the write fails, the activation goes (its state is not what is stored) and the next reads it back.</summary>
    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private static ReturnStatus Verdict(PreCheckVerdict verdict) => verdict switch
    {
        PreCheckVerdict.Approved => ReturnStatus.Approved,
        PreCheckVerdict.InReview => ReturnStatus.InReview,
        _ => ReturnStatus.Rejected,
    };

    private static string Fingerprint(ReturnRequest r)
    {
        var photo = r.Photo is { Length: > 0 } bytes ? Convert.ToHexStringLower(SHA256.HashData(bytes)) : "";
        var text = string.Create(CultureInfo.InvariantCulture, $"{r.ShopperId}\n{r.OrderId}\n{r.Sku}\n{r.Quantity}\n{r.Reason}\n{r.Condition}\n{r.TagsAttached}\n{r.PhotoType}\n{photo}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private ReturnResult Result(ReturnOutcome outcome) => new() { Outcome = outcome, Return = View() };

    private ReturnView View() => new()
    {
        ReturnId = Id,
        OrderId = S.Request!.OrderId,
        ShopperId = S.Request.ShopperId,
        Sku = S.Request.Sku,
        Quantity = S.Request.Quantity,
        Reason = S.Request.Reason,
        Condition = S.Request.Condition,
        TagsAttached = S.Request.TagsAttached,
        Status = S.Status,
        Check = S.Check!,
        History = [.. S.History],
        Version = S.Version,
    };
}
