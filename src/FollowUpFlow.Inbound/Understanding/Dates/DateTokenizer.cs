using System.Buffers;
using System.Globalization;

namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>Splits text into words, numbers and symbols in one pass, and guesses the text's language on the way.</summary>
internal static class DateTokenizer
{
    public static DateTokens Tokenize(string text)
    {
        var items = ArrayPool<DateToken>.Shared.Rent(Math.Max(16, text.Length / 4));
        int count = 0;
        int newlines = 0;
        bool space = false;
        Span<int> votes = stackalloc int[3];
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                newlines += c == '\n' ? 1 : 0;
                space = true;
                i++;
                continue;
            }

            var gap = newlines >= 2 ? Gap.BlankLine : newlines == 1 ? Gap.Newline : space ? Gap.Space : Gap.Attached;
            newlines = 0;
            space = false;
            DateToken token;
            if (char.IsAsciiDigit(c))
            {
                int start = i;
                long value = 0;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    value = value < 1_000_000_000 ? (value * 10) + (text[i] - '0') : value;
                    i++;
                }

                int length = i - start;
                token = new DateToken(start, length, TokenKind.Number, gap, length > 9 ? -1 : (int)value, '\0', false, 0);
            }
            else if (char.IsLetter(c))
            {
                int start = i;
                bool upper = true;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    upper &= !char.IsAsciiLetterLower(text[i]) && (text[i] < 0x80 || !char.IsLower(text[i]));
                    i++;
                }

                ushort id = Lexicon.Lookup(text.AsSpan(start, i - start));
                Vote(Lexicon.Get(id), votes);
                token = new DateToken(start, i - start, TokenKind.Word, gap, 0, '\0', upper, id);
            }
            else
            {
                token = new DateToken(i, 1, TokenKind.Symbol, gap, 0, Unify(c), false, 0);
                i++;
            }

            if (count == items.Length)
            {
                var larger = ArrayPool<DateToken>.Shared.Rent(items.Length * 2);
                items.AsSpan(0, count).CopyTo(larger);
                ArrayPool<DateToken>.Shared.Return(items);
                items = larger;
            }

            items[count++] = token;
        }

        return new DateTokens(text, items, count, Winner(votes));
    }

    private static bool IsWordChar(char c) =>
        char.IsAsciiLetter(c) || (c >= 0x80 && (char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark));

    private static char Unify(char c) => c switch
    {
        '’' or 'ʼ' or '‘' => '\'',
        '−' or '–' or '—' or '‐' or '‑' => '-',
        _ => c,
    };

    // Only words that belong to one language and say so: function words and full month and weekday names.
    private static void Vote(in Lexeme lexeme, Span<int> votes)
    {
        bool telling = lexeme.Has(WordRole.LangHint) || (lexeme.Has(WordRole.Month | WordRole.Weekday) && !lexeme.Has(WordRole.Short | WordRole.Tiny));
        if (!telling)
        {
            return;
        }

        votes[0] += (lexeme.Lang & Lang.En) != 0 ? 1 : 0;
        votes[1] += (lexeme.Lang & Lang.De) != 0 ? 1 : 0;
        votes[2] += (lexeme.Lang & Lang.Fr) != 0 ? 1 : 0;
    }

    /// <summary>The language with the most votes, or None on a tie or no votes.</summary>
    public static Lang Winner(ReadOnlySpan<int> votes)
    {
        int best = Math.Max(votes[0], Math.Max(votes[1], votes[2]));
        if (best == 0)
        {
            return Lang.None;
        }

        int leaders = (votes[0] == best ? 1 : 0) + (votes[1] == best ? 1 : 0) + (votes[2] == best ? 1 : 0);
        return leaders > 1 ? Lang.None : votes[0] == best ? Lang.En : votes[1] == best ? Lang.De : Lang.Fr;
    }
}
