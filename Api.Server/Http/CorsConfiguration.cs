namespace Tandem.Api.Http;

/// <summary>
/// Cross-origin access only for the origins listed in <c>Tandem:Cors:AllowedOrigins</c>; none by default,
/// so browsers on other sites cannot call the API or its hubs.
/// </summary>
public static class CorsConfiguration
{
    public const string Section = "Tandem:Cors:AllowedOrigins";

    public static IServiceCollection AddTandemCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(Section).Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (origins.Length > 0)
            {
                policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().AllowCredentials()
                    .WithExposedHeaders("Location", "Retry-After", "Idempotent-Replayed");
            }
        }));
        return services;
    }
}
