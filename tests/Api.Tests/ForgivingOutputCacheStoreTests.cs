using MedPlatform.Api.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedPlatform.Api.Tests;

/// <summary>A failing cache store (Redis down) costs the output cache its hits, never an answer.</summary>
public sealed class ForgivingOutputCacheStoreTests
{
    private readonly ForgivingOutputCacheStore store = new(new UnreachableStore(), NullLogger<ForgivingOutputCacheStore>.Instance);

    [Fact]
    public async Task A_failed_lookup_is_a_miss_and_failed_writes_and_evictions_are_skipped()
    {
        Assert.Null(await store.GetAsync("key", CancellationToken.None));
        await store.SetAsync("key", [1, 2, 3], ["catalog"], TimeSpan.FromSeconds(5), CancellationToken.None);
        await store.EvictByTagAsync("catalog", CancellationToken.None);
    }

    [Fact]
    public async Task A_cancelled_request_is_still_cancelled()
    {
        var cancelling = new ForgivingOutputCacheStore(new CancellingStore(), NullLogger<ForgivingOutputCacheStore>.Instance);

        await Assert.ThrowsAsync<OperationCanceledException>(async () => await cancelling.GetAsync("key", CancellationToken.None));
    }

    /// <summary>What a store does while Redis cannot be reached.</summary>
    private sealed class UnreachableStore : IOutputCacheStore
    {
        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => throw Unreachable();
        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => throw Unreachable();
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => throw Unreachable();
        private static TimeoutException Unreachable() => new("No connection is active/available to service this operation.");
    }

    private sealed class CancellingStore : IOutputCacheStore
    {
        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => throw new OperationCanceledException();
        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => throw new OperationCanceledException();
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => throw new OperationCanceledException();
    }
}
