using Tandem.Contracts.Lineage;

namespace Tandem.Api.Lineage;

/// <summary>Reads lineage nodes of some kinds from the grains that own them (see <see cref="LineageWalker"/>).</summary>
public interface ILineageSource
{
    IReadOnlyList<string> Kinds { get; }

    /// <summary>Whether <paramref name="key"/> is well formed for <paramref name="kind"/>.</summary>
    bool IsKey(string kind, string key);

    /// <summary>The node, or null when its owner knows nothing of it.</summary>
    Task<LineageNode?> ReadAsync(string kind, string key);
}
