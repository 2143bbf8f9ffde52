using System.Security.Claims;
using System.Text;
using MedPlatform.Api.Auth;
using Microsoft.IdentityModel.Tokens;

namespace MedPlatform.Api.Tests;

/// <summary>Remembering a validated access token must never accept one that validating it again would refuse.</summary>
public sealed class RememberingTokenHandlerTests
{
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes(EmbeddedApiFactory.SigningKey));

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        var handler = new RememberingTokenHandler();
        var token = TestTokens.Forge("patient-1", "patient", DateTime.UtcNow.AddSeconds(2));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(Key))).IsValid);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(Key))).IsValid);
        Assert.Equal(1, handler.Count);

        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.False((await handler.ValidateTokenAsync(token, Parameters(Key))).IsValid);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_under_another_signing_key()
    {
        var handler = new RememberingTokenHandler();
        var token = TestTokens.Forge("patient-1", "patient", DateTime.UtcNow.AddMinutes(10));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(Key))).IsValid);

        var rotated = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-rotated-key-0123456789-abcdefghijklmnop"));

        Assert.False((await handler.ValidateTokenAsync(token, Parameters(rotated))).IsValid);
    }

    [Fact]
    public async Task A_refused_token_is_not_remembered()
    {
        var handler = new RememberingTokenHandler();
        var tampered = TestTokens.RaiseRoleToAdmin(TestTokens.Forge("patient-1", "patient", DateTime.UtcNow.AddMinutes(10)));

        Assert.False((await handler.ValidateTokenAsync(tampered, Parameters(Key))).IsValid);
        Assert.False((await handler.ValidateTokenAsync(tampered, Parameters(Key))).IsValid);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task Each_request_gets_its_own_identity()
    {
        var handler = new RememberingTokenHandler();
        var token = TestTokens.Forge("patient-1", "patient", DateTime.UtcNow.AddMinutes(10));
        var first = await handler.ValidateTokenAsync(token, Parameters(Key));

        first.ClaimsIdentity.AddClaim(new Claim("role", "admin"));
        var second = await handler.ValidateTokenAsync(token, Parameters(Key));

        Assert.True(second.IsValid);
        Assert.Equal(["patient"], second.ClaimsIdentity.FindAll("role").Select(c => c.Value));
    }

    [Fact]
    public async Task It_remembers_at_most_its_capacity()
    {
        var handler = new RememberingTokenHandler(capacity: 3);

        foreach (var patient in Enumerable.Range(0, 10))
            Assert.True((await handler.ValidateTokenAsync(TestTokens.Forge($"patient-{patient}", "patient", DateTime.UtcNow.AddMinutes(10)), Parameters(Key))).IsValid);

        Assert.InRange(handler.Count, 1, 3);
    }

    private static TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = "medplatform",
        ValidAudience = "medplatform",
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.Zero,
    };
}
