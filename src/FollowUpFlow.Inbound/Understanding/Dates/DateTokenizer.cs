using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>Splits text into words, numbers and symbols in one pass, and guesses the text's language on the way.</summary>
internal static class DateTokenizer
{
    public static DateTokens Tokenize(string text)
    {
        var items = ArrayPool<DateToken>.Shared.Rent(Math.Max(16, text.Length / 4));
        int count = 0;
        var gap = Gap.Attached; // the white space since the last token: a second line break makes it a blank line
        var votes = new Votes();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            var kind = Classify(c);
            if (kind == CharKind.Space)
            {
                gap = c == '\n' ? (gap >= Gap.Newline ? Gap.BlankLine : Gap.Newline) : gap == Gap.Attached ? Gap.Space : gap;
                i++;
                continue;
            }

            DateToken token;
            if (kind == CharKind.Digit)
            {
                int length = NumberLength(text.AsSpan(i), out int value);
                token = new DateToken(i, length, TokenKind.Number, gap, value, '\0', false, 0);
                i += length;
            }
            else if (kind == CharKind.Letter)
            {
                var word = text.AsSpan(i, WordLength(text.AsSpan(i), out bool upper, out bool ascii));
                ushort id = ascii ? Lexicon.LookupAscii(word) : Lexicon.Lookup(word);
                votes.Add(id);
                token = new DateToken(i, word.Length, TokenKind.Word, gap, 0, '\0', upper, id);
                i += word.Length;
            }
            else
            {
                token = new DateToken(i, 1, TokenKind.Symbol, gap, 0, Unify(c), false, 0);
                i++;
            }

            if (count == items.Length)
            {
                items = Grow(items, count);
            }

            items[count++] = token;
            gap = Gap.Attached;
        }

        return new DateTokens(text, items, count, votes.Winner());
    }

    // Kept out of the loop so the loop's variables stay in registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DateToken[] Grow(DateToken[] items, int count)
    {
        var larger = ArrayPool<DateToken>.Shared.Rent(items.Length * 2);
        items.AsSpan(0, count).CopyTo(larger);
        ArrayPool<DateToken>.Shared.Return(items);
        return larger;
    }

    /// <summary>The length of the run of ASCII digits that starts rest; value is -1 past nine digits.</summary>
    private static int NumberLength(ReadOnlySpan<char> rest, out int value)
    {
        long read = 0;
        int length = 0;
        while (length < rest.Length && char.IsAsciiDigit(rest[length]))
        {
            read = read < 1_000_000_000 ? (read * 10) + (rest[length] - '0') : read;
            length++;
        }

        value = length > 9 ? -1 : (int)read;
        return length;
    }

    /// <summary>The length of the word that starts rest; upper when no letter is lower case, ascii when every letter is ASCII.</summary>
    private static int WordLength(ReadOnlySpan<char> rest, out bool upper, out bool ascii)
    {
        if (Vector128.IsHardwareAccelerated && rest.Length >= Vector128<ushort>.Count && ShortAsciiWord(rest, out int shortLength, out bool shortUpper))
        {
            upper = shortUpper;
            ascii = true;
            return shortLength;
        }

        // ASCII letters first, in a loop without calls so that it keeps its variables in registers.
        int asciiBits = 0; // an ASCII letter with bit 0x20 set is lower case
        int length = 0;
        while (length < rest.Length && (uint)((rest[length] | 0x20) - 'a') <= 'z' - 'a')
        {
            asciiBits |= rest[length];
            length++;
        }

        if (length < rest.Length && rest[length] >= 0x80)
        {
            ascii = false;
            return OtherWordLength(rest, length, asciiBits, out upper);
        }

        ascii = true;
        upper = (asciiBits & 0x20) == 0;
        return length;
    }

    // Most words are a few ASCII letters: eight characters at once tell where the word ends, without a loop or its branch.
    private static bool ShortAsciiWord(ReadOnlySpan<char> rest, out int length, out bool upper)
    {
        var chars = Vector128.Create(MemoryMarshal.Cast<char, ushort>(rest));
        var alphabet = Vector128.Create((ushort)('z' - 'a'));
        uint letters = Vector128.LessThanOrEqual((chars | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), alphabet).ExtractMostSignificantBits();
        length = BitOperations.TrailingZeroCount(~letters);
        if (length == Vector128<ushort>.Count || rest[length] >= 0x80)
        {
            upper = false;
            return false; // a longer word, or one going on past ASCII: the loops read it
        }

        uint lower = Vector128.LessThanOrEqual(chars - Vector128.Create((ushort)'a'), alphabet).ExtractMostSignificantBits();
        upper = (lower & ((1u << length) - 1)) == 0;
        return true;
    }

    // The rest of a word that has letters past ASCII ("Décembre") or combining accents.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int OtherWordLength(ReadOnlySpan<char> rest, int length, int asciiBits, out bool upper)
    {
        bool otherLower = false;
        for (; length < rest.Length; length++)
        {
            char w = rest[length];
            if ((uint)((w | 0x20) - 'a') <= 'z' - 'a')
            {
                asciiBits |= w;
            }
            else if (w >= 0x80 && IsOtherWordChar(w))
            {
                otherLower |= char.IsLower(w);
            }
            else
            {
                break;
            }
        }

        upper = (asciiBits & 0x20) == 0 && !otherLower;
        return length;
    }

    private enum CharKind : byte
    {
        Symbol,
        Space,
        Digit,
        Letter,
    }

    private static CharKind Classify(char c)
    {
        if (c < 0x80)
        {
            return char.IsAsciiLetter(c) ? CharKind.Letter
                : char.IsAsciiDigit(c) ? CharKind.Digit
                : char.IsWhiteSpace(c) ? CharKind.Space
                : CharKind.Symbol;
        }

        return char.IsWhiteSpace(c) ? CharKind.Space : char.IsLetter(c) ? CharKind.Letter : CharKind.Symbol;
    }

    // Past ASCII, words go on through letters and combining accents (decomposed "é").
    private static bool IsOtherWordChar(char c) =>
        char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static char Unify(char c) => c switch
    {
        '’' or 'ʼ' or '‘' => '\'',
        '−' or '–' or '—' or '‐' or '‑' => '-',
        _ => c,
    };

    // Only words that belong to one language and say so: function words and full month and weekday names.
    private struct Votes
    {
        private int english;
        private int german;
        private int french;

        public void Add(ushort lexemeId)
        {
            if (lexemeId == 0)
            {
                return;
            }

            ref readonly var lexeme = ref Lexicon.Get(lexemeId);
            bool telling = lexeme.Has(WordRole.LangHint) || (lexeme.Has(WordRole.Month | WordRole.Weekday) && !lexeme.Has(WordRole.Short | WordRole.Tiny));
            if (telling)
            {
                english += (lexeme.Lang & Lang.En) != 0 ? 1 : 0;
                german += (lexeme.Lang & Lang.De) != 0 ? 1 : 0;
                french += (lexeme.Lang & Lang.Fr) != 0 ? 1 : 0;
            }
        }

        public readonly Lang Winner() => DateTokenizer.Winner([english, german, french]);
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
