using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace MedPlatform.Hosting;

/// <summary>
/// Remembers which Orleans interface type each grain interface maps to. Orleans 10.4 works it out
/// again on every <c>GetGrain</c> (a reflection pass over the interface's attributes, then
/// formatting its name): about 6 % of the Api process's CPU when adding to a cart, which makes three
/// such calls (docs/benchmarks.md). Put in front of Orleans' own providers, this answers from a
/// dictionary and asks them once per interface.
/// </summary>
public sealed class GrainInterfaceTypeCache(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> known = new();

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        // Generic interfaces get their arguments added by the resolver afterwards: left to it.
        if (type.IsGenericType)
        {
            grainInterfaceType = default;
            return false;
        }
        grainInterfaceType = known.GetOrAdd(type, Resolve);
        return true;
    }

    // What Orleans' resolver would answer without this provider: the other providers first, then its convention.
    private GrainInterfaceType Resolve(Type type)
    {
        foreach (var provider in services.GetServices<IGrainInterfaceTypeProvider>())
        {
            if (!ReferenceEquals(provider, this) && provider.TryGetGrainInterfaceType(type, out var fromProvider))
                return fromProvider;
        }
        return services.GetRequiredService<GrainInterfaceTypeResolver>().GetGrainInterfaceTypeByConvention(type);
    }
}

public static class GrainInterfaceTypeCacheSetup
{
    /// <summary>Puts <see cref="GrainInterfaceTypeCache"/> ahead of the providers Orleans has registered.</summary>
    public static IServiceCollection AddGrainInterfaceTypeCache(this IServiceCollection services)
    {
        if (services.Any(d => d.ImplementationType == typeof(GrainInterfaceTypeCache)))
            return services;
        var first = services.TakeWhile(d => d.ServiceType != typeof(IGrainInterfaceTypeProvider)).Count();
        services.Insert(first, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, GrainInterfaceTypeCache>());
        return services;
    }
}
