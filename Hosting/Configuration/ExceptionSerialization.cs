using Orleans.Serialization;

namespace Tandem.Hosting.Configuration;

public static class ExceptionSerialization
{
    /// <summary>
    /// Database errors cross grain calls as what they are, so the Api can tell "PostgreSQL is unavailable"
    /// (503) from a bug (500). Without this Orleans cannot serialize Npgsql's exceptions at all.
    /// </summary>
    public static IServiceCollection AddTandemExceptionSerialization(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
}
