using System.Collections.Concurrent;

using Orleans.Metadata;

namespace Tandem.Hosting.Configuration;

/// <summary>
/// Remembers the Orleans interface type of each grain interface. Orleans 10.4 works it out again on every
/// <c>GetGrain</c> (attribute reflection, then formatting the type's name), which an order does about ten times;
/// this provider is asked first, answers from memory, and on a miss asks the resolver itself (the providers after it
/// and the naming convention), so the names are exactly those Orleans would give.
/// </summary>
public sealed class GrainInterfaceTypeCache(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    [ThreadStatic]
    private static bool t_resolving;

    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _known = new();

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        if (_known.TryGetValue(type, out grainInterfaceType))
        {
            return true;
        }

        if (t_resolving)
        {
            return false; // the resolver asking on our behalf: let the other providers and the convention answer
        }

        t_resolving = true;
        try
        {
            grainInterfaceType = services.GetRequiredService<GrainInterfaceTypeResolver>().GetGrainInterfaceType(type);
        }
        finally
        {
            t_resolving = false;
        }

        _known.TryAdd(type, grainInterfaceType);
        return true;
    }
}

/// <summary>Registers <see cref="GrainInterfaceTypeCache"/> ahead of Orleans' own providers.</summary>
public static class GrainInterfaceTypeCacheExtensions
{
    public static IServiceCollection AddGrainInterfaceTypeCache(this IServiceCollection services)
    {
        if (!services.Any(d => d.ImplementationType == typeof(GrainInterfaceTypeCache)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, GrainInterfaceTypeCache>());
        }

        return services;
    }
}
