using System.Text.Json;
using MedPlatform.Common;
using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Orders;

/// <summary>The orders read model in the order service's database: each order's view as JSON, listed by patient or by status.</summary>
public sealed class OrderDirectory([FromKeyedServices(Databases.Orders)] SqlDatabase database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task Upsert(OrderView order, bool needsProcessing) =>
        database.ExecuteAsync(
            """
            REPLACE INTO orders (id, patient_id, status, total_cents, created_at, updated_at, needs_processing, snapshot)
            VALUES (@id, @patient, @status, @total, @created, @updated, @pending, @snapshot);
            """,
            command => command.Bind("id", order.Id).Bind("patient", order.PatientId).Bind("status", order.Status.ToString())
                .Bind("total", order.TotalCents).Bind("created", order.CreatedAt.ToUnixTimeMilliseconds())
                .Bind("updated", order.History[^1].At.ToUnixTimeMilliseconds()).Bind("pending", needsProcessing ? 1 : 0)
                .Bind("snapshot", JsonSerializer.Serialize(order, Json)));

    /// <summary>A patient's orders in a status, newest first; with none, all but the failed payment attempts.</summary>
    public Task<PagedResult<OrderView>> Mine(string patientId, OrderStatus? status, PageRequest paging) =>
        Page(status is null ? "WHERE patient_id = @patient AND status <> @status" : "WHERE patient_id = @patient AND status = @status",
            "created_at DESC, id DESC", paging,
            command => command.Bind("patient", patientId).Bind("status", (status ?? OrderStatus.PaymentFailed).ToString()));

    /// <summary>Orders in a status (any when null), oldest first: the pharmacy works through them in order.</summary>
    public Task<PagedResult<OrderView>> Queue(OrderStatus? status, PageRequest paging) =>
        status is { } wanted
            ? Page("WHERE status = @status", "created_at, id", paging, command => command.Bind("status", wanted.ToString()))
            : Page("", "created_at, id", paging, _ => { });

    /// <summary>The order with this number, as a page of one (or none).</summary>
    public Task<PagedResult<OrderView>> ByNumber(string number, PageRequest paging) =>
        Page("WHERE id IN (SELECT order_id FROM order_numbers WHERE number = @number)", "created_at, id", paging,
            command => command.Bind("number", number));

    /// <summary>Orders that may have an automatic step or an exit to finish: what the start-up sweep resumes.</summary>
    public Task<IReadOnlyList<string>> NeedingProcessing() =>
        database.QueryAsync("SELECT id FROM orders WHERE needs_processing = 1;", null, reader => reader.GetString(0));

    /// <summary>Drops the marker of an order that was never saved (its placement failed).</summary>
    public Task Forget(string orderId) =>
        database.ExecuteAsync("DELETE FROM orders WHERE id = @id AND needs_processing = 1;", command => command.Bind("id", orderId));

    private async Task<PagedResult<OrderView>> Page(string where, string order, PageRequest paging, Action<System.Data.Common.DbCommand> bind)
    {
        var total = await database.CountAsync($"SELECT COUNT(*) FROM orders {where};", bind);
        var items = await database.QueryAsync(
            $"SELECT snapshot FROM orders {where} ORDER BY {order} LIMIT @take OFFSET @skip;",
            command => { bind(command); command.Bind("take", paging.PageSize).Bind("skip", paging.Offset); },
            reader => JsonSerializer.Deserialize<OrderView>(reader.GetString(0), Json)!);
        return new PagedResult<OrderView>(items, paging.Page, paging.PageSize, total);
    }
}
