using MedPlatform.Api.Auth;
using MedPlatform.Api.Common;
using MedPlatform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedPlatform.Api.Audit;

public static class AuditApi
{
    public sealed record AuditEntryResponse(DateTimeOffset At, string? ActorId, string Action, string? Target, string? Ip, string? SubjectUserId);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/audit", Query).WithTags("Administration").RequireAuthorization(Policies.Admin)
            .WithSummary("The audit log, newest first; userId matches the actor or the user concerned");
        return app;
    }

    static async Task<Ok<Paged<AuditEntryResponse>>> Query(string? userId, string? action, int? page, int? pageSize, IGrainFactory grains, HttpContext context)
    {
        var query = new AuditQuery(Blank(userId), Blank(action), Paging.From(page, pageSize));
        var entries = await grains.GetGrain<IAuditGrain>(0).Query(context.ToCaller(), query);
        return TypedResults.Ok(Paged<AuditEntryResponse>.From(entries,
            e => new AuditEntryResponse(e.At, e.ActorId, e.Action, e.Target, e.Ip, e.SubjectUserId)));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
