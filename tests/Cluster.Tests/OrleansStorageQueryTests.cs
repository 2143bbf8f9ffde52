using MedPlatform.TestSupport;
using MySqlConnector;

namespace MedPlatform.Cluster.Tests;

/// <summary>
/// The project's own MariaDB queries for Orleans' grain storage (deploy/schema/mysql), run as the
/// provider runs them: by key from OrleansQuery, with the provider's parameter names. A write
/// returns the new version; a stale or duplicate first write returns the caller's version
/// unchanged, which the provider turns into InconsistentStateException.
/// </summary>
[Collection(nameof(ClusterTopology))]
public sealed class OrleansStorageQueryTests(ProcessCluster cluster)
{
    private readonly long grainIdN0 = Random.Shared.NextInt64();

    [Fact]
    public async Task A_first_write_inserts_version_1_and_a_second_first_write_changes_nothing()
    {
        Assert.Equal(1, await Write(version: null, payload: [1]));

        Assert.Null(await Write(version: null, payload: [2]));

        Assert.Equal((byte[])[1], (await Read()).Payload);
    }

    [Fact]
    public async Task A_write_with_the_current_version_moves_it_on_and_a_stale_one_is_refused()
    {
        await Write(version: null, payload: [1]);
        Assert.Equal(2, await Write(version: 1, payload: [2]));

        Assert.Equal(1, await Write(version: 1, payload: [3]));

        var read = await Read();
        Assert.Equal(2, read.Version);
        Assert.Equal((byte[])[2], read.Payload);
    }

    [Fact]
    public async Task Clearing_empties_the_payload_and_moves_the_version_on()
    {
        await Write(version: null, payload: [1]);

        Assert.Equal(2, await Run("ClearStorageKey", 1, null));

        var read = await Read();
        Assert.Null(read.Payload);
        Assert.Equal(2, read.Version);
    }

    private Task<long?> Write(int? version, byte[] payload) => Run("WriteToStorageKey", version, payload);

    private async Task<long?> Run(string queryKey, int? version, byte[]? payload)
    {
        await using var connection = await Open();
        await using var command = connection.CreateCommand();
        command.CommandText = await QueryText(connection, queryKey);
        Key(command);
        command.Parameters.AddWithValue("GrainStateVersion", version);
        command.Parameters.AddWithValue("PayloadBinary", payload);
        await using var reader = await command.ExecuteReaderAsync();
        long? result = null;
        do
        {
            while (await reader.ReadAsync())
                result = reader.IsDBNull(0) ? null : Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
        }
        while (await reader.NextResultAsync());
        return result;
    }

    private async Task<(byte[]? Payload, int Version)> Read()
    {
        await using var connection = await Open();
        await using var command = connection.CreateCommand();
        command.CommandText = await QueryText(connection, "ReadFromStorageKey");
        Key(command);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.IsDBNull(reader.GetOrdinal("PayloadBinary")) ? null : (byte[])reader["PayloadBinary"], reader.GetInt32(reader.GetOrdinal("Version")));
    }

    private void Key(MySqlCommand command)
    {
        command.Parameters.AddWithValue("GrainIdHash", 42);
        command.Parameters.AddWithValue("GrainIdN0", grainIdN0);
        command.Parameters.AddWithValue("GrainIdN1", 7L);
        command.Parameters.AddWithValue("GrainTypeHash", 99);
        command.Parameters.AddWithValue("GrainTypeString", "test-state");
        command.Parameters.AddWithValue("GrainIdExtensionString", null);
        command.Parameters.AddWithValue("ServiceId", "storage-query-tests");
    }

    private static async Task<string> QueryText(MySqlConnection connection, string key)
    {
        await using var command = new MySqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key;", connection);
        command.Parameters.AddWithValue("key", key);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<MySqlConnection> Open()
    {
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder(cluster.MariaDb.ConnectionString("medplatform")) { AllowUserVariables = true }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
