using Tandem.Contracts.Returns;

namespace Tandem.Grains.Interfaces.Returns;

/// <summary>
/// The returns board (key <c>all</c>): the latest summary of each of the last <see cref="ReturnsBoardView.Kept"/> returns, told by
/// each return's outbox after every change, and the KPIs computed from them for the control room.
/// </summary>
public interface IReturnsBoardGrain : IGrainWithStringKey
{
    /// <summary>Keeps the summary unless a newer version of the return is kept already. Idempotent.</summary>
    Task UpsertAsync(ReturnSummary summary);

    [ReadOnly]
    Task<ReturnsBoardView> GetAsync();
}
