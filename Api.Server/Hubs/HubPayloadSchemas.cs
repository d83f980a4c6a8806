using Microsoft.AspNetCore.OpenApi;

using Tandem.Contracts.Hubs;

namespace Tandem.Api.Hubs;

/// <summary>
/// Puts every hub payload (<see cref="HubContract.Payloads"/>) into the OpenAPI document's schemas, shaped by the same
/// JSON options as HTTP and SignalR, so one document describes the whole wire.
/// </summary>
public static class HubPayloadSchemas
{
    public static OpenApiOptions AddHubPayloadSchemas(this OpenApiOptions options) =>
        options.AddDocumentTransformer(async (document, context, cancellationToken) =>
        {
            foreach (var payload in HubContract.Payloads)
            {
                var schema = await context.GetOrCreateSchemaAsync(payload, null, cancellationToken);
                document.AddComponent(payload.Name, schema);
            }
        });
}
