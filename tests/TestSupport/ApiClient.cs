using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedPlatform.TestSupport;

/// <summary>
/// Talks to the Api the way a client app does: JSON over HTTP, bearer tokens. Answers are kept as
/// JSON so tests assert on the wire contract (field names, enum spellings), not on server types.
/// </summary>
public sealed class ApiClient(HttpClient http)
{
    public HttpClient Http => http;

    /// <summary>Where the platform's mail to this client's accounts arrives: registration confirms the address through it.</summary>
    public IMailbox? Mailbox { get; init; }

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body = null, string? token = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = body is HttpContent content ? content : JsonContent.Create(body);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text,
            response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
    }

    public Task<ApiResponse> GetAsync(string path, string? token = null) => SendAsync(HttpMethod.Get, path, null, token);
    public Task<ApiResponse> PostAsync(string path, object? body = null, string? token = null) => SendAsync(HttpMethod.Post, path, body, token);

    public static object Registration(string email, string role = "patient", string password = "correct-horse-battery", string? licenseNumber = null) =>
        new { email, password, displayName = $"Test {role} {email.Split('@')[0]}", role, licenseNumber = licenseNumber ?? (role == "doctor" ? "LIC-" + Guid.NewGuid().ToString("N")[..8] : null) };

    /// <summary>Registers, and (with a mailbox, unless told not to) confirms the address through the link mailed to it, as its owner would.</summary>
    public async Task<JsonNode> RegisterAsync(string email, string role = "patient", string password = "correct-horse-battery", bool confirmEmail = true)
    {
        var response = await PostAsync("/api/auth/register", Registration(email, role, password));
        var user = response.Expect(HttpStatusCode.Created);
        if (confirmEmail && Mailbox is not null)
            await ConfirmEmailAsync(email);
        return user;
    }

    public const string ConfirmationSubject = "Confirm your email address";

    /// <summary>Follows the newest confirmation link mailed to <paramref name="email"/>.</summary>
    public async Task<JsonNode> ConfirmEmailAsync(string email)
    {
        var mail = (await (Mailbox ?? throw new InvalidOperationException("This client has no mailbox to read the link from.")).WaitForAsync(email, ConfirmationSubject))
            .OrderBy(m => m.Date).Last();
        return (await PostAsync("/api/auth/verify-email", new { token = mail.LinkToken() })).Expect(HttpStatusCode.OK);
    }

    /// <summary>The platform's staff authenticators: share one instance among every client of the same platform.</summary>
    public Authenticators Authenticators { get; init; } = new();

    /// <summary>
    /// Signs in as a person would: the password, then a code when the account has two-factor on. An
    /// administrator or pharmacist without it enrols first, as the platform requires of them.
    /// </summary>
    public async Task<SignedInUser> LoginAsync(string email, string password = "correct-horse-battery")
    {
        var turn = Authenticators.TurnOf(email);
        await turn.WaitAsync();
        try
        {
            var json = (await PostAsync("/api/auth/login", new { email, password })).Expect(HttpStatusCode.OK);
            if (json["twoFactorRequired"]?.GetValue<bool>() == true)
                return await Authenticators.CompleteAsync(this, email, json);
            var user = SignedInUser.From(json);
            return Authenticators.MustEnrol(user.Role) && json["user"]!["twoFactorEnabled"]?.GetValue<bool>() != true
                ? await Authenticators.EnrolAsync(this, user, password)
                : user;
        }
        finally
        {
            turn.Release();
        }
    }

    public async Task<SignedInUser> RegisterAndLoginAsync(string role = "patient", string? email = null, bool confirmEmail = true)
    {
        email ??= $"{role}-{Guid.NewGuid():N}@example.test";
        await RegisterAsync(email, role, confirmEmail: confirmEmail);
        return await LoginAsync(email);
    }

    public static string UniqueEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.test";
}

public sealed record SignedInUser(string Id, string Email, string Role, string AccessToken, string RefreshToken)
{
    public static SignedInUser From(JsonNode json) =>
        new(json["user"]!["id"]!.GetValue<string>(), json["user"]!["email"]!.GetValue<string>(), json["user"]!["role"]!.GetValue<string>(),
            json["accessToken"]!.GetValue<string>(), json["refreshToken"]!.GetValue<string>());
}

public sealed record ApiResponse(HttpStatusCode Status, string? MediaType, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("Empty body");

    /// <summary>Asserts the status (showing the body if it differs) and returns the JSON body.</summary>
    public JsonNode Expect(HttpStatusCode status)
    {
        Xunit.Assert.True(Status == status, $"Expected {(int)status} {status} but got {(int)Status} {Status}: {Body}");
        return string.IsNullOrEmpty(Body) ? new JsonObject() : Json;
    }

    /// <summary>Asserts an RFC 9457 problem details answer with this status and returns it.</summary>
    public JsonNode ExpectProblem(HttpStatusCode status)
    {
        var json = Expect(status);
        Xunit.Assert.Equal("application/problem+json", MediaType);
        Xunit.Assert.Equal((int)status, json["status"]!.GetValue<int>());
        Xunit.Assert.False(string.IsNullOrWhiteSpace(json["title"]?.GetValue<string>()), "problem has no title");
        Xunit.Assert.False(string.IsNullOrWhiteSpace(json["type"]?.GetValue<string>()), "problem has no type");
        Xunit.Assert.False(string.IsNullOrWhiteSpace(json["detail"]?.GetValue<string>()), "problem has no detail");
        Xunit.Assert.DoesNotContain("   at ", Body, StringComparison.Ordinal);
        return json;
    }

    public override string ToString() => $"{(int)Status} {Body}";
}

public static class JsonNodeExtensions
{
    public static string Str(this JsonNode node, string property) => node[property]!.GetValue<string>();

    public static string[] FieldErrors(this JsonNode problem, string field) =>
        problem["errors"]?[field]?.AsArray().Select(e => e!.GetValue<string>()).ToArray() ?? [];

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
