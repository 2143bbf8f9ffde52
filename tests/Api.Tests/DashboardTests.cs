using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>The Orleans Dashboard at /dashboard: only through an admin's dashboard session.</summary>
[Collection(nameof(EmbeddedApi))]
public sealed class DashboardTests(EmbeddedApiFactory api)
{
    [Fact]
    public async Task Without_a_dashboard_session_the_dashboard_is_401()
    {
        var client = api.NewClient();
        var admin = await client.LoginAsync(EmbeddedApiFactory.AdminEmail, EmbeddedApiFactory.AdminPassword);

        var refused = (await client.GetAsync("/dashboard/")).ExpectProblem(HttpStatusCode.Unauthorized);
        Assert.Contains("dashboard-session", refused.Str("detail"), StringComparison.Ordinal);
        // The bearer token alone does not open it: the dashboard only knows its own cookie.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/dashboard", admin.AccessToken)).Status);
    }

    [Fact]
    public async Task Only_an_admin_gets_a_dashboard_session()
    {
        var client = api.NewClient();
        var patient = await client.RegisterAndLoginAsync();

        (await client.PostAsync("/api/admin/dashboard-session", null, patient.AccessToken)).ExpectProblem(HttpStatusCode.Forbidden);
        (await client.PostAsync("/api/admin/dashboard-session")).ExpectProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/dashboard")).Status);
    }

    [Fact]
    public async Task An_admins_dashboard_session_opens_the_dashboard_and_is_audited()
    {
        var client = api.NewClient();
        var admin = await client.LoginAsync(EmbeddedApiFactory.AdminEmail, EmbeddedApiFactory.AdminPassword);

        var session = await client.PostAsync("/api/admin/dashboard-session", null, admin.AccessToken);
        var page = await client.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.NoContent, session.Status);
        var cookie = Assert.Single(session.Headers, h => h.Key == "Set-Cookie").Value;
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<html", page.Body, StringComparison.OrdinalIgnoreCase);
        var audit = (await client.GetAsync("/api/admin/audit?action=admin.dashboard.opened", admin.AccessToken)).Expect(HttpStatusCode.OK);
        Assert.Contains(audit["items"]!.AsArray(), e => e!.Str("actorId") == admin.Id);
    }
}
