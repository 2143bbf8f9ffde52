using System.Text.Json;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Mall;

/// <summary>The prescriptions read model: each prescription's record as JSON, listed by patient or by doctor.</summary>
public sealed class PrescriptionDirectory([FromKeyedServices(Databases.Platform)] SqlDatabase database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task Upsert(PrescriptionRecord record) =>
        database.ExecuteAsync(
            "REPLACE INTO prescriptions (id, patient_id, doctor_id, issued_at, snapshot, hidden_from_doctor) VALUES (@id, @patient, @doctor, @issued, @snapshot, @hidden);",
            command => command.Bind("id", record.Id).Bind("patient", record.PatientId).Bind("doctor", record.DoctorId)
                .Bind("issued", record.IssuedAt.ToUnixTimeMilliseconds()).Bind("snapshot", JsonSerializer.Serialize(record, Json))
                .Bind("hidden", record.HiddenFromDoctor ? 1 : 0));

    /// <summary>Newest first, for one patient (<paramref name="byDoctor"/> false) or one prescribing doctor.</summary>
    public async Task<PagedResult<PrescriptionRecord>> List(string userId, bool byDoctor, PageRequest paging)
    {
        var column = byDoctor ? "doctor_id" : "patient_id";
        var total = await database.CountAsync($"SELECT COUNT(*) FROM prescriptions WHERE {column} = @user;", c => c.Bind("user", userId));
        var items = await database.QueryAsync(
            $"SELECT snapshot FROM prescriptions WHERE {column} = @user ORDER BY issued_at DESC, id DESC LIMIT @take OFFSET @skip;",
            c => c.Bind("user", userId).Bind("take", paging.PageSize).Bind("skip", paging.Offset),
            reader => JsonSerializer.Deserialize<PrescriptionRecord>(reader.GetString(0), Json)!);
        return new PagedResult<PrescriptionRecord>(items, paging.Page, paging.PageSize, total);
    }
}
