using System.Text.Json.Serialization.Metadata;

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tandem.Api.Hosting;

/// <summary>
/// Makes the schemas say what Tandem writes, so the clients' generated types are exact:
/// every number is a JSON number (the web JSON defaults also read numbers written as strings, which made the schemas
/// say "integer or string"), and a property whose C# type cannot be null is always there (nulls are left out, so only
/// nullable properties may be missing). Request bodies have only nullable properties, so they are unchanged.
/// </summary>
public static class OpenApiWireShapes
{
    public static OpenApiOptions DescribeWhatTandemWrites(this OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String)
                && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
            {
                schema.Type = type & ~JsonSchemaType.String;
                schema.Pattern = null;
            }

            if (schema.Properties is { Count: > 0 } properties && context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object)
            {
                foreach (var property in context.JsonTypeInfo.Properties)
                {
                    var nullable = property.IsGetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null;
                    if (property.Get is not null && !nullable && properties.ContainsKey(property.Name))
                    {
                        schema.Required ??= new HashSet<string>();
                        schema.Required.Add(property.Name);
                    }
                }
            }

            return Task.CompletedTask;
        });
}
