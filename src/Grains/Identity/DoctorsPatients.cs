using System.Text;
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
    public const int MinNameLength = 2;
    public const int MaxNameLength = 100;


    /// <summary>
    /// Lower case without accents ("Émile" is "emile", "Łukasz" "lukasz"). The app runs with invariant
    /// globalization, where string normalization does nothing (measured: "Émile" stayed "émile"), so
    /// the Latin letters with diacritics are mapped here, and ß, æ and œ spelled out.
    /// </summary>
    public static string Folded(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var at = Accented.IndexOf(c, StringComparison.Ordinal);
            if (at >= 0) folded.Append(Plain[at]);
            else if (c == 'ß') folded.Append("ss");
            else if (c == 'æ') folded.Append("ae");
            else if (c == 'œ') folded.Append("oe");
            else folded.Append(c);
        }
        return folded.ToString();
    }

    private const string Accented = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳłøđħıŧŀ";
    private const string Plain = "aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzouaiouuuuuaagkoojgnaaaeeiioorruusthaeooooylodhitl";

    /// <summary>
    /// The name is matched here rather than in SQL: "emile" finds "Émile" and "lukasz" "Łukasz" (case
    /// and accents aside), which SQLite's ASCII-only LOWER and LIKE cannot do. A doctor's own
    /// patients are a few hundred, or some thousands for a busy one.
    /// </summary>
    public async Task<IReadOnlyList<PatientMatch>> Find(string doctorId, string name)
    {
        var wanted = Folded(name.Trim());
        var patients = await database.QueryAsync(
            """
            SELECT u.id, u.display_name FROM users u
            WHERE u.role = @patientRole
              AND (u.id IN (SELECT t.author_id FROM forum_thread_doctors d JOIN forum_threads t ON t.seq = d.thread_seq
                            WHERE d.doctor_id = @doctor AND t.anonymous = 0)
                   OR u.id IN (SELECT p.patient_id FROM prescriptions p WHERE p.doctor_id = @doctor AND p.hidden_from_doctor = 0));
            """,
            command => command.Bind("patientRole", UserProjection.RoleText(Role.Patient)).Bind("doctor", doctorId),
            reader => new PatientMatch(reader.GetString(0), reader.GetString(1)));
        return patients
            .Where(p => Folded(p.DisplayName).Contains(wanted, StringComparison.Ordinal))
            .OrderBy(p => Folded(p.DisplayName), StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(MaxMatches).ToList();
    }
}
