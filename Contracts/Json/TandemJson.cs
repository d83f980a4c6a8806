using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tandem.Contracts.Json;

/// <summary>One JSON shape for HTTP and SignalR: camelCase names, enums as camelCase strings.</summary>
public static class TandemJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }
}
