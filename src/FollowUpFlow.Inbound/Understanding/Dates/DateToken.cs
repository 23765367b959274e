namespace FollowUpFlow.Inbound.Understanding.Dates;

internal enum TokenKind : byte
{
    Word,
    Number,
    Symbol,
}

/// <summary>How much white space separates a token from the one before it.</summary>
internal enum Gap : byte
{
    Attached,
    Space,
    Newline,
    BlankLine,
}

/// <summary>One word (a run of letters), number (a run of ASCII digits) or single symbol of the text. Kept small: a 30 KB text has thousands.</summary>
/// <param name="Value">A number's value, or -1 when it has more than nine digits.</param>
/// <param name="Symbol">A symbol's character, with look-alikes unified (’ as ', − and – as -).</param>
/// <param name="Upper">A word written in capitals ("ET", "EST"), which is how zone abbreviations are told from words.</param>
internal readonly record struct DateToken(
    int Start,
    int Length,
    TokenKind Kind,
    Gap Gap,
    int Value,
    char Symbol,
    bool Upper,
    ushort LexemeId)
{
    /// <summary>What the word means; the unknown word (no key, no roles) for numbers, symbols and unknown words.</summary>
    public ref readonly Lexeme Lex => ref Lexicon.Get(LexemeId);

    public int End => Start + Length;
}
