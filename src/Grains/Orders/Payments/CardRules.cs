using MedPlatform.Common;

namespace MedPlatform.Orders.Payments;

/// <summary>What a usable card looks like: a Luhn-valid number of 12–19 digits, an expiry not in the past, a 3–4 digit CVC.</summary>
public static class CardRules
{
    /// <summary>Passes the Luhn check but is always declined, like the test cards of real gateways.</summary>
    public const string DecliningCard = "4000000000000002";

    public static string Digits(string number) => new(number.Where(c => c is not (' ' or '-')).ToArray());

    public static Dictionary<string, string[]> Validate(CardDetails card, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var digits = Digits(card.Number);
        if (digits.Length is < 12 or > 19 || !digits.All(char.IsAsciiDigit) || !PassesLuhn(digits))
            errors["cardNumber"] = ["This card number is not valid."];
        if (card.ExpiryMonth is < 1 or > 12 || card.ExpiryYear < 2000
            || new DateTimeOffset(card.ExpiryYear, card.ExpiryMonth, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1) <= now)
            errors["expiry"] = ["This card has expired or the expiry date is not valid."];
        if (card.Cvc.Length is < 3 or > 4 || !card.Cvc.All(char.IsAsciiDigit))
            errors["cvc"] = ["The security code is the 3 or 4 digits on the card."];
        return errors;
    }

    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }
        return sum % 10 == 0;
    }

    public static string Brand(string digits) => digits[0] switch
    {
        '4' => "visa",
        '5' or '2' => "mastercard",
        '3' => "amex",
        _ => "card",
    };
}
