using System.Text;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Audit;

/// <summary>
/// The append-only audit log table, written by grains in the silo as part of the operation they
/// audit. A read of health data writes its line before the data is returned, so nothing is shown
/// unrecorded. A change writes its line after the change is saved: if that write fails the
/// request fails, and because changes are idempotent, the client's retry records it.
/// </summary>
public sealed class AuditLog([FromKeyedServices(Databases.Platform)] SqlDatabase database, PlatformClock clock)
{
    public const int TargetMaxLength = 400;

    public Task Record(string action, string? actorId, string? target, string? ip, string? subjectUserId = null) =>
        Record(new AuditEntry(clock.GetUtcNow(), actorId, action, target, ip, subjectUserId));

    public Task Record(AuditEntry entry) => database.ExecuteAsync(InsertSql, command => Bind(command, entry));

    private const string InsertSql = """
        INSERT INTO audit_log (occurred_at, actor_id, subject_user_id, action, target, ip)
        VALUES (@at, @actor, @subject, @action, @target, @ip);
        """;

    private static void Bind(System.Data.Common.DbCommand command, AuditEntry entry) => command
        .Bind("at", entry.At.ToUnixTimeMilliseconds()).Bind("actor", entry.ActorId)
        .Bind("subject", entry.SubjectUserId ?? entry.ActorId).Bind("action", entry.Action)
        .Bind("target", Truncate(entry.Target)).Bind("ip", entry.Ip);

    /// <summary>Several lines in one transaction: all are recorded or none.</summary>
    public Task Record(IReadOnlyList<AuditEntry> entries) =>
        database.InTransactionAsync(async (_, transaction) =>
        {
            foreach (var entry in entries)
                await transaction.ExecuteAsync(InsertSql, command => Bind(command, entry));
        });

    public async Task<PagedResult<AuditEntry>> Query(AuditQuery query)
    {
        var where = new StringBuilder(" WHERE 1 = 1");
        if (query.UserId is not null) where.Append(" AND (actor_id = @user OR subject_user_id = @user)");
        if (query.Action is not null) where.Append(" AND action = @action");
        void Bind(System.Data.Common.DbCommand command)
        {
            if (query.UserId is { } user) command.Bind("user", user);
            if (query.Action is { } action) command.Bind("action", action);
        }

        var total = await database.CountAsync($"SELECT COUNT(*) FROM audit_log{where};", Bind);
        var items = await database.QueryAsync(
            $"""
            SELECT occurred_at, actor_id, action, target, ip, subject_user_id
            FROM audit_log{where}
            ORDER BY id DESC
            LIMIT @take OFFSET @skip;
            """,
            command => { Bind(command); command.Bind("take", query.Paging.PageSize).Bind("skip", query.Paging.Offset); },
            reader => new AuditEntry(
                reader.GetUnixMilliseconds(0), reader.GetNullableString(1), reader.GetString(2),
                reader.GetNullableString(3), reader.GetNullableString(4), reader.GetNullableString(5)));
        return new PagedResult<AuditEntry>(items, query.Paging.Page, query.Paging.PageSize, total);
    }

    /// <summary>The actions that read or change a patient's health data: what a patient's access log lists.</summary>
    public static readonly IReadOnlyList<string> HealthDataActions =
    [
        "prescription.issued", "prescription.viewed", "prescription.listed", "prescription.cancelled",
        "order.viewed", "order.listed", "order.approved", "order.rejected", "order.shipped", "order.delivered",
        "order.cancelled", "order.refunded",
        "forum.thread.anonymous.viewed", "forum.thread.anonymous.listed", "patient.looked-up",
    ];

    private static readonly string HealthDataActionList = string.Join(", ", HealthDataActions.Select(a => $"'{a}'"));

    /// <summary>Others' reads and changes of a patient's health data, newest first, with each actor's role and name as they are now.</summary>
    public async Task<PagedResult<AccessLogEntry>> AccessLogOf(string patientId, PageRequest paging)
    {
        var where = $" WHERE a.subject_user_id = @patient AND a.actor_id IS NOT NULL AND a.actor_id <> @patient AND a.action IN ({HealthDataActionList})";
        void Bind(System.Data.Common.DbCommand command) => command.Bind("patient", patientId);
        var total = await database.CountAsync($"SELECT COUNT(*) FROM audit_log a{where};", Bind);
        var items = await database.QueryAsync(
            $"""
            SELECT a.occurred_at, u.role, u.display_name, a.action, a.target
            FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id{where}
            ORDER BY a.id DESC
            LIMIT @take OFFSET @skip;
            """,
            command => { Bind(command); command.Bind("take", paging.PageSize).Bind("skip", paging.Offset); },
            reader => new AccessLogEntry(
                reader.GetUnixMilliseconds(0),
                reader.GetNullableString(1) is { } role ? Enum.Parse<Identity.Role>(role, ignoreCase: true) : null,
                reader.GetNullableString(2) ?? "Deleted user", reader.GetString(3), reader.GetNullableString(4)));
        return new PagedResult<AccessLogEntry>(items, paging.Page, paging.PageSize, total);
    }

    private static string? Truncate(string? value) =>
        value is { Length: > TargetMaxLength } ? value[..TargetMaxLength] : value;
}
