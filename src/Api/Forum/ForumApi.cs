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
        forum.MapGet("/departments", Departments).AllowAnonymous().CachedPublicRead(PublicReadCaching.ForumTag)
            .WithName("listDepartments").WithSummary("The forum's departments");
        forum.MapGet("/threads", ListThreads).AllowAnonymous().SignInOptional().CachedPublicRead(PublicReadCaching.ForumTag)
            .WithName("listThreads").WithSummary("Threads newest first; filter by department, search title and body, or mine=true for your own");
        forum.MapPost("/threads", Ask).RequireAuthorization(Policies.Patient).EvictsPublicReads(PublicReadCaching.ForumTag)
            .WithName("askQuestion").WithSummary("Ask a question");
        forum.MapGet("/threads/{id}", GetThread).AllowAnonymous().SignInOptional().CachedPublicRead(PublicReadCaching.ForumTag)
            .WithName("getThread").WithSummary("A thread with its answers and follow-ups");
        forum.MapPost("/threads/{id}/answers", Answer).RequireAuthorization(Policies.Doctor).EvictsPublicReads(PublicReadCaching.ForumTag)
            .WithName("answerThread").WithSummary("Answer (verified doctors)");
        forum.MapPost("/threads/{id}/follow-ups", FollowUp).RequireAuthorization(Policies.Patient).EvictsPublicReads(PublicReadCaching.ForumTag)
            .WithName("followUpThread").WithSummary("Ask a follow-up (the thread's author)");
        forum.MapPost("/threads/{id}/answers/{answerId}/accept", Accept).RequireAuthorization(Policies.Patient).EvictsPublicReads(PublicReadCaching.ForumTag)
            .WithName("acceptAnswer").WithSummary("Accept an answer (the thread's author)");
        forum.MapPost("/threads/{id}/answers/{answerId}/endorse", Endorse).RequireAuthorization(Policies.Doctor).EvictsPublicReads(PublicReadCaching.ForumTag)
            .WithName("endorseAnswer").WithSummary("Agree with another doctor's answer (verified doctors, once each)");
        return app;
    }

    static async Task<Ok<IReadOnlyList<Department>>> Departments(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IForumGrain>(0).Departments());

    static async Task<Ok<PagedResult<ThreadSummary>>> ListThreads(
        string? department, string? q, bool? mine, [AsParameters] PageQuery paging, IGrainFactory grains, HttpContext context)
    {
        var query = new ThreadQuery(Blank(department), ForumValidation.SearchText(q), mine ?? false, paging.ToRequest());
        return TypedResults.Ok(await grains.GetGrain<IForumGrain>(0).ListThreads(context.ViewerOrNull(), query));
    }

    static async Task<Created<ThreadView>> Ask(AskRequest request, Caller patient, IGrainFactory grains)
    {
        var question = request.ToQuestion();
        var id = ThreadIds.New();
        return TypedResults.Created($"/api/forum/threads/{id}", await grains.GetGrain<IThreadGrain>(id).Ask(patient, question));
    }

    static async Task<Ok<ThreadView>> GetThread(string id, IGrainFactory grains, HttpContext context) =>
        TypedResults.Ok(await Thread(grains, id).View(context.ViewerOrNull()) ?? throw NoSuchThread());

    static async Task<Created<AnswerView>> Answer(string id, PostRequest request, Caller doctor, IGrainFactory grains)
    {
        ForumRules.EnsureValidBody(request.Body, ForumRules.AnswerMaxLength);
        return TypedResults.Created($"/api/forum/threads/{id}", await Thread(grains, id).Answer(doctor, request.Body!));
    }

    static async Task<Created<FollowUpView>> FollowUp(string id, PostRequest request, Caller patient, IGrainFactory grains)
    {
        ForumRules.EnsureValidBody(request.Body, ForumRules.FollowUpMaxLength);
        return TypedResults.Created($"/api/forum/threads/{id}", await Thread(grains, id).FollowUp(patient, request.Body!));
    }

    static async Task<Ok<ThreadView>> Accept(string id, string answerId, Caller patient, IGrainFactory grains) =>
        TypedResults.Ok(await Thread(grains, id).Accept(patient, answerId));

    static async Task<Ok<AnswerView>> Endorse(string id, string answerId, Caller doctor, IGrainFactory grains) =>
        TypedResults.Ok(await Thread(grains, id).Endorse(doctor, answerId));

    /// <summary>A thread grain, for an id that can name one; anything else is simply not found.</summary>
    private static IThreadGrain Thread(IGrainFactory grains, string id) =>
        ThreadIds.IsCanonical(id) ? grains.GetGrain<IThreadGrain>(id) : throw NoSuchThread();

    private static DomainException NoSuchThread() => DomainException.NotFound("No such thread.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
