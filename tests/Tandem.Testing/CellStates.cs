using System.Text.Json.Nodes;

using Tandem.Grains.Inventory;
using Tandem.Hosting.Configuration;

namespace Tandem.Tests.Infrastructure;

/// <summary>Inventory cell states compared by what they hold, whatever order their dictionaries enumerate in.</summary>
public static class CellStates
{
    private static readonly StateSerializer Serializer = new();

    /// <summary>The state as stored (JSON), every object's members sorted by name.</summary>
    public static string Canonical(InventoryCellState state) =>
        Sorted(JsonNode.Parse(Serializer.Serialize(state).ToString()))!.ToJsonString();

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
