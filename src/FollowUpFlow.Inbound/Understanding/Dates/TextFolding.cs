using System.Buffers;
using System.Globalization;
using System.Text;

namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>Lower-cases and drops accents so "Décembre", "decembre" and "DÉCEMBRE" compare equal.</summary>
internal static class TextFolding
{
    /// <summary>Folds source into destination; returns the folded length, or -1 when destination is too small.</summary>
    public static int Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        int written = 0;
        while (!source.IsEmpty)
        {
            // Mail is mostly ASCII: lower-case each ASCII run in one vectorised step, then fold the one character after it.
            int run = source.IndexOfAnyExceptInRange('\0', '\x7F');
            run = run < 0 ? source.Length : run;
            if (run > 0)
            {
                if (Ascii.ToLower(source[..run], destination[written..], out int lowered) != OperationStatus.Done)
                {
                    return -1;
                }

                written += lowered;
                source = source[run..];
                continue;
            }

            char c = source[0];
            source = source[1..];
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
        if (Ascii.IsValid(source))
        {
            // The common case folds to the same length: write straight into the string.
            return string.Create(source.Length, source, static (destination, text) => Ascii.ToLower(text, destination, out _));
        }

        // Folding can add a character per character (ß → ss); a rented buffer spares zeroing twice the text's size.
        char[]? rented = null;
        Span<char> buffer = source.Length <= 64 ? stackalloc char[source.Length * 2] : (rented = ArrayPool<char>.Shared.Rent(source.Length * 2));
        var folded = new string(buffer[..Fold(source, buffer)]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return folded;
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
