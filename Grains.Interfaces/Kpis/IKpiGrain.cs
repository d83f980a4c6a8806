using Tandem.Contracts.Kpis;

namespace Tandem.Grains.Interfaces.Kpis;

/// <summary>
/// The live indicators of one region (a dispatch zone) or of the whole city (key <see cref="Overall"/>): counts of the
/// facts the grains that saw them send, per minute, for two days; read over sliding windows. Only the outboxes of the
/// grains that own what is counted write it, and every fact is counted once however often it is sent.
/// </summary>
public interface IKpiGrain : IGrainWithStringKey
{
    public const string Overall = "all";

    /// <summary>Counts each fact not counted before (a fact older than two days is too late and changes nothing). Idempotent.</summary>
    Task RecordAsync(IReadOnlyList<KpiFact> facts);

    /// <summary>The indicators over <paramref name="window"/> ending now, the window before, and the trend inside it.</summary>
    [ReadOnly]
    Task<KpiReport> GetAsync(KpiWindow window);
}
