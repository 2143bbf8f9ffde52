using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Api.Tests;

[Collection(nameof(EmbeddedApi))]
public sealed class EndpointPolicyTests(EmbeddedApiFactory api)
{
    /// <summary>Security by default: an endpoint that forgets to say who may call it fails the build's tests.</summary>
    [Fact]
    public void Every_endpoint_declares_who_may_call_it()
    {
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.True(endpoints.Count > 10, "the endpoint list looks empty");
        Assert.Empty(undeclared);
    }
}
