using MedPlatform.Hosting;
using System.Globalization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace MedPlatform.Storage;

/// <summary>
/// Grain state in a SQLite file for embedded mode (Orleans' ADO.NET provider does not speak SQLite).
/// Same contract as the cluster's provider: the ETag is a version number, a write with a stale
/// version is refused with <see cref="InconsistentStateException"/>, a clear keeps the row with
/// no payload so versions never go backwards.
/// </summary>
public sealed class SqliteGrainStorage(
    string providerName,
    SqlDatabase database,
    IGrainStorageSerializer serializer,
    IActivatorProvider activators,
    PlatformClock clock) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var rows = await database.QueryAsync(
            "SELECT payload, version FROM grain_state WHERE provider = @provider AND state_name = @state AND grain_id = @grain;",
            command => Key(command, stateName, grainId),
            reader => (Payload: reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0), Version: reader.GetInt64(1)));

        if (rows.Count == 0)
        {
            grainState.State = New<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        var (payload, version) = rows[0];
        grainState.State = payload is null ? New<T>() : serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        grainState.ETag = await Store(stateName, grainId, grainState.ETag, payload);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is not null)
        {
            grainState.ETag = await Store(stateName, grainId, grainState.ETag, payload: null);
        }
        grainState.State = New<T>();
        grainState.RecordExists = false;
    }

    /// <summary>Inserts (no ETag yet) or updates the row holding exactly the ETag's version; returns the new ETag.</summary>
    private async Task<string> Store(string stateName, GrainId grainId, string? etag, byte[]? payload)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        long newVersion;
        int changed;
        if (etag is null)
        {
            newVersion = 1;
            changed = await database.ExecuteAsync(
                """
                INSERT INTO grain_state (provider, state_name, grain_id, payload, version, modified_at)
                VALUES (@provider, @state, @grain, @payload, 1, @now)
                ON CONFLICT DO NOTHING;
                """,
                command => Key(command, stateName, grainId).Bind("payload", payload).Bind("now", now));
        }
        else
        {
            var expected = long.Parse(etag, CultureInfo.InvariantCulture);
            newVersion = expected + 1;
            changed = await database.ExecuteAsync(
                """
                UPDATE grain_state SET payload = @payload, version = version + 1, modified_at = @now
                WHERE provider = @provider AND state_name = @state AND grain_id = @grain AND version = @expected;
                """,
                command => Key(command, stateName, grainId).Bind("payload", payload).Bind("now", now).Bind("expected", expected));
        }

        if (changed != 1)
        {
            throw new InconsistentStateException(
                $"Version conflict writing {stateName} of {grainId} in {providerName}: the stored version is not {etag ?? "absent"}.",
                storedEtag: null, currentEtag: etag);
        }
        return newVersion.ToString(CultureInfo.InvariantCulture);
    }

    private System.Data.Common.DbCommand Key(System.Data.Common.DbCommand command, string stateName, GrainId grainId) =>
        command.Bind("provider", providerName).Bind("state", stateName).Bind("grain", grainId.ToString());

    private T New<T>() => activators.GetActivator<T>().Create();
}
