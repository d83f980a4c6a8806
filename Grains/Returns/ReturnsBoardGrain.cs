using MathNet.Numerics.Statistics;

using Tandem.Contracts.Returns;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Returns;

namespace Tandem.Grains.Returns;

/// <summary>The returns board (see <see cref="IReturnsBoardGrain"/>): summaries in, KPIs out, computed once per version.</summary>
public sealed class ReturnsBoardGrain(
    [PersistentState("returns-board", StorageNames.Grains)] IPersistentState<ReturnsBoardState> state) : Grain, IReturnsBoardGrain
{
    /// <summary>A store return is settled within this time of the counter scan (the store's rule).</summary>
    public static readonly TimeSpan CounterRule = TimeSpan.FromMinutes(15);

    private ReturnsBoardView? _view;

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

    public Task<ReturnsBoardView> GetAsync()
    {
        if (_view?.Version != S.Version)
        {
            _view = Compute([.. S.Returns.Values], S.Version);
        }

        return Task.FromResult(_view);
    }

    /// <summary>The KPIs of <paramref name="returns"/>.</summary>
    public static ReturnsBoardView Compute(IReadOnlyList<ReturnSummary> returns, long version)
    {
        var rejected = returns.Where(r => r.Verdict == ReturnStatus.Rejected).ToList();
        var resold = returns.Where(r => r is { CollectedAt: not null, ResoldAt: not null } && r.Resale is ResaleClock.Met or ResaleClock.Missed).ToList();
        var resaleHours = resold.Select(r => (r.ResoldAt!.Value - r.CollectedAt!.Value).TotalHours).ToList();
        var offered = returns.Where(r => r is { CouponOffered: true, Settled: not null }).ToList();
        var counter = returns.Where(r => r.CounterSeconds is not null).Select(r => r.CounterSeconds!.Value).ToList();
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
        };
    }

    /// <summary>The <paramref name="tau"/> quantile (R-8, as MathNet computes it), or null of nothing.</summary>
    private static double? Quantile(List<double> values, double tau) => values.Count == 0 ? null : values.Quantile(tau);
}
