using System.Data.Common;
using System.Text.Json;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Search;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Mall;

/// <summary>The products read model: upserted by Product grains, queried for the catalog list and search.</summary>
public sealed class ProductDirectory([FromKeyedServices(Databases.Platform)] SqlDatabase database, CategoryCatalog categories, PlatformClock clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly CatalogVocabulary vocabulary = new(database, clock);

    private bool MySql => database.Dialect == SqlDialect.MySql;

    public async Task Upsert(string id, ProductState product)
    {
        var category = (await categories.All()).FirstOrDefault(c => c.Id == product.Category)?.Name ?? product.Category;
        var facts = product.Facts ?? ProductFacts.None;
        // What search matches beyond the name and description: what is in it, what it is sold as and for, and its shelf.
        var keywords = string.Join(" · ", [.. facts.ActiveIngredients, .. facts.BrandNames, .. facts.Indications, category]);
        var sql = MySql
            ? """
              INSERT INTO products (id, name, category, form, strength, description, price_cents, stock, requires_prescription, controlled, max_per_order, updated_at, facts, keywords)
              VALUES (@id, @name, @category, @form, @strength, @description, @price, @stock, @rx, @controlled, @max, @updated, @facts, @keywords)
              ON DUPLICATE KEY UPDATE name = VALUES(name), category = VALUES(category), form = VALUES(form), strength = VALUES(strength),
                  description = VALUES(description), price_cents = VALUES(price_cents), stock = VALUES(stock),
                  requires_prescription = VALUES(requires_prescription), controlled = VALUES(controlled),
                  max_per_order = VALUES(max_per_order), updated_at = VALUES(updated_at), facts = VALUES(facts), keywords = VALUES(keywords);
              """
            : """
              INSERT INTO products (id, name, category, form, strength, description, price_cents, stock, requires_prescription, controlled, max_per_order, updated_at, facts, keywords)
              VALUES (@id, @name, @category, @form, @strength, @description, @price, @stock, @rx, @controlled, @max, @updated, @facts, @keywords)
              ON CONFLICT (id) DO UPDATE SET name = excluded.name, category = excluded.category, form = excluded.form, strength = excluded.strength,
                  description = excluded.description, price_cents = excluded.price_cents, stock = excluded.stock,
                  requires_prescription = excluded.requires_prescription, controlled = excluded.controlled,
                  max_per_order = excluded.max_per_order, updated_at = excluded.updated_at, facts = excluded.facts, keywords = excluded.keywords;
              """;
        await database.ExecuteAsync(sql, command => command
            .Bind("id", id).Bind("name", product.Name).Bind("category", product.Category).Bind("form", product.Form)
            .Bind("strength", product.Strength).Bind("description", product.Description).Bind("price", product.PriceCents)
            .Bind("stock", product.Stock).Bind("rx", product.RequiresPrescription ? 1 : 0).Bind("controlled", product.Controlled ? 1 : 0)
            .Bind("max", product.MaxPerOrder).Bind("updated", product.UpdatedAt.ToUnixTimeMilliseconds())
            .Bind("facts", JsonSerializer.Serialize(facts, Json)).Bind("keywords", keywords));
    }

    /// <summary>A product's words changed (created, renamed, described), not only its stock: typo correction reloads the catalog's words.</summary>
    public void WordsChanged() => vocabulary.Changed();

    public async Task<bool> IsEmpty() => await database.CountAsync("SELECT COUNT(*) FROM products;") == 0;

    /// <summary>
    /// One page of the catalog: by name, or for a search by relevance. A search matches every term
    /// (a word's root, as a word beginning) in the name, strength, description, ingredients, brand
    /// names, indications or category name, with small typos corrected against the catalog's own
    /// words; products whose name matches come first, then those whose ingredients, brands or uses do.
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
        var (terms, corrected) = await vocabulary.Correct(SearchText.Words(query.Text));
        var from = "products p";
        var order = MySql ? "p.name, p.id" : "p.name COLLATE NOCASE, p.id";
        if (terms.Count > 0 && !MySql)
        {
            from = "products_fts f JOIN products p ON p.seq = f.rowid";
            filters.Add("products_fts MATCH @match");
            binds.Add(("match", SearchText.Fts5Match(terms)));
            // What can be bought first (controlled drugs are listed for information only); then bm25,
            // lower for a better match: a name counts ten times the description, the keywords five times.
            order = "p.controlled, bm25(products_fts, 10.0, 1.0, 1.0, 5.0), p.name COLLATE NOCASE, p.id";
        }
        else if (terms.Count > 0)
        {
            if (SearchText.MariaDbMatch(terms) is { Length: > 0 } match)
            {
                filters.Add("MATCH (p.name, p.strength, p.description, p.keywords) AGAINST (@match IN BOOLEAN MODE)");
                binds.Add(("match", match));
                // The weights of the SQLite ranking, from one full-text index per weighed column (InnoDB scores whole indexes only).
                order = "p.controlled, (10 * MATCH (p.name) AGAINST (@match IN BOOLEAN MODE) + 5 * MATCH (p.keywords) AGAINST (@match IN BOOLEAN MODE)"
                    + " + MATCH (p.name, p.strength, p.description, p.keywords) AGAINST (@match IN BOOLEAN MODE)) DESC, p.name, p.id";
            }
            foreach (var (word, i) in terms.Where(w => w.Length < SearchText.MariaDbMinWordLength).Select((w, i) => (w, i)))
            {
                filters.Add($"(p.name LIKE @short{i} OR p.strength LIKE @short{i} OR p.description LIKE @short{i} OR p.keywords LIKE @short{i})");
                binds.Add(($"short{i}", $"%{word}%"));
            }
        }
        var where = filters.Count == 0 ? "" : " WHERE " + string.Join(" AND ", filters);
        void Bind(DbCommand command)
        {
            foreach (var (name, value) in binds)
                command.Bind(name, value);
        }

        var total = await database.CountAsync($"SELECT COUNT(*) FROM {from}{where};", Bind);
        var items = await database.QueryAsync(
            $"""
            SELECT p.id, p.name, p.category, p.form, p.strength, p.description, p.price_cents, p.stock,
                   p.requires_prescription, p.controlled, p.max_per_order, p.updated_at, p.facts
            FROM {from}{where}
            ORDER BY {order}
            LIMIT @take OFFSET @skip;
            """,
            command => { Bind(command); command.Bind("take", query.Paging.PageSize).Bind("skip", query.Paging.Offset); },
            reader =>
            {
                var facts = Facts(reader.GetString(12));
                return new ProductView(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    reader.GetInt64(6), (int)reader.GetInt64(7), reader.GetInt64(8) != 0, reader.GetInt64(9) != 0,
                    reader.IsDBNull(10) ? null : (int)reader.GetInt64(10), reader.GetUnixMilliseconds(11),
                    facts.ActiveIngredients, facts.BrandNames, facts.Indications, facts.Leaflet);
            });
        return new PagedResult<ProductView>(items, query.Paging.Page, query.Paging.PageSize, total, corrected);
    }

    /// <summary>A row projected before products had facts has none to show.</summary>
    private static ProductFacts Facts(string json) =>
        json.Length == 0 ? ProductFacts.None : JsonSerializer.Deserialize<ProductFacts>(json, Json) ?? ProductFacts.None;
}
