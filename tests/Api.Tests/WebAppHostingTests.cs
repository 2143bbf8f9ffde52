using System.Net;
using System.Text.RegularExpressions;
using MedPlatform.TestSupport;

namespace MedPlatform.Api.Tests;

/// <summary>The web app served beside the API: its page for browser addresses, never for API ones.</summary>
[Collection(nameof(EmbeddedApi))]
public sealed partial class WebAppHostingTests(EmbeddedApiFactory api)
{
    private readonly ApiClient client = api.NewClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/forum/threads/some-thread")]
    [InlineData("/orders/some-order")]
    public async Task Browser_addresses_get_the_app_page_with_a_strict_content_security_policy(string path)
    {
        var page = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.MediaType);
        Assert.Contains("<div id=\"root\"></div>", page.Body, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", page.Headers["Content-Security-Policy"], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", page.Headers["Content-Security-Policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers["X-Content-Type-Options"]);
        Assert.Equal("no-cache", page.Headers["Cache-Control"]);
    }

    [Fact]
    public async Task Built_assets_are_cached_for_good_and_a_missing_one_is_a_404_not_the_page()
    {
        var index = await client.GetAsync("/");
        var script = ScriptPath().Match(index.Body).Groups[1].Value;

        var asset = await client.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, asset.Status);
        Assert.Contains("immutable", asset.Headers["Cache-Control"], StringComparison.Ordinal);

        (await client.GetAsync("/assets/no-such-file.js")).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Built_assets_are_sent_compressed_to_a_browser_that_accepts_it(string encoding)
    {
        var index = await client.GetAsync("/");
        var script = ScriptPath().Match(index.Body).Groups[1].Value;
        using var http = api.CreateClient();
        var plain = await http.GetByteArrayAsync(script);

        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < plain.Length / 2, $"{compressed.Length} bytes {encoding} for {plain.Length} plain");
        using var decompressed = new MemoryStream();
        await using (var stream = encoding == "br"
            ? (Stream)new System.IO.Compression.BrotliStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress))
        {
            await stream.CopyToAsync(decompressed);
        }
        Assert.Equal(plain, decompressed.ToArray());
    }

    [Theory]
    [InlineData("/api/forum/nothing-here")]
    [InlineData("/health/nothing-here")]
    [InlineData("/openapi/v2.json")]
    public async Task Unknown_server_addresses_stay_404_problems(string path)
    {
        (await client.GetAsync(path)).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_reading_gets_the_app_page()
    {
        var response = await client.PostAsync("/forum", new { });

        Assert.NotEqual(HttpStatusCode.OK, response.Status);
        Assert.DoesNotContain("<div id=\"root\">", response.Body, StringComparison.Ordinal);
    }

    [GeneratedRegex("src=\"(/assets/[^\"]+\\.js)\"")]
    private static partial Regex ScriptPath();
}
