using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>
/// The six kinds of caller the forum's rules distinguish, as real accounts signed in over HTTP,
/// and one thread (by <see cref="Author"/>, answered by <see cref="AnsweringDoctor"/>) to act on.
/// Created once per test run.
/// </summary>
public sealed record ForumActors(
    ApiClient Client, SignedInUser Author, SignedInUser OtherPatient, SignedInUser UnverifiedDoctor,
    SignedInUser VerifiedDoctor, SignedInUser AnsweringDoctor, SignedInUser Admin, string ThreadId, string AnswerId)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ForumActors? created;

    public static async Task<ForumActors> GetAsync(EmbeddedApiFactory api)
    {
        await Gate.WaitAsync();
        try
        {
            return created ??= await CreateAsync(api);
        }
        finally
        {
            Gate.Release();
        }
    }

    public string? TokenOf(string role) => role switch
    {
        "visitor" => null,
        "patient" => Author.AccessToken,
        "other patient" => OtherPatient.AccessToken,
        "unverified doctor" => UnverifiedDoctor.AccessToken,
        "verified doctor" => VerifiedDoctor.AccessToken,
        "admin" => Admin.AccessToken,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static async Task<SignedInUser> VerifiedDoctorAsync(ApiClient client, SignedInUser admin)
    {
        var doctor = await client.RegisterAndLoginAsync("doctor");
        (await client.PostAsync($"/api/admin/doctors/{doctor.Id}/verify", null, admin.AccessToken)).Expect(HttpStatusCode.OK);
        return SignedInUser.From((await client.PostAsync("/api/auth/refresh", new { refreshToken = doctor.RefreshToken })).Expect(HttpStatusCode.OK));
    }

    private static async Task<ForumActors> CreateAsync(EmbeddedApiFactory api)
    {
        var client = api.NewClient();
        var admin = await client.LoginAsync(EmbeddedApiFactory.AdminEmail, EmbeddedApiFactory.AdminPassword);
        var author = await client.RegisterAndLoginAsync();
        var answering = await VerifiedDoctorAsync(client, admin);
        var thread = (await client.PostAsync("/api/forum/threads",
            new { title = "Role matrix thread", body = "Who may do what here?", department = "general-practice" }, author.AccessToken))
            .Expect(HttpStatusCode.Created);
        var answer = (await client.PostAsync($"/api/forum/threads/{thread.Str("id")}/answers", new { body = "An answer to act on." }, answering.AccessToken))
            .Expect(HttpStatusCode.Created);
        return new ForumActors(client, author, await client.RegisterAndLoginAsync(), await client.RegisterAndLoginAsync("doctor"),
            await VerifiedDoctorAsync(client, admin), answering, admin, thread.Str("id"), answer.Str("id"));
    }
}
