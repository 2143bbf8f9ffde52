using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Identity;

/// <summary>
/// A doctor's own patients, found by name: those whose questions the doctor answered and those who
/// hold the doctor's prescriptions, from the read models. Anonymous questions, and prescriptions
/// written through one, are left out: answering a question does not tell a doctor who asked it.
/// </summary>
public sealed class DoctorsPatients([FromKeyedServices(Databases.Platform)] SqlDatabase database)
{
    public const int MaxMatches = 20;

    public Task<IReadOnlyList<PatientMatch>> Find(string doctorId, string name) =>
        database.QueryAsync(
            """
            SELECT u.id, u.display_name FROM users u
            WHERE u.role = @patientRole AND LOWER(u.display_name) LIKE @name ESCAPE '!'
              AND (u.id IN (SELECT t.author_id FROM forum_thread_doctors d JOIN forum_threads t ON t.seq = d.thread_seq
                            WHERE d.doctor_id = @doctor AND t.anonymous = 0)
                   OR u.id IN (SELECT p.patient_id FROM prescriptions p WHERE p.doctor_id = @doctor AND p.hidden_from_doctor = 0))
            ORDER BY u.display_name, u.id
            LIMIT @take;
            """,
            command => command.Bind("patientRole", UserProjection.RoleText(Role.Patient)).Bind("doctor", doctorId)
                .Bind("name", "%" + Escape(name.Trim().ToLowerInvariant()) + "%").Bind("take", MaxMatches),
            reader => new PatientMatch(reader.GetString(0), reader.GetString(1)));

    /// <summary>A name is matched as typed: % and _ in it are letters, not wildcards ('!' escapes the same in SQLite and MariaDB).</summary>
    private static string Escape(string text) => text.Replace("!", "!!").Replace("%", "!%").Replace("_", "!_");
}
