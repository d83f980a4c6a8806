namespace Tandem.Grains.Interfaces.Recommendations;

/// <summary>What an edge of the product graph says: viewed soon after or before, or bought together.</summary>
[GenerateSerializer, Alias("tandem.graph-relation")]
public enum GraphRelation
{
    CoView = 0,
    CoPurchase = 1,
}
