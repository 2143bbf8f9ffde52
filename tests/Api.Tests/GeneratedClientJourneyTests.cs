using MedPlatform.Client;
using MedPlatform.Client.Models;
using MedPlatform.TestSupport;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MedPlatform.Api.Tests;

/// <summary>
/// A patient's whole journey through the C# client that Kiota generated from contract/openapi.json,
/// and nothing else: the proof that a mobile app can be generated from the contract alone.
/// </summary>
[Collection(nameof(EmbeddedApi))]
public sealed class GeneratedClientJourneyTests(EmbeddedApiFactory api)
{
    [Fact]
    public async Task A_patient_registers_asks_buys_and_follows_the_order_to_ready_to_ship_through_the_generated_client()
    {
        var email = $"kiota-{Guid.NewGuid():N}@api-tests.test";
        const string password = "generated-client-pass";
        var visitor = Client(accessToken: null);

        var registered = await visitor.Api.Auth.Register.PostAsync(new RegisterRequest
        {
            Email = email, Password = password, DisplayName = "Kiota Patient", Role = "patient",
        });
        Assert.Equal(Role.Patient, registered!.Role);
        Assert.False(registered.EmailVerified);
        // The link from the confirmation mail, followed as a mobile app would from its deep link.
        var mail = Assert.Single(await api.Mailbox.WaitForAsync(email, ApiClient.ConfirmationSubject));
        var confirmed = await visitor.Api.Auth.VerifyEmail.PostAsync(new VerifyEmailRequest { Token = mail.LinkToken() });
        Assert.True(confirmed!.EmailVerified);

        var tokens = await visitor.Api.Auth.Login.PostAsync(new LoginRequest { Email = email, Password = password });
        Assert.Equal(registered.Id, tokens!.User!.Id);
        var patient = Client(tokens.AccessToken);

        var departments = await visitor.Api.Forum.Departments.GetAsync();
        var thread = await patient.Api.Forum.Threads.PostAsync(new AskRequest
        {
            Title = "Dry cough for two weeks", Body = "A dry cough that has lasted two weeks and is worse at night. Should I see someone?",
            Department = departments![0].Id,
        });
        Assert.True(thread!.AskedByMe);

        var catalog = await visitor.Api.Products.GetAsync(request => request.QueryParameters.PageSize = 100);
        var product = catalog!.Items!.First(p => p.RequiresPrescription == false && p.Controlled == false && p.Stock > 5);
        var cart = await patient.Api.Cart.Items[product.Id!].PutAsync(new CartLineRequest { Quantity = 2 });
        Assert.Equal(2 * product.PriceCents, cart!.TotalCents);

        var order = await patient.Api.Orders.PostAsync(new CheckoutRequest
        {
            ShippingAddress = new AddressRequest { Name = "Kiota Patient", Line1 = "1 Generated Street", City = "Berlin", PostalCode = "10115", Country = "DE" },
            Payment = new PaymentRequest { CardNumber = "4242424242424242", Expiry = "12/30", Cvc = "123" },
        }, request => request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString()));
        Assert.Equal(OrderStatus.Placed, order!.Status);

        OrderView? ready = null;
        await Poll.UntilAsync(async () => (ready = await patient.Api.Orders[order.Id!].GetAsync())!.Status == OrderStatus.ReadyToShip,
            TimeSpan.FromSeconds(30), "the order to be ready to ship");
        Assert.Equal([OrderStatus.Placed, OrderStatus.StockReserved, OrderStatus.Paid, OrderStatus.ReadyToShip], ready!.History!.Select(h => h.Status!.Value));
        var mine = await patient.Api.Orders.GetAsync();
        Assert.Contains(mine!.Items!, o => o.Id == order.Id);

        // A refusal arrives as the contract's problem details, typed by the generated client.
        var emptyCart = await Assert.ThrowsAsync<ProblemDetails>(() => patient.Api.Orders.PostAsync(new CheckoutRequest
        {
            ShippingAddress = new AddressRequest { Name = "Kiota Patient", Line1 = "1 Generated Street", City = "Berlin", PostalCode = "10115", Country = "DE" },
            Payment = new PaymentRequest { CardNumber = "4242424242424242", Expiry = "12/30", Cvc = "123" },
        }, request => request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString())));
        Assert.Equal(422, emptyCart.Status);
        Assert.Equal("Your cart is empty.", emptyCart.Detail);

        var invalid = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() =>
            visitor.Api.Auth.Register.PostAsync(new RegisterRequest { Email = "not-an-email", Password = password, DisplayName = "X", Role = "patient" }));
        Assert.Equal(400, invalid.Status);
        Assert.True(invalid.Errors!.AdditionalData.ContainsKey("email"));

        var anonymous = await Assert.ThrowsAsync<ProblemDetails>(() => visitor.Api.Cart.GetAsync());
        Assert.Equal(401, anonymous.Status);
    }

    private MedPlatformClient Client(string? accessToken)
    {
        var http = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Add(EmbeddedApiFactory.ClientAddressHeader, EmbeddedApiFactory.RandomAddress());
        IAuthenticationProvider authentication = accessToken is null
            ? new AnonymousAuthenticationProvider()
            : new BaseBearerTokenAuthenticationProvider(new FixedAccessToken(accessToken));
        return new MedPlatformClient(new HttpClientRequestAdapter(authentication, httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') });
    }

    /// <summary>The signed-in patient's access token, as a mobile app would keep it after sign-in.</summary>
    private sealed class FixedAccessToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
