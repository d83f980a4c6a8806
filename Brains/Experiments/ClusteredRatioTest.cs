using MathNet.Numerics.Distributions;

namespace Tandem.Brains.Experiments;

/// <summary>
/// A fixed-horizon comparison of a share observed on many events but assigned by units (e.g. deliveries on time, assigned
/// by dispatch zone): each arm's share is the ratio of its units' sums, and its variance comes from the spread of the
/// units (the delta method, clustered by unit), not from the events, which share their unit's fate and are not
/// independent. The difference's interval uses Student's t with Welch's degrees of freedom, as units are few.
/// Read it once, at the planned horizon; a handful of units per arm gives wide intervals, as it should.
/// </summary>
public sealed record ClusteredRatioTest(double ControlShare, double TreatmentShare, double Difference, double Low, double High, double T, double DegreesOfFreedom, double PValue)
{
    public static ClusteredRatioTest Compare(ClusterMoments control, ClusterMoments treatment, double confidence = 0.95)
    {
        if (control.Units < 2 || treatment.Units < 2 || control.Events <= 0 || treatment.Events <= 0)
        {
            throw new ArgumentException("Each arm needs two units or more and an event.");
        }

        var (vc, vt) = (control.ShareVariance, treatment.ShareVariance);
        var difference = treatment.Share - control.Share;
        var error = Math.Sqrt(vc + vt);
        if (error == 0)
        {
            return new ClusteredRatioTest(control.Share, treatment.Share, difference, difference, difference, 0, control.Units + treatment.Units - 2, difference == 0 ? 1 : 0);
        }

        var df = (vc + vt) * (vc + vt) / ((vc * vc / (control.Units - 1)) + (vt * vt / (treatment.Units - 1)));
        var t = difference / error;
        var margin = StudentT.InvCDF(0, 1, df, 1 - ((1 - confidence) / 2)) * error;
        return new ClusteredRatioTest(control.Share, treatment.Share, difference, difference - margin, difference + margin, t, df, 2 * (1 - StudentT.CDF(0, 1, df, Math.Abs(t))));
    }
}

/// <summary>
/// An arm's units and their events: how many units, and over them the sums of each unit's events <c>n</c> and successes
/// <c>y</c>, of <c>n²</c>, <c>y²</c> and <c>n·y</c> — enough for the share Σy / Σn and its clustered variance.
/// </summary>
public readonly record struct ClusterMoments(long Units, double Events, double Successes, double EventSquares, double SuccessSquares, double Products)
{
    public double Share => Events == 0 ? 0 : Successes / Events;

    /// <summary>
    /// The share's variance by the delta method: K / (K − 1) · Σ (yᵢ − R·nᵢ)² / (Σ n)², R the share, K the units.
    /// </summary>
    public double ShareVariance
    {
        get
        {
            if (Units < 2 || Events == 0)
            {
                return 0;
            }

            var r = Share;
            var residuals = Math.Max(0, SuccessSquares - (2 * r * Products) + (r * r * EventSquares));
            return Units / (Units - 1.0) * residuals / (Events * Events);
        }
    }

    /// <summary>The moments of units given as (events, successes) each.</summary>
    public static ClusterMoments Of(IEnumerable<(double Events, double Successes)> units) =>
        units.Aggregate(default(ClusterMoments), (m, u) => new ClusterMoments(
            m.Units + 1, m.Events + u.Events, m.Successes + u.Successes, m.EventSquares + (u.Events * u.Events),
            m.SuccessSquares + (u.Successes * u.Successes), m.Products + (u.Events * u.Successes)));
}
