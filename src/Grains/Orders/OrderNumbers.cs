using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MedPlatform.Orders;

/// <summary>
/// Hands out order numbers such as <c>MP-7F3K2Q</c>: six characters of Crockford's base 32 (no I, L,
/// O or U, so nothing is misread on a phone call), about a billion of them. Candidates are derived
/// from the order id, so a retried placement claims the same number; the order_numbers table makes
/// each number belong to one order, and an order whose candidate is taken moves to the next one.
/// </summary>
public sealed class OrderNumbers([FromKeyedServices(Databases.Orders)] SqlDatabase database)
{
    public const string Prefix = "MP-";
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 6;
    private const int MaxCandidates = 32;

    public async Task<string> Claim(string orderId)
    {
        for (var candidate = 0; ; candidate++)
        {
            // A retried placement (or one whose first claim lost a race) finds the number it holds.
            var held = await database.QueryAsync(
                "SELECT number FROM order_numbers WHERE order_id = @order;",
                command => command.Bind("order", orderId), reader => reader.GetString(0));
            if (held.Count == 1)
                return held[0];
            if (candidate == MaxCandidates)
                throw new InvalidOperationException($"No free order number among {MaxCandidates} candidates for order {orderId}.");
            try
            {
                await database.ExecuteAsync(
                    """
                    INSERT INTO order_numbers (number, order_id)
                    SELECT @number, @order FROM (SELECT 1 AS one) AS seed
                    WHERE NOT EXISTS (SELECT 1 FROM order_numbers WHERE number = @number OR order_id = @order);
                    """,
                    command => command.Bind("number", Candidate(orderId, candidate)).Bind("order", orderId));
            }
            catch (DbException)
            {
                // Another order claimed this number at the same moment; the next read says whose it is.
            }
        }
    }

    /// <summary>The n-th number an order may take: 30 bits of a hash of its id.</summary>
    public static string Candidate(string orderId, int n)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"medplatform-order-number:{orderId}:{n}"));
        var bits = ((long)hash[0] << 32) | ((long)hash[1] << 24) | ((long)hash[2] << 16) | ((long)hash[3] << 8) | hash[4];
        var text = new StringBuilder(Prefix, Prefix.Length + Length);
        for (var i = 0; i < Length; i++)
            text.Append(Alphabet[(int)((bits >> (5 * i)) & 31)]);
        return text.ToString();
    }
}
