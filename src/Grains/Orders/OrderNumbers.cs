using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using MedPlatform.Hosting;
using MedPlatform.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace MedPlatform.Orders;

/// <summary>
/// Hands out order numbers such as <c>MP-7F3K2Q</c>: six characters of Crockford's base 32 (no I, L,
/// O or U, so nothing is misread on a phone call), about a billion of them. Candidates are derived
/// from the order id, so a retried placement claims the same number; the order_numbers table makes
/// each number belong to one order, and an order whose candidate is taken moves to the next one.
/// </summary>
public class OrderNumbers([FromKeyedServices(Databases.Orders)] SqlDatabase database)
{
    public const string Prefix = "MP-";
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 6;
    private const int MaxCandidates = 32;

    public async Task<string> Claim(string orderId)
    {
        for (var candidate = 0; ; candidate++)
        {
            // A retried placement (or one whose claim raced another order's) finds the number it holds.
            var held = await database.QueryAsync(
                "SELECT number FROM order_numbers WHERE order_id = @order;",
                command => command.Bind("order", orderId), reader => reader.GetString(0));
            if (held.Count == 1)
                return held[0];
            if (candidate == MaxCandidates)
                throw new InvalidOperationException($"No free order number among {MaxCandidates} candidates for order {orderId}.");
            try
            {
                await database.ExecuteAsync("INSERT INTO order_numbers (number, order_id) VALUES (@number, @order);",
                    command => command.Bind("number", CandidateFor(orderId, candidate)).Bind("order", orderId));
            }
            catch (DbException e) when (IsTakenOrRaced(e))
            {
                // The number is another order's (or this order's claim ran twice at once): the read above says which.
            }
        }
    }

    /// <summary>The n-th number an order may take; tests make every order draw the same ones to force collisions.</summary>
    protected virtual string CandidateFor(string orderId, int n) => Candidate(orderId, n);

    /// <summary>30 bits of a hash of the order id and n.</summary>
    public static string Candidate(string orderId, int n)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"medplatform-order-number:{orderId}:{n}"));
        var bits = ((long)hash[0] << 32) | ((long)hash[1] << 24) | ((long)hash[2] << 16) | ((long)hash[3] << 8) | hash[4];
        var text = new StringBuilder(Prefix, Prefix.Length + Length);
        for (var i = 0; i < Length; i++)
            text.Append(Alphabet[(int)((bits >> (5 * i)) & 31)]);
        return text.ToString();
    }

    /// <summary>A unique key already held (SQLite's constraint codes, MariaDB's 1062), or a deadlock MariaDB rolled back: anything else is a real failure.</summary>
    private static bool IsTakenOrRaced(DbException e) =>
        e is SqliteException { SqliteErrorCode: 19 } // SQLITE_CONSTRAINT (its extended codes 1555 and 2067 are the primary key and unique ones)
        || e is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry or MySqlErrorCode.LockDeadlock };
}
