using System.Text;

namespace FollowUpFlow.Inbound.Mime;

internal enum AddressTokenKind
{
    Word,
    Quoted,
    Comment,
    Angle,
    DomainLiteral,
    Comma,
    Colon,
    Semicolon,
    At,
    Dot,
}

/// <summary>A lexical token of an address list. Text is unescaped for quoted strings and comments, the inside for angle addresses.</summary>
internal readonly record struct AddressToken(AddressTokenKind Kind, string Text, string Source, bool SpaceBefore);

/// <summary>Splits an address list into RFC 5322 tokens; unterminated quotes, comments and brackets run to the end.</summary>
internal static class AddressTokenizer
{
    public static List<AddressToken> Tokenize(string text)
    {
        var tokens = new List<AddressToken>();
        var space = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '>' or ']' or ')')
            {
                space = true;
                i++;
                continue;
            }

            var start = i;
            AddressTokenKind kind;
            string value;
            switch (c)
            {
                case '(':
                    kind = AddressTokenKind.Comment;
                    value = ReadComment(text, ref i);
                    break;
                case '"':
                    kind = AddressTokenKind.Quoted;
                    value = ReadQuoted(text, ref i);
                    break;
                case '<':
                    kind = AddressTokenKind.Angle;
                    value = ReadUntil(text, ref i, '>');
                    break;
                case '[':
                    kind = AddressTokenKind.DomainLiteral;
                    ReadUntil(text, ref i, ']');
                    value = text[start..i];
                    break;
                case ',' or ':' or ';' or '@' or '.':
                    kind = c switch
                    {
                        ',' => AddressTokenKind.Comma,
                        ':' => AddressTokenKind.Colon,
                        ';' => AddressTokenKind.Semicolon,
                        '@' => AddressTokenKind.At,
                        _ => AddressTokenKind.Dot,
                    };
                    value = c.ToString();
                    i++;
                    break;
                default:
                    kind = AddressTokenKind.Word;
                    i = WordEnd(text, i);
                    value = text[start..i];
                    break;
            }

            var source = kind is AddressTokenKind.Word or AddressTokenKind.DomainLiteral ? value : text[start..i];
            tokens.Add(new AddressToken(kind, value, source, space));
            // A comment separates words the way whitespace does.
            space = kind == AddressTokenKind.Comment;
        }

        return tokens;
    }

    private static int WordEnd(string text, int i)
    {
        if (text.AsSpan(i).StartsWith("=?") && EncodedWords.TryMatch(text, i, out var end))
        {
            return end;
        }

        var j = i;
        while (j < text.Length && !char.IsWhiteSpace(text[j]) && text[j] is not ('(' or ')' or '<' or '>' or '[' or ']' or ':' or ';' or '@' or ',' or '.' or '"'))
        {
            j++;
        }

        return j == i ? i + 1 : j;
    }

    private static string ReadComment(string text, ref int i)
    {
        var builder = new StringBuilder();
        var depth = 1;
        i++;
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '\\' && i < text.Length)
            {
                builder.Append(text[i++]);
                continue;
            }

            depth += c switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                break;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string ReadQuoted(string text, ref int i)
    {
        var builder = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '"')
            {
                break;
            }

            if (c == '\\' && i < text.Length)
            {
                c = text[i++];
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string ReadUntil(string text, ref int i, char close)
    {
        var end = text.IndexOf(close, i + 1);
        var inner = end < 0 ? text[(i + 1)..] : text[(i + 1)..end];
        i = end < 0 ? text.Length : end + 1;
        return inner;
    }
}
