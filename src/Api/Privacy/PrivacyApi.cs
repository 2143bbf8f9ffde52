using System.Globalization;
using MedPlatform.Api.Auth;
using MedPlatform.Common;
using MedPlatform.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedPlatform.Api.Privacy;

/// <summary>A person's rights over their data: a copy of everything held about them.</summary>
public static class PrivacyApi
{
    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Privacy").RequireAuthorization(Policies.SignedIn);
        me.MapGet("/export", Export).WithName("exportMyData")
            .WithSummary("Everything held about you as one JSON document, to keep or to take elsewhere (GDPR articles 15 and 20)");
        return app;
    }

    static async Task<Ok<PersonalData>> Export(Caller caller, IGrainFactory grains, HttpContext context)
    {
        var data = await grains.GetGrain<IPrivacyGrain>(0).Export(caller);
        var day = data.ExportedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"medplatform-data-{day}.json\"";
        // Health data: no shared cache or back-forward cache keeps a copy.
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(data);
    }
}
