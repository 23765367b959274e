using System.Globalization;

namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>Lower-cases and drops accents so "Décembre", "decembre" and "DÉCEMBRE" compare equal.</summary>
internal static class TextFolding
{
    /// <summary>Folds source into destination; returns the folded length, or -1 when destination is too small.</summary>
    public static int Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        int written = 0;
        foreach (char c in source)
        {
            if (c < 0x80)
            {
                if (written == destination.Length)
                {
                    return -1;
                }

                destination[written++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // a combining accent (decomposed text)
            }

            char lower = char.ToLowerInvariant(c);
            char second = lower switch { 'ß' => 's', 'æ' => 'e', 'œ' => 'e', _ => '\0' };
            if (written + (second == '\0' ? 1 : 2) > destination.Length)
            {
                return -1;
            }

            destination[written++] = Base(lower);
            if (second != '\0')
            {
                destination[written++] = second;
            }
        }

        return written;
    }

    /// <summary>The folded text as a new string (for building lookup keys).</summary>
    public static string Fold(ReadOnlySpan<char> source)
    {
        var buffer = source.Length <= 64 ? stackalloc char[source.Length * 2] : new char[source.Length * 2];
        return new string(buffer[..Fold(source, buffer)]);
    }

    private static char Base(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'æ' => 'a',
        'ç' => 'c',
        'è' or 'é' or 'ê' or 'ë' => 'e',
        'ì' or 'í' or 'î' or 'ï' => 'i',
        'ñ' => 'n',
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'œ' => 'o',
        'ù' or 'ú' or 'û' or 'ü' => 'u',
        'ý' or 'ÿ' => 'y',
        'ß' => 's',
        '’' or '‘' => '\'',
        '\u00A0' or '\u202F' => ' ',
        _ => c,
    };
}
