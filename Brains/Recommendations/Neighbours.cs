namespace Tandem.Brains.Recommendations;

/// <summary>Where a strategy reads an item's neighbours from: each neighbour with its share of the item's edge weight (none when unknown).</summary>
public delegate IEnumerable<KeyValuePair<string, double>> Neighbours(string item);
