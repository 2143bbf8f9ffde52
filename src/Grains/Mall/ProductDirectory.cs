using System.Data.Common;
using MedPlatform.Common;
using MedPlatform.Forum;
using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Mall;

/// <summary>The products read model: upserted by Product grains, queried for the catalog list and search.</summary>
public sealed class ProductDirectory([FromKeyedServices(Databases.Platform)] SqlDatabase database)
{
    private bool MySql => database.Dialect == SqlDialect.MySql;

    public Task Upsert(string id, ProductState product)
    {
        var sql = MySql
            ? """
              INSERT INTO products (id, name, category, form, strength, description, price_cents, stock, requires_prescription, controlled, max_per_order, updated_at)
              VALUES (@id, @name, @category, @form, @strength, @description, @price, @stock, @rx, @controlled, @max, @updated)
              ON DUPLICATE KEY UPDATE name = VALUES(name), category = VALUES(category), form = VALUES(form), strength = VALUES(strength),
                  description = VALUES(description), price_cents = VALUES(price_cents), stock = VALUES(stock),
                  requires_prescription = VALUES(requires_prescription), controlled = VALUES(controlled),
                  max_per_order = VALUES(max_per_order), updated_at = VALUES(updated_at);
              """
            : """
              INSERT INTO products (id, name, category, form, strength, description, price_cents, stock, requires_prescription, controlled, max_per_order, updated_at)
              VALUES (@id, @name, @category, @form, @strength, @description, @price, @stock, @rx, @controlled, @max, @updated)
              ON CONFLICT (id) DO UPDATE SET name = excluded.name, category = excluded.category, form = excluded.form, strength = excluded.strength,
                  description = excluded.description, price_cents = excluded.price_cents, stock = excluded.stock,
                  requires_prescription = excluded.requires_prescription, controlled = excluded.controlled,
                  max_per_order = excluded.max_per_order, updated_at = excluded.updated_at;
              """;
        return database.ExecuteAsync(sql, command => command
            .Bind("id", id).Bind("name", product.Name).Bind("category", product.Category).Bind("form", product.Form)
            .Bind("strength", product.Strength).Bind("description", product.Description).Bind("price", product.PriceCents)
            .Bind("stock", product.Stock).Bind("rx", product.RequiresPrescription ? 1 : 0).Bind("controlled", product.Controlled ? 1 : 0)
            .Bind("max", product.MaxPerOrder).Bind("updated", product.UpdatedAt.ToUnixTimeMilliseconds()));
    }

    public async Task<bool> IsEmpty() => await database.CountAsync("SELECT COUNT(*) FROM products;") == 0;

    /// <summary>
    /// One page of the catalog, by name. A search matches every word (or word beginning) in name,
    /// strength or description, products named after the first word first.
    /// </summary>
    public async Task<PagedResult<ProductView>> List(ProductQuery query)
    {
        var filters = new List<string>();
        var binds = new List<(string Name, object? Value)>();
        if (query.Category is not null)
        {
            filters.Add("p.category = @category");
            binds.Add(("category", query.Category));
        }
        var words = SearchText.Words(query.Text);
        if (words.Count > 0 && !MySql)
        {
            filters.Add("p.seq IN (SELECT rowid FROM products_fts WHERE products_fts MATCH @match)");
            binds.Add(("match", SearchText.Fts5Match(words)));
        }
        else if (words.Count > 0)
        {
            if (SearchText.MariaDbMatch(words) is { Length: > 0 } match)
            {
                filters.Add("MATCH (p.name, p.strength, p.description) AGAINST (@match IN BOOLEAN MODE)");
                binds.Add(("match", match));
            }
            foreach (var (word, i) in words.Where(w => w.Length < SearchText.MariaDbMinWordLength).Select((w, i) => (w, i)))
            {
                filters.Add($"(p.name LIKE @short{i} OR p.strength LIKE @short{i} OR p.description LIKE @short{i})");
                binds.Add(($"short{i}", $"%{word}%"));
            }
        }
        var where = filters.Count == 0 ? "" : " WHERE " + string.Join(" AND ", filters);
        // A search lists products named after the first word before those that only mention it.
        var rank = "";
        if (words.Count > 0)
        {
            rank = "CASE WHEN LOWER(p.name) LIKE @named THEN 0 ELSE 1 END, ";
            binds.Add(("named", $"%{words[0]}%"));
        }
        void Bind(DbCommand command)
        {
            foreach (var (name, value) in binds)
                command.Bind(name, value);
        }

        var total = await database.CountAsync($"SELECT COUNT(*) FROM products p{where};", Bind);
        var items = await database.QueryAsync(
            $"""
            SELECT p.id, p.name, p.category, p.form, p.strength, p.description, p.price_cents, p.stock,
                   p.requires_prescription, p.controlled, p.max_per_order, p.updated_at
            FROM products p{where}
            ORDER BY {rank}{(MySql ? "p.name" : "p.name COLLATE NOCASE")}, p.id
            LIMIT @take OFFSET @skip;
            """,
            command => { Bind(command); command.Bind("take", query.Paging.PageSize).Bind("skip", query.Paging.Offset); },
            reader => new ProductView(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetInt64(6), (int)reader.GetInt64(7), reader.GetInt64(8) != 0, reader.GetInt64(9) != 0,
                reader.IsDBNull(10) ? null : (int)reader.GetInt64(10), reader.GetUnixMilliseconds(11)));
        return new PagedResult<ProductView>(items, query.Paging.Page, query.Paging.PageSize, total);
    }
}
