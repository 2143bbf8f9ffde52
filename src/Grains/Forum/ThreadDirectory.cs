using System.Data.Common;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Identity;
using MedPlatform.Search;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Forum;

/// <summary>One row of the forum list, with the author's id so the caller can decide whether to show the name.</summary>
public sealed record ThreadRow(ThreadSummary Summary, string AuthorId);

/// <summary>The forum read model: upserted by Thread grains, queried for lists and search.</summary>
public sealed class ThreadDirectory([FromKeyedServices(Databases.Platform)] SqlDatabase database)
{
    private readonly SearchTotals searchTotals = new();

    private bool MySql => database.Dialect == SqlDialect.MySql;

    public async Task Upsert(ThreadProjection thread)
    {
        var upsert = MySql
            ? """
              INSERT INTO forum_threads (id, department, title, body, author_id, author_name, anonymous, created_at, answer_count, has_accepted, answers_text)
              VALUES (@id, @department, @title, @body, @author, @name, @anonymous, @created, @answers, @accepted, @answersText)
              ON DUPLICATE KEY UPDATE department = VALUES(department), title = VALUES(title), body = VALUES(body), answers_text = VALUES(answers_text),
                  author_name = VALUES(author_name), anonymous = VALUES(anonymous), answer_count = VALUES(answer_count), has_accepted = VALUES(has_accepted);
              """
            : """
              INSERT INTO forum_threads (id, department, title, body, author_id, author_name, anonymous, created_at, answer_count, has_accepted, answers_text)
              VALUES (@id, @department, @title, @body, @author, @name, @anonymous, @created, @answers, @accepted, @answersText)
              ON CONFLICT (id) DO UPDATE SET department = excluded.department, title = excluded.title, body = excluded.body, answers_text = excluded.answers_text,
                  author_name = excluded.author_name, anonymous = excluded.anonymous, answer_count = excluded.answer_count, has_accepted = excluded.has_accepted;
              """;
        await database.ExecuteAsync(upsert, command => command
            .Bind("id", thread.Id).Bind("department", thread.Department).Bind("title", thread.Title).Bind("body", thread.Body)
            .Bind("author", thread.AuthorId).Bind("name", thread.AuthorName).Bind("anonymous", thread.Anonymous ? 1 : 0)
            .Bind("created", thread.CreatedAt.ToUnixTimeMilliseconds()).Bind("answers", thread.AnswerCount)
            .Bind("accepted", thread.HasAcceptedAnswer ? 1 : 0).Bind("answersText", thread.AnswersText));

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

    /// <summary>Threads with answers whose row has no answers' text: projected before answers were searched.</summary>
    public Task<IReadOnlyList<string>> AnsweredWithoutAnswersText() =>
        database.QueryAsync("SELECT id FROM forum_threads WHERE answer_count > 0 AND answers_text = '';", null, reader => reader.GetString(0));

    public async Task<bool> IsEmpty() => await database.CountAsync("SELECT COUNT(*) FROM forum_threads;") == 0;

    /// <summary>
    /// One page of threads, newest first. A list without search takes its total from the
    /// per-department counts. In SQLite a search walks the full-text index newest first and stops
    /// at the page, and counts its matches in the index (with an IN list when other filters apply:
    /// SQLite's planner would otherwise probe the index once per row of the department).
    /// </summary>
    public async Task<PagedResult<ThreadRow>> List(ThreadQuery query, Caller? viewer)
    {
        var words = SearchText.Terms(query.Text);
        var filters = new List<string>();
        var binds = new List<(string Name, object? Value)>();
        if (query.Department is not null)
        {
            filters.Add("t.department = @department");
            binds.Add(("department", query.Department));
        }
        if (query.Mine && viewer is not null)
        {
            filters.Add(viewer.Role == Role.Doctor
                ? "t.seq IN (SELECT thread_seq FROM forum_thread_doctors WHERE doctor_id = @viewer)"
                : "t.author_id = @viewer");
            binds.Add(("viewer", viewer.UserId));
        }

        string rowsFrom, order, countSql;
        string? fts5Match = null;
        if (words.Count == 0)
        {
            (rowsFrom, order) = ("forum_threads t", "t.seq");
            countSql = $"SELECT COUNT(*) FROM forum_threads t{Where(filters)};";
        }
        else if (!MySql)
        {
            fts5Match = SearchText.Fts5Match(words);
            binds.Add(("match", fts5Match));
            // CROSS JOIN keeps the full-text index as the outer loop, walked in rowid (seq) order.
            (rowsFrom, order) = ("forum_threads_fts f CROSS JOIN forum_threads t ON t.seq = f.rowid", "f.rowid");
            // Counted between two seqs, so that a kept total can be topped up with newer threads.
            const string matches = "SELECT rowid FROM forum_threads_fts WHERE forum_threads_fts MATCH @match AND rowid > @after AND rowid <= @upTo";
            countSql = filters.Count == 0
                ? $"SELECT COUNT(*) FROM ({matches});"
                : $"SELECT COUNT(*) FROM forum_threads t{Where([.. filters, $"t.seq IN ({matches})"])};";
            filters.Add("forum_threads_fts MATCH @match");
        }
        else
        {
            AddMariaDbTextFilter(filters, binds, words);
            (rowsFrom, order) = ("forum_threads t", "t.seq");
            countSql = $"SELECT COUNT(*) FROM forum_threads t{Where(filters)};";
        }
        void Bind(DbCommand command)
        {
            foreach (var (name, value) in binds)
                command.Bind(name, value);
        }

        var total = words.Count == 0 && !query.Mine ? await CountFromCounters(query.Department)
            : fts5Match is null ? await database.CountAsync(countSql, Bind)
            : query.Mine ? await CountSearch(countSql, Bind, after: 0, upTo: long.MaxValue)
            : await SearchTotal(fts5Match, query.Department, countSql, Bind);
        var rows = await database.QueryAsync(
            $"""
            SELECT t.id, t.title, t.department, t.author_name, t.anonymous, t.created_at, t.answer_count, t.has_accepted, t.author_id
            FROM {rowsFrom}{Where(filters)}
            ORDER BY {order} DESC
            LIMIT @take OFFSET @skip;
            """,
            command => { Bind(command); command.Bind("take", query.Paging.PageSize).Bind("skip", query.Paging.Offset); },
            reader => new ThreadRow(
                new ThreadSummary(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetInt64(4) != 0, reader.GetUnixMilliseconds(5), (int)reader.GetInt64(6), reader.GetInt64(7) != 0),
                reader.GetString(8)));
        return new PagedResult<ThreadRow>(rows, query.Paging.Page, query.Paging.PageSize, total);
    }

    /// <summary>A search's exact total, from <see cref="SearchTotals"/> topped up with the threads asked since.</summary>
    private async Task<long> SearchTotal(string match, string? department, string countSql, Action<DbCommand> bind)
    {
        var (epoch, newest) = (await database.QueryAsync(
            "SELECT (SELECT value FROM forum_search_epoch WHERE id = 1), (SELECT COALESCE(MAX(seq), 0) FROM forum_threads);",
            null, reader => (reader.GetInt64(0), reader.GetInt64(1))))[0];
        var kept = searchTotals.Find(match, department, epoch);
        if (kept is not null && kept.UpToSeq == newest)
            return kept.Total;
        var total = (kept?.Total ?? 0) + await CountSearch(countSql, bind, after: kept?.UpToSeq ?? 0, upTo: newest);
        searchTotals.Keep(match, department, new SearchTotals.Counted(epoch, newest, total));
        return total;
    }

    private Task<long> CountSearch(string countSql, Action<DbCommand> bind, long after, long upTo) =>
        database.CountAsync(countSql, command =>
        {
            bind(command);
            command.Bind("after", after).Bind("upTo", upTo);
        });

    private static string Where(IReadOnlyList<string> filters) => filters.Count == 0 ? "" : " WHERE " + string.Join(" AND ", filters);

    private Task<long> CountFromCounters(string? department) =>
        database.CountAsync(
            department is null
                ? "SELECT COALESCE(SUM(threads), 0) FROM forum_thread_counts;"
                : "SELECT COALESCE(SUM(threads), 0) FROM forum_thread_counts WHERE department = @department;",
            command => { if (department is not null) command.Bind("department", department); });

    private static void AddMariaDbTextFilter(List<string> filters, List<(string, object?)> binds, IReadOnlyList<string> words)
    {
        if (SearchText.MariaDbMatch(words) is { Length: > 0 } match)
        {
            filters.Add("MATCH (t.title, t.body, t.answers_text) AGAINST (@match IN BOOLEAN MODE)");
            binds.Add(("match", match));
        }
        var shortWords = words.Where(w => w.Length < SearchText.MariaDbMinWordLength).ToList();
        for (var i = 0; i < shortWords.Count; i++)
        {
            filters.Add($"(t.title LIKE @short{i} OR t.body LIKE @short{i} OR t.answers_text LIKE @short{i})");
            binds.Add(($"short{i}", $"%{shortWords[i]}%"));
        }
    }
}
