using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

[Collection(nameof(EmbeddedApi))]
public sealed class ForumTests(EmbeddedApiFactory api)
{
    private readonly ApiClient client = api.NewClient();

    private static string Marker() => "zq" + Guid.NewGuid().ToString("N")[..10];

    private async Task<string> AskAsync(SignedInUser patient, string title, bool anonymous = false, string department = "general-practice", string body = "Some details about it.")
    {
        var thread = (await client.PostAsync("/api/forum/threads", new { title, body, department, anonymous }, patient.AccessToken)).Expect(HttpStatusCode.Created);
        return thread.Str("id");
    }

    [Fact]
    public async Task Asking_answers_201_with_the_thread_and_its_location()
    {
        var patient = await client.RegisterAndLoginAsync();

        var response = await client.PostAsync("/api/forum/threads",
            new { title = "Headache every morning", body = "For a week, on waking.", department = "general-practice" }, patient.AccessToken);

        var thread = response.Expect(HttpStatusCode.Created);
        Assert.Equal("Headache every morning", thread.Str("title"));
        Assert.Equal("general-practice", thread.Str("department"));
        Assert.Empty(thread["answers"]!.AsArray());
        Assert.Empty(thread["followUps"]!.AsArray());
        Assert.Equal($"/api/forum/threads/{thread.Str("id")}", response.Headers["Location"]);
    }

    [Fact]
    public async Task Anonymity_holds_in_list_and_detail_views()
    {
        var marker = Marker();
        var author = await client.RegisterAndLoginAsync();
        var id = await AskAsync(author, $"A private question {marker}", anonymous: true);
        var doctor = await client.RegisterAndLoginAsync("doctor");

        foreach (var token in new[] { null, doctor.AccessToken, (await client.RegisterAndLoginAsync()).AccessToken })
        {
            Assert.Equal("Anonymous", (await client.GetAsync($"/api/forum/threads/{id}", token)).Expect(HttpStatusCode.OK).Str("authorName"));
            var listed = (await client.GetAsync($"/api/forum/threads?q={marker}", token)).Expect(HttpStatusCode.OK)["items"]!.AsArray().Single()!;
            Assert.Equal("Anonymous", listed.Str("authorName"));
            Assert.DoesNotContain(author.Email.Split('@')[0], listed.ToJsonString(), StringComparison.Ordinal);
        }
        Assert.NotEqual("Anonymous", (await client.GetAsync($"/api/forum/threads/{id}", author.AccessToken)).Expect(HttpStatusCode.OK).Str("authorName"));
        // In the author's own lists the question reads as others see it, marked as theirs.
        var own = (await client.GetAsync($"/api/forum/threads?mine=true", author.AccessToken)).Expect(HttpStatusCode.OK)["items"]!.AsArray().Single()!;
        Assert.Equal("Anonymous (you)", own.Str("authorName"));
        var admin = await client.LoginAsync(EmbeddedApiFactory.AdminEmail, EmbeddedApiFactory.AdminPassword);
        Assert.NotEqual("Anonymous", (await client.GetAsync($"/api/forum/threads/{id}", admin.AccessToken)).Expect(HttpStatusCode.OK).Str("authorName"));
    }

    [Fact]
    public async Task The_whole_conversation_reads_back_with_the_contract_fields()
    {
        var admin = await client.LoginAsync(EmbeddedApiFactory.AdminEmail, EmbeddedApiFactory.AdminPassword);
        var author = await client.RegisterAndLoginAsync();
        var doctor = await ForumActors.VerifiedDoctorAsync(client, admin);
        var colleague = await ForumActors.VerifiedDoctorAsync(client, admin);
        var id = await AskAsync(author, "Swollen ankle after a fall");

        var answer = (await client.PostAsync($"/api/forum/threads/{id}/answers", new { body = "Rest, ice and elevate it." }, doctor.AccessToken)).Expect(HttpStatusCode.Created);
        (await client.PostAsync($"/api/forum/threads/{id}/follow-ups", new { body = "For how long?" }, author.AccessToken)).Expect(HttpStatusCode.Created);
        (await client.PostAsync($"/api/forum/threads/{id}/answers/{answer.Str("id")}/endorse", null, colleague.AccessToken)).Expect(HttpStatusCode.OK);
        (await client.PostAsync($"/api/forum/threads/{id}/answers/{answer.Str("id")}/accept", null, author.AccessToken)).Expect(HttpStatusCode.OK);

        var thread = (await client.GetAsync($"/api/forum/threads/{id}")).Expect(HttpStatusCode.OK);
        var read = thread["answers"]!.AsArray().Single()!;
        Assert.Equal(doctor.Id, read.Str("doctorId"));
        Assert.False(string.IsNullOrEmpty(read.Str("doctorName")));
        Assert.Equal("Rest, ice and elevate it.", read.Str("body"));
        Assert.True(read["accepted"]!.GetValue<bool>());
        Assert.Equal(1, read["endorsements"]!.GetValue<int>());
        Assert.NotNull(read["createdAt"]);
        Assert.Equal("For how long?", thread["followUps"]!.AsArray().Single()!.Str("body"));
    }

    [Fact]
    public async Task A_second_endorsement_by_the_same_doctor_changes_nothing()
    {
        var actors = await ForumActors.GetAsync(api);
        var doctor = await ForumActors.VerifiedDoctorAsync(client, actors.Admin);
        var url = $"/api/forum/threads/{actors.ThreadId}/answers/{actors.AnswerId}/endorse";
        var before = (await client.PostAsync(url, null, doctor.AccessToken)).Expect(HttpStatusCode.OK)["endorsements"]!.GetValue<int>();

        var after = (await client.PostAsync(url, null, doctor.AccessToken)).Expect(HttpStatusCode.OK)["endorsements"]!.GetValue<int>();

        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Accept_by_someone_other_than_the_author_is_refused()
    {
        var actors = await ForumActors.GetAsync(api);

        (await client.PostAsync($"/api/forum/threads/{actors.ThreadId}/answers/{actors.AnswerId}/accept", null, actors.OtherPatient.AccessToken))
            .ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_doctor_cannot_endorse_their_own_answer()
    {
        var actors = await ForumActors.GetAsync(api);

        (await client.PostAsync($"/api/forum/threads/{actors.ThreadId}/answers/{actors.AnswerId}/endorse", null, actors.AnsweringDoctor.AccessToken))
            .ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Lists_and_search_show_writes_within_a_second()
    {
        var marker = Marker();
        var patient = await client.RegisterAndLoginAsync();
        var id = await AskAsync(patient, $"Fresh question {marker}", department: "ear-nose-throat");

        await Poll.UntilAsync(async () =>
        {
            var newest = (await client.GetAsync("/api/forum/threads?department=ear-nose-throat&pageSize=5")).Expect(HttpStatusCode.OK);
            var searched = (await client.GetAsync($"/api/forum/threads?q={marker}")).Expect(HttpStatusCode.OK);
            return newest["items"]!.AsArray().Any(t => t!.Str("id") == id) && searched["items"]!.AsArray().Any(t => t!.Str("id") == id);
        }, TimeSpan.FromSeconds(1), "the new thread in the list and the search");
    }

    [Fact]
    public async Task Paging_is_stable_and_covers_every_thread_once_newest_first()
    {
        var marker = Marker();
        var patient = await client.RegisterAndLoginAsync();
        var asked = new List<string>();
        for (var i = 0; i < 5; i++)
            asked.Add(await AskAsync(patient, $"Paging question {i} {marker}"));

        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var json = (await client.GetAsync($"/api/forum/threads?q={marker}&pageSize=2&page={page}")).Expect(HttpStatusCode.OK);
            Assert.Equal(5, json["totalCount"]!.GetValue<long>());
            seen.AddRange(json["items"]!.AsArray().Select(t => t!.Str("id")));
        }

        Assert.Equal(Enumerable.Reverse(asked), seen);
    }

    [Fact]
    public async Task Mine_lists_a_patients_questions_and_needs_a_sign_in()
    {
        var patient = await client.RegisterAndLoginAsync();
        var id = await AskAsync(patient, "My own question here");

        var mine = (await client.GetAsync("/api/forum/threads?mine=true", patient.AccessToken)).Expect(HttpStatusCode.OK);

        Assert.Equal([id], mine["items"]!.AsArray().Select(t => t!.Str("id")));
        (await client.GetAsync("/api/forum/threads?mine=true")).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Hi", "body", "title")]
    [InlineData(null, "body", "title")]
    [InlineData("A good title", "", "body")]
    public async Task Questions_outside_the_limits_get_a_400_naming_the_field(string? title, string body, string field)
    {
        var patient = await client.RegisterAndLoginAsync();

        var problem = (await client.PostAsync("/api/forum/threads", new { title, body, department = "dermatology" }, patient.AccessToken))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task Overlong_titles_bodies_and_answers_are_refused()
    {
        var actors = await ForumActors.GetAsync(api);

        var longTitle = await client.PostAsync("/api/forum/threads", new { title = new string('t', 201), body = "b", department = "dermatology" }, actors.Author.AccessToken);
        var longBody = await client.PostAsync("/api/forum/threads", new { title = "Fine title", body = new string('b', 10_001), department = "dermatology" }, actors.Author.AccessToken);
        var longAnswer = await client.PostAsync($"/api/forum/threads/{actors.ThreadId}/answers", new { body = new string('a', 5_001) }, actors.VerifiedDoctor.AccessToken);

        Assert.NotEmpty(longTitle.ExpectProblem(HttpStatusCode.BadRequest).FieldErrors("title"));
        Assert.NotEmpty(longBody.ExpectProblem(HttpStatusCode.BadRequest).FieldErrors("body"));
        Assert.NotEmpty(longAnswer.ExpectProblem(HttpStatusCode.BadRequest).FieldErrors("body"));
        (await client.PostAsync("/api/forum/threads", new { title = new string('t', 200), body = new string('b', 10_000), department = "dermatology" }, actors.Author.AccessToken))
            .Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_unknown_department_is_a_400()
    {
        var patient = await client.RegisterAndLoginAsync();

        var problem = (await client.PostAsync("/api/forum/threads", new { title = "A good title", body = "b", department = "astrology" }, patient.AccessToken))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("department"));
        (await client.GetAsync("/api/forum/threads?department=astrology")).ExpectProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Markup_is_stored_and_returned_as_plain_text()
    {
        var patient = await client.RegisterAndLoginAsync();
        const string body = "<script>alert('x')</script> & <b>bold</b>";
        var id = await AskAsync(patient, "Is <this> safe?", body: body);

        var thread = (await client.GetAsync($"/api/forum/threads/{id}")).Expect(HttpStatusCode.OK);

        Assert.Equal(body, thread.Str("body"));
        Assert.Equal("Is <this> safe?", thread.Str("title"));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-a-thread-id")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    public async Task A_thread_that_does_not_exist_is_404(string id)
    {
        (await client.GetAsync($"/api/forum/threads/{id}")).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_search_without_any_word_is_a_400()
    {
        (await client.GetAsync("/api/forum/threads?q=%21%21%21")).ExpectProblem(HttpStatusCode.BadRequest);
    }
}
