using System.Text;
using FollowUpFlow.Mail.Syntax;

namespace FollowUpFlow.Mail.Writing;

/// <summary>RFC 5322 §3.4 mailbox and address-list fields.</summary>
internal static class AddressFormatter
{
    // A quoted display name longer than this would not fit a folded line; it is encoded instead.
    private const int MaxQuotedLength = 76;

    public static void AppendList(HeaderFieldBuilder field, IReadOnlyList<MailAddress> addresses)
    {
        for (var i = 0; i < addresses.Count; i++)
        {
            Append(field, addresses[i], separator: i < addresses.Count - 1 ? "," : "");
        }
    }

    public static void Append(HeaderFieldBuilder field, MailAddress address, string separator = "")
    {
        var name = address.DisplayName;
        if (name is null)
        {
            field.AppendToken(address.Address + separator);
            return;
        }

        if (IsAtomPhrase(name))
        {
            foreach (var word in name.Split(' '))
            {
                field.AppendToken(word);
            }
        }
        else if (TryQuote(name, out var quoted))
        {
            field.AppendToken(quoted);
        }
        else
        {
            field.AppendEncodedWords(name);
        }

        field.AppendToken($"<{address.Address}>{separator}");
    }

    /// <summary>Words of atext separated by single spaces: written as they are.</summary>
    private static bool IsAtomPhrase(string name)
    {
        if (name.Contains("=?", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var word in name.Split(' '))
        {
            if (word.Length == 0)
            {
                return false;
            }

            foreach (var c in word)
            {
                if (!MailSyntax.IsAtext(c))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Printable ASCII with specials (a comma, a dot...) goes into a quoted-string.</summary>
    private static bool TryQuote(string name, out string quoted)
    {
        quoted = "";
        if (name.Contains("=?", StringComparison.Ordinal))
        {
            return false;
        }

        var builder = new StringBuilder(name.Length + 4).Append('"');
        foreach (var c in name)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }

            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        builder.Append('"');
        if (builder.Length > MaxQuotedLength)
        {
            return false;
        }

        quoted = builder.ToString();
        return true;
    }
}
