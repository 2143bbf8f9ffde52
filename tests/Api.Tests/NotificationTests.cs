using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>
/// The notification centre and its mail: what happens in the forum, to prescriptions and to orders
/// reaches the person it concerns, in the app (live) and by mail (with a one-click unsubscribe), as
/// each one's settings say.
/// </summary>
[Collection(nameof(EmbeddedApi))]
public sealed class NotificationTests(EmbeddedApiFactory api)
{
    private readonly ApiClient client = api.NewClient();

    private async Task<JsonNode> ListAsync(SignedInUser user, string query = "") =>
        (await client.GetAsync($"/api/notifications{query}", user.AccessToken)).Expect(HttpStatusCode.OK);

    private async Task<JsonNode> WaitForKindAsync(SignedInUser user, string kind)
    {
        JsonNode? found = null;
        await Poll.UntilAsync(async () => (found = (await ListAsync(user))["items"]!.AsArray().FirstOrDefault(n => n!.Str("kind") == kind)) is not null,
            TimeSpan.FromSeconds(15), $"a {kind} notification for {user.Email}");
        return found!;
    }

    private async Task<(SignedInUser Asker, SignedInUser Doctor, string ThreadId)> QuestionAsync(bool anonymous = false)
    {
        var actors = await MallActors.GetAsync(api);
        var asker = await client.RegisterAndLoginAsync();
        var thread = (await client.PostAsync("/api/forum/threads",
            new { title = "Headaches every morning", body = "For two weeks I wake up with a headache behind the eyes.", department = "general-practice", anonymous },
            asker.AccessToken)).Expect(HttpStatusCode.Created);
        return (asker, actors.VerifiedDoctor, thread.Str("id"));
    }

    [Fact]
    public async Task A_doctors_answer_reaches_an_anonymous_asker_live_in_the_list_and_by_one_mail_that_names_nobody()
    {
        var (asker, doctor, threadId) = await QuestionAsync(anonymous: true);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", asker.AccessToken);
        using var stream = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal(": open", await reader.ReadLineAsync());

        (await client.PostAsync($"/api/forum/threads/{threadId}/answers", new { body = "Morning headaches can come from poor sleep or high blood pressure." }, doctor.AccessToken))
            .Expect(HttpStatusCode.Created);

        string? eventName = null, data = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (data is null && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) eventName = line[7..];
            if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
        }
        Assert.Equal("notification", eventName);
        var live = JsonNode.Parse(data!)!;
        Assert.Equal("questionAnswered", live["notification"]!.Str("kind"));
        Assert.Equal($"/forum/threads/{threadId}", live["notification"]!.Str("link"));
        Assert.Equal(1, live["unreadCount"]!.GetValue<int>());

        var list = await ListAsync(asker);
        Assert.Equal(1, list["unreadCount"]!.GetValue<int>());
        Assert.Equal(live["notification"]!.Str("id"), list["items"]![0]!.Str("id"));

        var mail = Assert.Single(await api.Mailbox.WaitForAsync(asker.Email, "A doctor answered your question"));
        await Task.Delay(1000);
        Assert.Single(await api.Mailbox.WaitForAsync(asker.Email, "A doctor answered your question"));
        // The mail quotes nothing of the question; it goes to her alone.
        Assert.DoesNotContain("Headaches", mail.TextBody + mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("headache", mail.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([asker.Email], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Empty(mail.Cc);
        Assert.Contains($"/forum/threads/{threadId}", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Matches(@"^<http://localhost:5080/api/notifications/unsubscribe\?token=[A-Za-z0-9_\-.%]+>$", mail.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task Marking_read_reaches_every_open_stream_with_the_unread_count()
    {
        var (asker, doctor, threadId) = await QuestionAsync();
        (await client.PostAsync($"/api/forum/threads/{threadId}/answers", new { body = "Keep a diary of when they start, and what you ate." }, doctor.AccessToken))
            .Expect(HttpStatusCode.Created);
        await WaitForKindAsync(asker, "questionAnswered");

        // The stream of another tab, opened before this one marks everything read.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", asker.AccessToken);
        using var stream = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal(": open", await reader.ReadLineAsync());

        (await client.PostAsync("/api/notifications/read-all", null, asker.AccessToken)).Expect(HttpStatusCode.NoContent);

        string? eventName = null, data = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (data is null && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) eventName = line[7..];
            if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
        }
        Assert.Equal("unread", eventName);
        Assert.Equal(0, JsonNode.Parse(data!)!["unreadCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Marking_read_and_another_persons_notification_is_a_404()
    {
        var (asker, doctor, threadId) = await QuestionAsync();
        (await client.PostAsync($"/api/forum/threads/{threadId}/answers", new { body = "Drink more water and keep a diary of when they start." }, doctor.AccessToken))
            .Expect(HttpStatusCode.Created);
        var notification = await WaitForKindAsync(asker, "questionAnswered");
        var other = await client.RegisterAndLoginAsync();

        (await client.PostAsync($"/api/notifications/{notification.Str("id")}/read", null, other.AccessToken)).ExpectProblem(HttpStatusCode.NotFound);
        (await client.PostAsync("/api/notifications/no-such-id/read", null, asker.AccessToken)).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Empty((await ListAsync(other))["items"]!.AsArray());

        (await client.PostAsync($"/api/notifications/{notification.Str("id")}/read", null, asker.AccessToken)).Expect(HttpStatusCode.NoContent);
        var after = await ListAsync(asker);
        Assert.Equal(0, after["unreadCount"]!.GetValue<int>());
        Assert.True(after["items"]![0]!["read"]!.GetValue<bool>());
        Assert.Empty((await ListAsync(asker, "?unread=true"))["items"]!.AsArray());

        // The doctor hears of the follow-up, and of the answer being accepted.
        (await client.PostAsync($"/api/forum/threads/{threadId}/follow-ups", new { body = "They are worse after coffee." }, asker.AccessToken)).Expect(HttpStatusCode.Created);
        await WaitForKindAsync(doctor, "followUp");
        (await client.PostAsync("/api/notifications/read-all", null, doctor.AccessToken)).Expect(HttpStatusCode.NoContent);
        Assert.Equal(0, (await ListAsync(doctor))["unreadCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Settings_switch_a_kind_off_per_channel_and_one_click_unsubscribe_stops_its_mail()
    {
        var (asker, doctor, threadId) = await QuestionAsync();
        var settings = (await client.GetAsync("/api/me/notification-settings", asker.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.True(settings["email"]!["questionAnswered"]!.GetValue<bool>());
        Assert.True(settings["inApp"]!["orderShipped"]!.GetValue<bool>());

        (await client.SendAsync(HttpMethod.Put, "/api/me/notification-settings", new { inApp = new { questionAnswered = false } }, asker.AccessToken))
            .Expect(HttpStatusCode.OK);
        (await client.PostAsync($"/api/forum/threads/{threadId}/answers", new { body = "A first answer, by mail only." }, doctor.AccessToken)).Expect(HttpStatusCode.Created);
        var mail = Assert.Single(await api.Mailbox.WaitForAsync(asker.Email, "A doctor answered your question"));
        Assert.Empty((await ListAsync(asker))["items"]!.AsArray());

        // The mail program's one-click unsubscribe: a form POST to the header's address.
        var unsubscribe = mail.Headers["List-Unsubscribe"]!.Trim('<', '>');
        static FormUrlEncodedContent OneClick() => new([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]);
        var answer = (await client.PostAsync(new Uri(unsubscribe).PathAndQuery, OneClick())).Expect(HttpStatusCode.OK);
        Assert.Equal("questionAnswered", answer.Str("kind"));
        Assert.False((await client.GetAsync("/api/me/notification-settings", asker.AccessToken)).Expect(HttpStatusCode.OK)["email"]!["questionAnswered"]!.GetValue<bool>());
        (await client.PostAsync("/api/notifications/unsubscribe?token=" + mail.LinkToken()[..^3] + "abc", OneClick())).ExpectProblem(HttpStatusCode.BadRequest);

        (await client.PostAsync($"/api/forum/threads/{threadId}/answers", new { body = "A second answer, told nowhere." }, doctor.AccessToken)).Expect(HttpStatusCode.Created);
        await Task.Delay(1500);
        Assert.Single(await api.Mailbox.WaitForAsync(asker.Email, "A doctor answered your question"));
    }

    [Fact]
    public async Task An_orders_steps_reach_its_patient_and_pharmacists_get_one_digest_not_a_mail_per_order()
    {
        var actors = await MallActors.GetAsync(api);
        var patient = await client.RegisterAndLoginAsync();
        var prescription = await MallActors.PrescribeAsync(client, actors.VerifiedDoctor, patient.Id, actors.RxProductId, quantity: 2);
        await WaitForKindAsync(patient, "prescriptionIssued");
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            await client.PutInCartAsync(patient, actors.RxProductId, 1, prescription);
            ids.Add((await client.CheckoutAsync(patient)).Expect(HttpStatusCode.Accepted).Str("id"));
        }
        foreach (var id in ids)
            await client.WaitForStatusAsync(patient.AccessToken, id, "awaitingReview");
        await WaitForKindAsync(patient, "orderAwaitingReview");
        (await client.PostAsync($"/api/pharmacy/orders/{ids[0]}/reject", new { reason = "The prescription does not allow two packs at once." }, actors.Pharmacist.AccessToken))
            .Expect(HttpStatusCode.OK);
        var rejected = await WaitForKindAsync(patient, "orderRejected");
        Assert.Contains("does not allow two packs", rejected.Str("body"), StringComparison.Ordinal);
        // The reason is in the app only: a pharmacist's words may be clinical, and mail is read over shoulders.
        var rejectionMail = Assert.Single(await api.Mailbox.WaitForAsync(patient.Email, "was not approved"));
        Assert.DoesNotContain("two packs", rejectionMail.TextBody + rejectionMail.HtmlBody, StringComparison.Ordinal);
        (await client.PostAsync($"/api/pharmacy/orders/{ids[1]}/approve", null, actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);
        (await client.PostAsync($"/api/pharmacy/orders/{ids[1]}/ship", new { trackingNumber = "DHL-5150" }, actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Contains("DHL-5150", (await WaitForKindAsync(patient, "orderShipped")).Str("body"), StringComparison.Ordinal);
        var kinds = (await ListAsync(patient))["items"]!.AsArray().Select(n => n!.Str("kind")).ToList();
        Assert.Equal(2, kinds.Count(k => k == "orderPaid"));
        Assert.Equal(2, kinds.Count(k => k == "orderAwaitingReview"));

        // Both orders waited within one digest period: one notification for the pharmacist, not two.
        var digest = await WaitForKindAsync(actors.Pharmacist, "reviewQueue");
        Assert.Equal("/pharmacy", digest.Str("link"));
        var pharmacistMail = await api.Mailbox.WaitForAsync(actors.Pharmacist.Email, "await");
        Assert.All(pharmacistMail, m => Assert.DoesNotContain(patient.Email, m.TextBody, StringComparison.OrdinalIgnoreCase));
    }
}
