using Microsoft.Extensions.DependencyInjection;

using Tandem.Contracts.Returns;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Returns;

namespace Tandem.Grains.Returns;

/// <summary>One coupon (see <see cref="ICouponGrain"/>): the grain's turn-based calls make "spent once" hold under any concurrency.</summary>
public sealed class CouponGrain(
    [PersistentState("coupon", StorageNames.Grains)] IPersistentState<CouponState> state,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock) : Grain, ICouponGrain
{
    private CouponState S => state.State;

    private string Code => this.GetPrimaryKeyString();

    public async Task<CouponResult> IssueAsync(CouponGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (grant.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(grant), "A coupon is worth more than nothing.");
        }

        if (S.Grant is not null)
        {
            return S.Grant == grant
                ? Result(CouponOutcome.Replayed)
                : Refuse(CouponOutcome.Conflict, $"Coupon {Code} was issued for return {S.Grant.ReturnId}.");
        }

        S.Grant = grant;
        S.IssuedAt = clock.GetUtcNow();
        await WriteAsync();
        return Result(CouponOutcome.Applied);
    }

    public async Task<CouponResult> RedeemAsync(string shopperId, string orderId)
    {
        if (S.Grant is null || S.Grant.ShopperId != shopperId)
        {
            return new CouponResult { Outcome = CouponOutcome.NotFound, Detail = $"No coupon {Code}." };
        }

        if (S.RedeemedBy is { } spentBy)
        {
            return spentBy == orderId
                ? Result(CouponOutcome.Replayed)
                : Refuse(CouponOutcome.Conflict, $"Coupon {Code} was spent on order {spentBy}.");
        }

        if (clock.GetUtcNow() >= S.Grant.ExpiresAt)
        {
            return Refuse(CouponOutcome.Expired, $"Coupon {Code} ended at {S.Grant.ExpiresAt:O}.");
        }

        S.RedeemedBy = orderId;
        S.RedeemedAt = clock.GetUtcNow();
        await WriteAsync();
        return Result(CouponOutcome.Applied);
    }

    public async Task<CouponResult> ReleaseAsync(string orderId)
    {
        if (S.Grant is null)
        {
            return new CouponResult { Outcome = CouponOutcome.NotFound, Detail = $"No coupon {Code}." };
        }

        if (S.RedeemedBy != orderId)
        {
            return Result(CouponOutcome.Replayed);
        }

        S.RedeemedBy = null;
        S.RedeemedAt = null;
        await WriteAsync();
        return Result(CouponOutcome.Applied);
    }

    public Task<CouponView?> GetAsync() => Task.FromResult(S.Grant is null ? null : View());

    /// <summary>Writes the state; a failed write takes the activation down so the next call reads what is stored.</summary>
    private Task WriteAsync() => state.SaveAsync(this);

    private CouponResult Result(CouponOutcome outcome) => new() { Outcome = outcome, Coupon = View() };

    private CouponResult Refuse(CouponOutcome outcome, string detail) => new() { Outcome = outcome, Coupon = View(), Detail = detail };

    private CouponView View() => new()
    {
        Code = Code,
        ShopperId = S.Grant!.ShopperId,
        Amount = S.Grant.Amount,
        ReturnId = S.Grant.ReturnId,
        IssuedAt = S.IssuedAt,
        ExpiresAt = S.Grant.ExpiresAt,
        RedeemedBy = S.RedeemedBy,
        RedeemedAt = S.RedeemedAt,
    };
}
