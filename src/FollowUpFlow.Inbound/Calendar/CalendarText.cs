using System.Text;

namespace FollowUpFlow.Inbound.Calendar;

/// <summary>Escapes and case rules of iCalendar text.</summary>
internal static class CalendarText
{
    /// <summary>Undoes TEXT escaping (RFC 5545 3.3.11): \n \N \, \; \\. Other backslashes are kept as written.</summary>
    public static string Unescape(string value)
    {
        var backslash = value.IndexOf('\\');
        if (backslash < 0)
        {
            return value;
        }

        var result = new StringBuilder(value.Length).Append(value, 0, backslash);
        for (var i = backslash; i < value.Length; i++)
        {
            var c = value[i];
            if (c != '\\' || i + 1 == value.Length)
            {
                result.Append(c);
                continue;
            }

            var next = value[i + 1];
            switch (next)
            {
                case 'n' or 'N':
                    result.Append('\n');
                    i++;
                    break;
                case ',' or ';' or '\\':
                    result.Append(next);
                    i++;
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>Undoes parameter value encoding (RFC 6868): ^n newline, ^' double quote, ^^ caret.</summary>
    public static string DecodeParameter(string value)
    {
        var caret = value.IndexOf('^');
        if (caret < 0)
        {
            return value;
        }

        var result = new StringBuilder(value.Length).Append(value, 0, caret);
        for (var i = caret; i < value.Length; i++)
        {
            var c = value[i];
            var decoded = c == '^' && i + 1 < value.Length ? Decoded(value[i + 1]) : null;
            if (decoded is { } d)
            {
                result.Append(d);
                i++;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>Upper case for names and enumerated values, without allocating when already upper case.</summary>
    public static string Upper(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.ToUpperInvariant(c) != c)
            {
                return text.ToString().ToUpperInvariant();
            }
        }

        return text.ToString();
    }

    private static char? Decoded(char escaped) => escaped switch
    {
        'n' or 'N' => '\n',
        '\'' => '"',
        '^' => '^',
        _ => null,
    };
}
