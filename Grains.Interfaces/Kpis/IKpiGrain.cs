using Tandem.Contracts.Kpis;

namespace Tandem.Grains.Interfaces.Kpis;

/// <summary>
/// The live indicators of one region (a dispatch zone), of the whole city (key <see cref="Overall"/>) or of one variant of
/// an experiment (<see cref="ArmKey"/>): counts of the facts the grains that saw them send, per minute, for two days; read
/// over sliding windows. Only the outboxes of the grains that own what is counted write it, and every fact is counted once
/// however often it is sent.
/// </summary>
public interface IKpiGrain : IGrainWithStringKey
{
    public const string Overall = "all";

    /// <summary>The key of an experiment variant's KPI grain: <c>{experiment}#{variant index}</c> (never a zone's).</summary>
    public static string ArmKey(string experimentId, int variant) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{experimentId}#{variant}");

    /// <summary>Counts each fact not counted before (a fact older than two days is too late and changes nothing). Idempotent.</summary>
    Task RecordAsync(IReadOnlyList<KpiFact> facts);

    /// <summary>The indicators over <paramref name="window"/> ending now, the window before, and the trend inside it.</summary>
    [ReadOnly]
    Task<KpiReport> GetAsync(KpiWindow window);

    /// <summary>The indicators from <paramref name="from"/> to now (at most two days back): no window before, no trend.</summary>
    [ReadOnly]
    Task<KpiReport> GetSinceAsync(DateTimeOffset from);
}
