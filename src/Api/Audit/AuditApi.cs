using MedPlatform.Api.Auth;
using MedPlatform.Api.Common;
using MedPlatform.Audit;
using MedPlatform.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedPlatform.Api.Audit;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/audit", Query).WithTags("Administration").RequireAuthorization(Policies.Admin)
            .WithName("queryAuditLog").WithSummary("The audit log, newest first; userId matches the actor or the user concerned");
        app.MapGet("/api/me/access-log", AccessLog).WithTags("Privacy").RequireAuthorization(Policies.Patient)
            .WithName("getAccessLog").WithSummary("Who read or changed your prescriptions, orders and private questions, newest first (your own reads are not listed)");
        return app;
    }

    static async Task<Ok<PagedResult<AuditEntry>>> Query(string? userId, string? action, [AsParameters] PageQuery paging, Caller admin, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IAuditGrain>(0).Query(admin, new AuditQuery(Blank(userId), Blank(action), paging.ToRequest())));

    static async Task<Ok<PagedResult<AccessLogEntry>>> AccessLog([AsParameters] PageQuery paging, Caller patient, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IAuditGrain>(0).AccessLog(patient, paging.ToRequest()));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
