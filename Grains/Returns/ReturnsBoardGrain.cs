using MathNet.Numerics.Statistics;

using Microsoft.Extensions.DependencyInjection;

using Tandem.Contracts.Returns;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Returns;

namespace Tandem.Grains.Returns;

/// <summary>
/// The returns board (see <see cref="IReturnsBoardGrain"/>): summaries in, KPIs out, computed once per version. The return
/// rate's units sold and returned are the demand grains' own counts (the supply chain's), summed over every cell with
/// demand at most once every <see cref="SalesEvery"/> when the board is read.
/// </summary>
public sealed class ReturnsBoardGrain(
    [PersistentState("returns-board", StorageNames.Grains)] IPersistentState<ReturnsBoardState> state,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock) : Grain, IReturnsBoardGrain
{
    /// <summary>A store return is settled within this time of the counter scan (the store's rule).</summary>
    public static readonly TimeSpan CounterRule = TimeSpan.FromMinutes(15);

    /// <summary>The days the return rate covers (today included).</summary>
    public const int RateDays = 30;

    /// <summary>How often, at most, the units sold and returned are summed again.</summary>
    public static readonly TimeSpan SalesEvery = TimeSpan.FromMinutes(1);

    private ReturnsBoardView? _view;
    private (DateTimeOffset At, DemandTotals? Totals)? _sales;
    private Task<DemandTotals>? _summing;

    private ReturnsBoardState S => state.State;

    public async Task UpsertAsync(ReturnSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (S.Returns.TryGetValue(summary.ReturnId, out var kept) && kept.Version >= summary.Version)
        {
            return;
        }

        S.Returns[summary.ReturnId] = summary;
        if (S.Returns.Count > ReturnsBoardView.Kept)
        {
            foreach (var oldest in S.Returns.Values.OrderBy(r => r.RequestedAt).Take(S.Returns.Count - ReturnsBoardView.Kept).ToList())
            {
                S.Returns.Remove(oldest.ReturnId);
            }
        }

        S.Version++;
        await state.SaveAsync(this); // a failed write drops the activation: the next reads the stored summaries back
    }

    public async Task<ReturnsBoardView> GetAsync()
    {
        var now = clock.GetUtcNow();
        if (_sales is not { } sales || now - sales.At >= SalesEvery)
        {
            _summing ??= SumSalesAsync(DateOnly.FromDateTime(now.UtcDateTime).AddDays(1 - RateDays));
            try
            {
                _sales = (now, await _summing);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _sales = (now, _sales?.Totals); // the last sums (or none) until the next try
            }
            finally
            {
                _summing = null;
                _view = null;
            }
        }

        if (_view?.Version != S.Version)
        {
            _view = Compute([.. S.Returns.Values], S.Version, _sales?.Totals);
        }

        return _view;
    }

    /// <summary>Units sold and returned from <paramref name="from"/> on, over every cell with demand.</summary>
    private async Task<DemandTotals> SumSalesAsync(DateOnly from)
    {
        var cells = await GrainFactory.ForecastPlanner().GetCellsAsync();
        var totals = await Task.WhenAll(cells.Select(c => GrainFactory.Demand(CellKey.Parse(c)).GetTotalsAsync(from)));
        return new DemandTotals(totals.Sum(t => t.Units), totals.Sum(t => t.Returned));
    }

    /// <summary>The KPIs of <paramref name="returns"/>, and the return rate of <paramref name="sales"/> (units sold and returned over <see cref="RateDays"/>).</summary>
    public static ReturnsBoardView Compute(IReadOnlyList<ReturnSummary> returns, long version, DemandTotals? sales = null)
    {
        var rejected = returns.Where(r => r.Verdict == ReturnStatus.Rejected).ToList();
        var resold = returns.Where(r => r is { CollectedAt: not null, ResoldAt: not null } && r.Resale is ResaleClock.Met or ResaleClock.Missed).ToList();
        var resaleHours = resold.Select(r => (r.ResoldAt!.Value - r.CollectedAt!.Value).TotalHours).ToList();
        var offered = returns.Where(r => r is { CouponOffered: true, Settled: not null }).ToList();
        var counter = returns.Where(r => r.CounterSeconds is not null).Select(r => r.CounterSeconds!.Value).ToList();
        var afterCoupon = offered.Where(r => r is { Settled: CompensationKind.Coupon, Repurchased: not null }).ToList();
        var afterRefund = offered.Where(r => r is { Settled: CompensationKind.Refund, Repurchased: not null }).ToList();
        return new ReturnsBoardView
        {
            Returns = returns.Count,
            RejectionRate = returns.Count == 0 ? 0 : (double)rejected.Count / returns.Count,
            RejectedBy = rejected.GroupBy(r => r.Rule).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            InReview = returns.Count(r => r.Status == ReturnStatus.InReview),
            Resold = resold.Count,
            ResaleHoursP50 = Quantile(resaleHours, 0.5),
            ResaleHoursP95 = Quantile(resaleHours, 0.95),
            ResoldInTime = resold.Count == 0 ? null : (double)resold.Count(r => r.Resale == ResaleClock.Met) / resold.Count,
            CouponOffered = offered.Count,
            CouponTakeUp = offered.Count == 0 ? null : (double)offered.Count(r => r.Settled == CompensationKind.Coupon) / offered.Count,
            CounterSecondsP50 = Quantile(counter, 0.5),
            CounterSecondsP95 = Quantile(counter, 0.95),
            CounterWithin15Minutes = counter.Count == 0 ? null : (double)counter.Count(s => s <= CounterRule.TotalSeconds) / counter.Count,
            Attention =
            [
                .. returns.Where(r => r.Status == ReturnStatus.InReview).OrderBy(r => r.RequestedAt),
                .. returns.Where(r => r.Resale is ResaleClock.AtRisk or ResaleClock.Breached).OrderBy(r => r.CollectedAt),
            ],
            Version = version,
            ReturnRate = sales is { Units: > 0 } ? (double)sales.Returned / sales.Units : null,
            SoldUnits = sales?.Units ?? 0,
            ReturnedUnits = sales?.Returned ?? 0,
            RateDays = RateDays,
            RepurchaseAfterCoupon = Share(afterCoupon),
            CouponCohort = afterCoupon.Count,
            RepurchaseAfterRefund = Share(afterRefund),
            RefundCohort = afterRefund.Count,
        };
    }

    private static double? Share(List<ReturnSummary> cohort) => cohort.Count == 0 ? null : (double)cohort.Count(r => r.Repurchased == true) / cohort.Count;

    /// <summary>The <paramref name="tau"/> quantile (R-8, as MathNet computes it), or null of nothing.</summary>
    private static double? Quantile(List<double> values, double tau) => values.Count == 0 ? null : values.Quantile(tau);
}
