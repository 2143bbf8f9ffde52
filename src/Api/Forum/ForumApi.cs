using MedPlatform.Api.Auth;
using MedPlatform.Api.Common;
using MedPlatform.Api.Operations;
using MedPlatform.Common;
using MedPlatform.Forum;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MedPlatform.Api.Forum;

/// <summary>
/// The doctor–patient forum. Visitors read; patients ask, follow up and accept; verified doctors
/// answer and endorse. Roles are checked here, ownership and verification in the Thread grain.
/// </summary>
public static class ForumApi
{
    public static IEndpointRouteBuilder MapForumApi(this IEndpointRouteBuilder app)
    {
        var forum = app.MapGroup("/api/forum").WithTags("Forum");
        forum.MapGet("/departments", Departments).AllowAnonymous().CachedPublicRead(PublicReadCaching.ForumTag).WithSummary("The forum's departments");
        forum.MapGet("/threads", ListThreads).AllowAnonymous().CachedPublicRead(PublicReadCaching.ForumTag)
            .WithSummary("Threads newest first; filter by department, search title and body, or mine=true for your own");
        forum.MapPost("/threads", Ask).RequireAuthorization(Policies.Patient).EvictsPublicReads(PublicReadCaching.ForumTag).WithSummary("Ask a question");
        forum.MapGet("/threads/{id}", GetThread).AllowAnonymous().CachedPublicRead(PublicReadCaching.ForumTag).WithSummary("A thread with its answers and follow-ups");
        forum.MapPost("/threads/{id}/answers", Answer).RequireAuthorization(Policies.Doctor).EvictsPublicReads(PublicReadCaching.ForumTag).WithSummary("Answer (verified doctors)");
        forum.MapPost("/threads/{id}/follow-ups", FollowUp).RequireAuthorization(Policies.Patient).EvictsPublicReads(PublicReadCaching.ForumTag).WithSummary("Ask a follow-up (the thread's author)");
        forum.MapPost("/threads/{id}/answers/{answerId}/accept", Accept).RequireAuthorization(Policies.Patient).EvictsPublicReads(PublicReadCaching.ForumTag)
            .WithSummary("Accept an answer (the thread's author)");
        forum.MapPost("/threads/{id}/answers/{answerId}/endorse", Endorse).RequireAuthorization(Policies.Doctor).EvictsPublicReads(PublicReadCaching.ForumTag)
            .WithSummary("Agree with another doctor's answer (verified doctors, once each)");
        return app;
    }

    static async Task<Ok<IReadOnlyList<DepartmentResponse>>> Departments(IGrainFactory grains) =>
        TypedResults.Ok<IReadOnlyList<DepartmentResponse>>(
            (await grains.GetGrain<IForumGrain>(0).Departments()).Select(d => new DepartmentResponse(d.Id, d.Name)).ToList());

    static async Task<Ok<Paged<ThreadSummaryResponse>>> ListThreads(
        string? department, string? q, bool? mine, int? page, int? pageSize, IGrainFactory grains, HttpContext context)
    {
        var query = new ThreadQuery(Blank(department), ForumValidation.SearchText(q), mine ?? false, Paging.From(page, pageSize));
        var threads = await grains.GetGrain<IForumGrain>(0).ListThreads(context.ViewerOrNull(), query);
        return TypedResults.Ok(Paged<ThreadSummaryResponse>.From(threads, ThreadSummaryResponse.From));
    }

    static async Task<Created<ThreadResponse>> Ask(AskRequest request, IGrainFactory grains, HttpContext context)
    {
        var question = request.ToQuestion();
        var id = ThreadIds.New();
        var thread = await grains.GetGrain<IThreadGrain>(id).Ask(context.ToCaller(), question);
        return TypedResults.Created($"/api/forum/threads/{id}", ThreadResponse.From(thread));
    }

    static async Task<Ok<ThreadResponse>> GetThread(string id, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(ThreadResponse.From(await Thread(grains, id).View(context.ViewerOrNull()) ?? throw NoSuchThread()));

    static async Task<Created<AnswerResponse>> Answer(string id, PostRequest request, IGrainFactory grains, HttpContext context)
    {
        ForumRules.EnsureValidBody(request.Body, ForumRules.AnswerMaxLength);
        var answer = await Thread(grains, id).Answer(context.ToCaller(), request.Body!);
        return TypedResults.Created($"/api/forum/threads/{id}", AnswerResponse.From(answer));
    }

    static async Task<Created<FollowUpResponse>> FollowUp(string id, PostRequest request, IGrainFactory grains, HttpContext context)
    {
        ForumRules.EnsureValidBody(request.Body, ForumRules.FollowUpMaxLength);
        var followUp = await Thread(grains, id).FollowUp(context.ToCaller(), request.Body!);
        return TypedResults.Created($"/api/forum/threads/{id}", FollowUpResponse.From(followUp));
    }

    static async Task<Ok<ThreadResponse>> Accept(string id, string answerId, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(ThreadResponse.From(await Thread(grains, id).Accept(context.ToCaller(), answerId)));

    static async Task<Ok<AnswerResponse>> Endorse(string id, string answerId, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(AnswerResponse.From(await Thread(grains, id).Endorse(context.ToCaller(), answerId)));

    /// <summary>A thread grain, for an id that can name one; anything else is simply not found.</summary>
    private static IThreadGrain Thread(IGrainFactory grains, string id) =>
        ThreadIds.IsCanonical(id) ? grains.GetGrain<IThreadGrain>(id) : throw NoSuchThread();

    private static DomainException NoSuchThread() => DomainException.NotFound("No such thread.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
