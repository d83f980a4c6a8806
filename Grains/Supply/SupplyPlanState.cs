using Tandem.Contracts.Supply;

namespace Tandem.Grains.Supply;

[GenerateSerializer, Alias("tandem.supply-plan-state")]
public sealed class SupplyPlanState
{
    /// <summary>The last round's suggestions not yet accepted, riskiest first.</summary>
    [Id(0)] public List<SupplySuggestion> Pending { get; set; } = [];

    /// <summary>Accepted suggestions with their transfer, newest first (at most <c>KeptAccepted</c>).</summary>
    [Id(1)] public List<SupplySuggestion> Accepted { get; set; } = [];

    /// <summary>Whole days from acceptance to receipt of the last received transfers, oldest first (at most <c>KeptLeadTimes</c>).</summary>
    [Id(2)] public List<int> LeadTimes { get; set; } = [];
}
