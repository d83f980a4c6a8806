using System.Text.Json;
using System.Text.Json.Serialization;

using Orleans.Storage;

namespace Tandem.Hosting.Configuration;

/// <summary>
/// How grain state is stored: plain JSON (System.Text.Json) with camelCase names and enums as strings.
/// No CLR type or assembly names are written, so renaming a C# type never breaks stored state; each
/// state carries its own <c>schema</c> number for migrations.
/// </summary>
public sealed class StateSerializer : IGrainStorageSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)!;
}
