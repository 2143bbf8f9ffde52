namespace MedPlatform.Identity;

/// <summary>
/// The token in a mailed link: <c>{userId}.{secret}</c>. The id routes it to its account; the 256-bit
/// secret proves the link was received and is stored only as a hash (see <see cref="RefreshTokens"/>).
/// </summary>
public static class MailLinkTokens
{
    public static string Format(string userId, string secret) => $"{userId}.{secret}";

    /// <summary>The account and secret of a link's token, or a 400 naming the token field.</summary>
    public static (string UserId, string Secret) Parse(string? token, string refusal = "This link is not valid: it was not copied whole. Open it from the mail again, or ask for a new one.") =>
        TryParse(token, out var userId, out var secret) ? (userId, secret) : throw Common.DomainException.Invalid("token", refusal);

    public static bool TryParse(string? token, out string userId, out string secret)
    {
        userId = secret = "";
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
            return false;
        var parts = token.Trim().Split('.');
        if (parts.Length != 2 || !UserIds.IsCanonical(parts[0]) || parts[1].Length < 40)
            return false;
        (userId, secret) = (parts[0], parts[1]);
        return true;
    }
}
