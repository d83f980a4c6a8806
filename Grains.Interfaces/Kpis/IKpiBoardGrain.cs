using Tandem.Contracts.Kpis;

namespace Tandem.Grains.Interfaces.Kpis;

/// <summary>Reads the city's and every region's KPI grain over one window (a stateless worker; key <see cref="Key"/>).</summary>
public interface IKpiBoardGrain : IGrainWithStringKey
{
    public const string Key = "board";

    /// <summary>The city and each region holding a store or warehouse, the regions in the order of their id.</summary>
    [ReadOnly]
    Task<KpiBoard> GetAsync(KpiWindow window);
}
