using System.Buffers;

namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>The tokens of one text, with the small questions the readers ask about them.</summary>
internal sealed class DateTokens(string text, DateToken[] items, int count, Lang documentLanguage) : IDisposable
{
    private DateToken[] items = items;

    public string Text { get; } = text;

    public int Count { get; } = count;

    /// <summary>The language most of the text is written in, or None when it cannot tell.</summary>
    public Lang DocumentLanguage { get; } = documentLanguage;

    public ref readonly DateToken this[int index] => ref items[index];

    /// <summary>Index i is a token: the questions below answer false before the first token and after the last.</summary>
    public bool In(int i) => (uint)i < (uint)Count;

    public bool IsWord(int i, WordRole role) => In(i) && items[i].Kind == TokenKind.Word && items[i].Lex.Has(role);

    public bool IsKey(int i, string key) => In(i) && items[i].Kind == TokenKind.Word && items[i].Lex.Is(key);

    public bool IsSymbol(int i, char symbol) => In(i) && items[i].Kind == TokenKind.Symbol && items[i].Symbol == symbol;

    public bool IsNumber(int i) => In(i) && items[i].Kind == TokenKind.Number;

    /// <summary>Token i follows the one before it with no white space.</summary>
    public bool Attached(int i) => In(i) && items[i].Gap == Gap.Attached;

    /// <summary>Token i is on the same line as the one before it.</summary>
    public bool SameLine(int i) => In(i) && items[i].Gap <= Gap.Space;

    /// <summary>A number of 1 or 2 digits (hours, minutes, days, months).</summary>
    public bool IsSmallNumber(int i) => IsNumber(i) && items[i].Length <= 2;

    /// <summary>Symbol c glued between two numbers: "1.5", "555-1234", "12:30".</summary>
    public bool JoinsNumbers(int i, string symbols) =>
        In(i - 1) && In(i + 1) && items[i].Kind == TokenKind.Symbol && symbols.Contains(items[i].Symbol, StringComparison.Ordinal)
        && Attached(i) && Attached(i + 1) && IsNumber(i - 1) && IsNumber(i + 1);

    /// <summary>No sentence end ('.', '!', '?') and no blank line in tokens from..to (inclusive).</summary>
    public bool SameSentence(int from, int to)
    {
        for (int i = Math.Max(from, 0); i <= to && i < Count; i++)
        {
            if (items[i].Gap == Gap.BlankLine)
            {
                return false;
            }

            if (items[i].Kind == TokenKind.Symbol && items[i].Symbol is '.' or '!' or '?')
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose()
    {
        if (items.Length > 0)
        {
            ArrayPool<DateToken>.Shared.Return(items);
            items = [];
        }
    }
}
