namespace MedPlatform.Hosting;

/// <summary>Keys of the <see cref="Storage.SqlDatabase"/> services registered in the silo.</summary>
public static class Databases
{
    /// <summary>Accounts, forum and mall state, reminders, read models and the audit log.</summary>
    public const string Platform = "platform";

    /// <summary>The order service's own database: order state, the orders read model, the simulated gateway's ledger.</summary>
    public const string Orders = "orders";

    /// <summary>
    /// The card gateway's ledger (charges and refunds by order). In the silo it is the orders
    /// database; the payment service of cluster mode has one of its own.
    /// </summary>
    public const string Payments = "payments";
}
