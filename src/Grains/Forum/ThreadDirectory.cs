using System.Data.Common;
using System.Text;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Identity;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Forum;

/// <summary>One row of the forum list, with the author's id so the caller can decide whether to show the name.</summary>
public sealed record ThreadRow(ThreadSummary Summary, string AuthorId);

/// <summary>The forum read model: upserted by Thread grains, queried for lists and search.</summary>
public sealed class ThreadDirectory([FromKeyedServices(Databases.Platform)] SqlDatabase database)
{
    private bool MySql => database.Dialect == SqlDialect.MySql;

    public async Task Upsert(ThreadProjection thread)
    {
        var upsert = MySql
            ? """
              INSERT INTO forum_threads (id, department, title, body, author_id, author_name, anonymous, created_at, answer_count, has_accepted)
              VALUES (@id, @department, @title, @body, @author, @name, @anonymous, @created, @answers, @accepted)
              ON DUPLICATE KEY UPDATE department = VALUES(department), title = VALUES(title), body = VALUES(body),
                  author_name = VALUES(author_name), anonymous = VALUES(anonymous), answer_count = VALUES(answer_count), has_accepted = VALUES(has_accepted);
              """
            : """
              INSERT INTO forum_threads (id, department, title, body, author_id, author_name, anonymous, created_at, answer_count, has_accepted)
              VALUES (@id, @department, @title, @body, @author, @name, @anonymous, @created, @answers, @accepted)
              ON CONFLICT (id) DO UPDATE SET department = excluded.department, title = excluded.title, body = excluded.body,
                  author_name = excluded.author_name, anonymous = excluded.anonymous, answer_count = excluded.answer_count, has_accepted = excluded.has_accepted;
              """;
        await database.ExecuteAsync(upsert, command => command
            .Bind("id", thread.Id).Bind("department", thread.Department).Bind("title", thread.Title).Bind("body", thread.Body)
            .Bind("author", thread.AuthorId).Bind("name", thread.AuthorName).Bind("anonymous", thread.Anonymous ? 1 : 0)
            .Bind("created", thread.CreatedAt.ToUnixTimeMilliseconds()).Bind("answers", thread.AnswerCount)
            .Bind("accepted", thread.HasAcceptedAnswer ? 1 : 0));

        foreach (var doctorId in thread.AnsweringDoctorIds)
        {
            await database.ExecuteAsync(
                $"""
                INSERT {(MySql ? "IGNORE" : "OR IGNORE")} INTO forum_thread_doctors (doctor_id, thread_seq)
                SELECT @doctor, seq FROM forum_threads WHERE id = @id;
                """,
                command => command.Bind("doctor", doctorId).Bind("id", thread.Id));
        }
    }

    public async Task<bool> IsEmpty() => await database.CountAsync("SELECT COUNT(*) FROM forum_threads;") == 0;

    public async Task<PagedResult<ThreadRow>> List(ThreadQuery query, Caller? viewer)
    {
        var where = new StringBuilder(" WHERE 1 = 1");
        var binds = new List<(string Name, object? Value)>();
        if (query.Department is not null)
        {
            where.Append(" AND department = @department");
            binds.Add(("department", query.Department));
        }
        if (query.Mine && viewer is not null)
        {
            where.Append(viewer.Role == Role.Doctor
                ? " AND seq IN (SELECT thread_seq FROM forum_thread_doctors WHERE doctor_id = @viewer)"
                : " AND author_id = @viewer");
            binds.Add(("viewer", viewer.UserId));
        }
        AppendTextFilter(where, binds, SearchText.Words(query.Text));
        void Bind(DbCommand command)
        {
            foreach (var (name, value) in binds)
                command.Bind(name, value);
        }

        var total = await database.CountAsync($"SELECT COUNT(*) FROM forum_threads{where};", Bind);
        var rows = await database.QueryAsync(
            $"""
            SELECT id, title, department, author_name, anonymous, created_at, answer_count, has_accepted, author_id
            FROM forum_threads{where}
            ORDER BY seq DESC
            LIMIT @take OFFSET @skip;
            """,
            command => { Bind(command); command.Bind("take", query.Paging.PageSize).Bind("skip", query.Paging.Offset); },
            reader => new ThreadRow(
                new ThreadSummary(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetInt64(4) != 0, reader.GetUnixMilliseconds(5), (int)reader.GetInt64(6), reader.GetInt64(7) != 0),
                reader.GetString(8)));
        return new PagedResult<ThreadRow>(rows, query.Paging.Page, query.Paging.PageSize, total);
    }

    private void AppendTextFilter(StringBuilder where, List<(string, object?)> binds, IReadOnlyList<string> words)
    {
        if (words.Count == 0)
            return;
        if (!MySql)
        {
            where.Append(" AND seq IN (SELECT rowid FROM forum_threads_fts WHERE forum_threads_fts MATCH @match)");
            binds.Add(("match", SearchText.Fts5Match(words)));
            return;
        }
        if (SearchText.MariaDbMatch(words) is { Length: > 0 } match)
        {
            where.Append(" AND MATCH (title, body) AGAINST (@match IN BOOLEAN MODE)");
            binds.Add(("match", match));
        }
        var shortWords = words.Where(w => w.Length < SearchText.MariaDbMinWordLength).ToList();
        for (var i = 0; i < shortWords.Count; i++)
        {
            where.Append($" AND (title LIKE @short{i} OR body LIKE @short{i})");
            binds.Add(($"short{i}", $"%{shortWords[i]}%"));
        }
    }
}
