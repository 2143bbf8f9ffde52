using System.Text;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Identity;

/// <summary>The users read model: upserted by User grains, queried for the admin's lists.</summary>
public sealed class UserDirectory([FromKeyedServices(Databases.Platform)] SqlDatabase database)
{
    public Task Upsert(UserProjection user) =>
        database.ExecuteAsync(
            """
            REPLACE INTO users (id, email, display_name, role, verified, department, license_number, created_at, email_verified, two_factor_enabled)
            VALUES (@id, @email, @name, @role, @verified, @department, @license, @created, @emailVerified, @twoFactor);
            """,
            command => command
                .Bind("id", user.Id).Bind("email", user.Email).Bind("name", user.DisplayName)
                .Bind("role", UserProjection.RoleText(user.Role)).Bind("verified", user.Verified ? 1 : 0)
                .Bind("department", user.Department).Bind("license", user.LicenseNumber)
                .Bind("created", user.CreatedAt.ToUnixTimeMilliseconds()).Bind("emailVerified", user.EmailVerified ? 1 : 0)
                .Bind("twoFactor", user.TwoFactorEnabled ? 1 : 0));

    public async Task<PagedResult<UserView>> List(UserQuery query)
    {
        var where = new StringBuilder(" WHERE 1 = 1");
        if (query.Role is not null) where.Append(" AND role = @role");
        if (query.Verified is not null) where.Append(" AND verified = @verified");
        void Bind(System.Data.Common.DbCommand command)
        {
            if (query.Role is { } role) command.Bind("role", UserProjection.RoleText(role));
            if (query.Verified is { } verified) command.Bind("verified", verified ? 1 : 0);
        }

        var total = await database.CountAsync($"SELECT COUNT(*) FROM users{where};", Bind);
        var items = await database.QueryAsync(
            $"""
            SELECT id, email, display_name, role, verified, department, license_number, created_at, email_verified, two_factor_enabled
            FROM users{where}
            ORDER BY created_at DESC, id DESC
            LIMIT @take OFFSET @skip;
            """,
            command => { Bind(command); command.Bind("take", query.Paging.PageSize).Bind("skip", query.Paging.Offset); },
            reader => new UserView(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                Enum.Parse<Role>(reader.GetString(3), ignoreCase: true), reader.GetInt64(4) != 0,
                reader.GetNullableString(5), reader.GetNullableString(6), reader.GetUnixMilliseconds(7), reader.GetInt64(8) != 0, reader.GetInt64(9) != 0));
        return new PagedResult<UserView>(items, query.Paging.Page, query.Paging.PageSize, total);
    }
}
