using Tandem.Contracts.Returns;

namespace Tandem.Grains.Returns;

[GenerateSerializer, Alias("tandem.returns-board-state")]
public sealed class ReturnsBoardState
{
    /// <summary>The latest summary of each kept return, by return id.</summary>
    [Id(0)] public Dictionary<string, ReturnSummary> Returns { get; set; } = [];

    [Id(1)] public long Version { get; set; }
}
