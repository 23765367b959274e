namespace FollowUpFlow.Mail.Syntax;

/// <summary>
/// A deliberately conservative addr-spec check: dot-atom local part and a host name.
/// Quoted local parts and domain literals are legal RFC 5322 but rare enough that refusing
/// them is safer than writing them.
/// </summary>
internal static class AddrSpec
{
    private const int MaxLength = 254;      // RFC 5321 path limit minus the angle brackets.
    private const int MaxLocalPartLength = 64;
    private const int MaxLabelLength = 63;

    public static string Validate(string? address, string paramName)
    {
        ArgumentNullException.ThrowIfNull(address, paramName);
        HeaderText.RejectLineBreaks(address, paramName);
        if (address.Length > MaxLength)
        {
            throw new ArgumentException($"The address is longer than {MaxLength} characters.", paramName);
        }

        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1)
        {
            throw new ArgumentException($"'{address}' is not an address of the form local@domain.", paramName);
        }

        var local = address.AsSpan(0, at);
        if (local.Length > MaxLocalPartLength || !MailSyntax.IsDotAtomText(local))
        {
            throw new ArgumentException($"'{address}' has an invalid local part.", paramName);
        }

        if (!IsHostName(address.AsSpan(at + 1)))
        {
            throw new ArgumentException($"'{address}' has an invalid domain.", paramName);
        }

        return address;
    }

    private static bool IsHostName(ReadOnlySpan<char> domain)
    {
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.IsEmpty || label.Length > MaxLabelLength || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
