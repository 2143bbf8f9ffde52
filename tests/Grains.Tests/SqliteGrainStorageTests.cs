using MedPlatform.Hosting;
using MedPlatform.Identity;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace MedPlatform.Grains.Tests;

/// <summary>Embedded mode's own grain storage keeps Orleans' contract: versions, and no lost updates.</summary>
public sealed class SqliteGrainStorageTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("medplatform-storage-").FullName;
    private readonly GrainId grainId = GrainId.Create("user", UserIds.New());
    private SqliteGrainStorage storage = null!;

    public async Task InitializeAsync()
    {
        var database = SqlDatabase.SqliteFile(Databases.Platform, Path.Combine(directory, "platform.db"));
        var clock = new PlatformClock(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance, clock).MigrateAsync(database);
        var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        storage = new SqliteGrainStorage("identity", database,
            new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
            services.GetRequiredService<IActivatorProvider>(), clock);
    }

    [Fact]
    public async Task A_first_write_stores_version_1_and_reads_back()
    {
        var state = new GrainState<EmailIndexState> { State = new EmailIndexState { UserId = "abc" } };

        await storage.WriteStateAsync("email", grainId, state);

        var read = new GrainState<EmailIndexState>();
        await storage.ReadStateAsync("email", grainId, read);
        Assert.Equal("1", state.ETag);
        Assert.Equal("1", read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal("abc", read.State!.UserId);
    }

    [Fact]
    public async Task A_second_first_write_is_refused()
    {
        await storage.WriteStateAsync("email", grainId, new GrainState<EmailIndexState> { State = new() { UserId = "first" } });

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("email", grainId, new GrainState<EmailIndexState> { State = new() { UserId = "second" } }));

        Assert.Equal("first", (await Read()).State!.UserId);
    }

    [Fact]
    public async Task A_write_from_a_stale_version_is_refused_and_changes_nothing()
    {
        var writer = new GrainState<EmailIndexState> { State = new() { UserId = "v1" } };
        await storage.WriteStateAsync("email", grainId, writer);
        var stale = new GrainState<EmailIndexState> { State = new() { UserId = "stale" }, ETag = writer.ETag };
        writer.State.UserId = "v2";
        await storage.WriteStateAsync("email", grainId, writer);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("email", grainId, stale));

        var read = await Read();
        Assert.Equal("v2", read.State!.UserId);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task Clearing_keeps_the_version_moving_forward()
    {
        var state = new GrainState<EmailIndexState> { State = new() { UserId = "v1" } };
        await storage.WriteStateAsync("email", grainId, state);

        await storage.ClearStateAsync("email", grainId, state);

        var read = await Read();
        Assert.False(read.RecordExists);
        Assert.Null(read.State!.UserId);
        Assert.Equal("2", read.ETag);
        read.State!.UserId = "again";
        await storage.WriteStateAsync("email", grainId, read);
        Assert.Equal("3", read.ETag);
    }

    [Fact]
    public async Task States_of_different_grains_and_names_are_kept_apart()
    {
        await storage.WriteStateAsync("email", grainId, new GrainState<EmailIndexState> { State = new() { UserId = "mine" } });

        var otherGrain = new GrainState<EmailIndexState>();
        await storage.ReadStateAsync("email", GrainId.Create("user", UserIds.New()), otherGrain);
        var otherName = new GrainState<EmailIndexState>();
        await storage.ReadStateAsync("other", grainId, otherName);

        Assert.False(otherGrain.RecordExists);
        Assert.False(otherName.RecordExists);
        Assert.Null(otherGrain.ETag);
    }

    private async Task<GrainState<EmailIndexState>> Read()
    {
        var read = new GrainState<EmailIndexState>();
        await storage.ReadStateAsync("email", grainId, read);
        return read;
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
