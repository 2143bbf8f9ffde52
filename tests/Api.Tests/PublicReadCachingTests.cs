using System.Net;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>Public catalog and forum reads: ETags, Cache-Control, the visitors' output cache and its eviction on writes.</summary>
[Collection(nameof(EmbeddedApi))]
public sealed class PublicReadCachingTests(EmbeddedApiFactory api)
{
    [Fact]
    public async Task A_public_read_is_sent_compressed_to_a_client_that_accepts_it()
    {
        using var http = api.CreateClient();
        var plain = await http.GetStringAsync("/api/products?pageSize=40");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products?pageSize=40");
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var response = await http.SendAsync(request);

        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        await using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        Assert.Equal(plain, await new StreamReader(brotli).ReadToEndAsync());
        Assert.True(compressed.Length < System.Text.Encoding.UTF8.GetByteCount(plain) / 2, $"{compressed.Length} bytes compressed");
    }

    [Fact]
    public async Task Over_https_only_a_visitors_public_read_is_compressed_never_an_answer_that_holds_a_token_or_a_patients_data()
    {
        var actors = await MallActors.GetAsync(api);
        using var https = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        async Task<string?> EncodingOf(HttpMethod method, string path, string? token = null, object? body = null)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.AcceptEncoding.ParseAdd("br");
            if (token is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            if (body is not null) request.Content = System.Net.Http.Json.JsonContent.Create(body);
            using var response = await https.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode}");
            return response.Content.Headers.ContentEncoding.SingleOrDefault();
        }

        Assert.Equal("br", await EncodingOf(HttpMethod.Get, "/api/products?pageSize=40"));
        Assert.Null(await EncodingOf(HttpMethod.Get, "/api/products?pageSize=40", actors.Patient.AccessToken));
        Assert.Null(await EncodingOf(HttpMethod.Get, "/api/cart", actors.Patient.AccessToken));
        Assert.Null(await EncodingOf(HttpMethod.Post, "/api/auth/login", body: new { email = EmbeddedApiFactory.AdminEmail, password = EmbeddedApiFactory.AdminPassword }));
    }

    [Fact]
    public async Task A_visitors_read_is_cacheable_for_five_seconds_and_served_again_from_the_cache()
    {
        var actors = await MallActors.GetAsync(api);
        var path = $"/api/products/{actors.OtcProductId}?probe={Guid.NewGuid():N}";

        var first = await actors.Client.GetAsync(path);
        var second = await actors.Client.GetAsync(path);

        first.Expect(HttpStatusCode.OK);
        Assert.Equal("public, max-age=5", first.Headers["Cache-Control"]);
        Assert.Equal("Authorization", first.Headers["Vary"]);
        Assert.StartsWith("\"", first.Headers["ETag"], StringComparison.Ordinal);
        Assert.False(first.Headers.ContainsKey("Age"));
        // The output cache answers the second one (it says how old its copy is).
        Assert.True(second.Headers.ContainsKey("Age"), "The second read should come from the output cache.");
        Assert.Equal(first.Headers["ETag"], second.Headers["ETag"]);
        Assert.Equal(first.Body, second.Body);
    }

    [Fact]
    public async Task A_matching_if_none_match_is_a_304_without_a_body_and_a_stale_one_gets_the_page()
    {
        var actors = await MallActors.GetAsync(api);
        var path = $"/api/products?probe={Guid.NewGuid():N}";
        var etag = (await actors.Client.GetAsync(path)).Headers["ETag"];

        var unchanged = await actors.Client.SendAsync(HttpMethod.Get, path, headers: new Dictionary<string, string> { ["If-None-Match"] = etag });
        var signedIn = await actors.Client.SendAsync(HttpMethod.Get, path, token: actors.Patient.AccessToken,
            headers: new Dictionary<string, string> { ["If-None-Match"] = etag });
        var stale = await actors.Client.SendAsync(HttpMethod.Get, path, headers: new Dictionary<string, string> { ["If-None-Match"] = "\"not-this-one\"" });

        Assert.Equal(HttpStatusCode.NotModified, unchanged.Status);
        Assert.Equal("", unchanged.Body);
        Assert.Equal(HttpStatusCode.NotModified, signedIn.Status);
        stale.Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_signed_in_reader_gets_a_private_fresh_answer()
    {
        var actors = await MallActors.GetAsync(api);
        var path = $"/api/forum/threads?probe={Guid.NewGuid():N}";

        await actors.Client.GetAsync(path, actors.Patient.AccessToken);
        var again = await actors.Client.GetAsync(path, actors.Patient.AccessToken);

        again.Expect(HttpStatusCode.OK);
        Assert.Equal(["no-cache", "private"], again.Headers["Cache-Control"].Split(',', StringSplitOptions.TrimEntries).Order());
        Assert.False(again.Headers.ContainsKey("Age"));
    }

    [Fact]
    public async Task A_staff_change_to_a_product_shows_to_visitors_at_once()
    {
        var actors = await MallActors.GetAsync(api);
        var client = actors.Client;
        var product = await MallActors.CreateProductAsync(client, actors.Pharmacist, MallActors.NewProduct($"Cache probe {Guid.NewGuid():N}", priceCents: 300));
        var before = (await client.GetAsync($"/api/products/{product}")).Expect(HttpStatusCode.OK);
        Assert.True((await client.GetAsync($"/api/products/{product}")).Headers.ContainsKey("Age"));

        (await client.SendAsync(HttpMethod.Put, $"/api/products/{product}", new { priceCents = 375 }, actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);
        (await client.PostAsync($"/api/products/{product}/stock", new { delta = 5, reason = "Delivery" }, actors.Pharmacist.AccessToken)).Expect(HttpStatusCode.OK);

        var after = (await client.GetAsync($"/api/products/{product}")).Expect(HttpStatusCode.OK);
        Assert.Equal(375, after["priceCents"]!.GetValue<long>());
        Assert.Equal(before["stock"]!.GetValue<int>() + 5, after["stock"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_new_question_shows_in_the_visitors_forum_list_at_once()
    {
        var client = api.NewClient();
        var patient = await client.RegisterAndLoginAsync();
        var list = "/api/forum/threads?department=general-practice";
        (await client.GetAsync(list)).Expect(HttpStatusCode.OK);

        var title = $"Cache probe question {Guid.NewGuid():N}";
        (await client.PostAsync("/api/forum/threads", new { title, body = "Does the visitors' list show this at once?", department = "general-practice" }, patient.AccessToken))
            .Expect(HttpStatusCode.Created);

        var after = (await client.GetAsync(list)).Expect(HttpStatusCode.OK);
        Assert.Contains(after["items"]!.AsArray(), t => t!.Str("title") == title);
    }
}
