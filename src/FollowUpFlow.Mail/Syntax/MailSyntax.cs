using System.Buffers;

namespace FollowUpFlow.Mail.Syntax;

/// <summary>Character classes and token checks from RFC 5322 §3.2.3 and §3.6.8.</summary>
internal static class MailSyntax
{
    // atext minus ALPHA / DIGIT, which are checked by range.
    private static readonly SearchValues<char> AtextSymbols = SearchValues.Create("!#$%&'*+-/=?^_`{|}~");

    public static bool IsAtext(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') || AtextSymbols.Contains(c);

    /// <summary>dot-atom-text: atext runs joined by single dots, no leading or trailing dot.</summary>
    public static bool IsDotAtomText(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value[0] == '.' || value[^1] == '.')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '.')
            {
                if (value[i - 1] == '.')
                {
                    return false;
                }
            }
            else if (!IsAtext(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>field-name = 1*ftext, ftext being printable US-ASCII except ':'.</summary>
    public static bool IsFieldName(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '!' or > '~' or ':')
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsWhiteSpace(char c) => c is ' ' or '\t';

    /// <summary>Printable US-ASCII or SP / HT: text that can go into a header verbatim.</summary>
    public static bool IsHeaderSafe(char c) => c is (>= ' ' and <= '~') or '\t';
}
