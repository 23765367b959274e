using System.Text;
using FollowUpFlow.Mail.Syntax;

namespace FollowUpFlow.Mail.Writing;

/// <summary>
/// Writes one header field, folding (RFC 5322 §2.2.3) before whitespace so lines stay within
/// 78 characters where the content allows and never pass 998.
/// </summary>
internal sealed class HeaderFieldBuilder
{
    public const int PreferredLineLength = 78;
    public const int MaxLineLength = 998;

    private readonly StringBuilder _output;
    private int _column;
    private bool _hasContent;

    public HeaderFieldBuilder(StringBuilder output, string name)
    {
        _output = output;
        _output.Append(name).Append(':');
        _column = name.Length + 1;
    }

    /// <summary>Appends an unbreakable token after a space, folding first if it would not fit.</summary>
    public void AppendToken(string token)
    {
        if (_hasContent && _column + 1 + token.Length > PreferredLineLength)
        {
            Fold();
        }

        Append(' ', token);
    }

    /// <summary>Appends text as RFC 2047 encoded-words, each sized to the room left on its line.</summary>
    public void AppendEncodedWords(string text)
    {
        var encoding = EncodedWords.ChooseEncoding(text);
        var index = 0;
        while (index < text.Length)
        {
            var room = PreferredLineLength - _column - 1;
            if (room < EncodedWords.MinimumWordLength(text, index, encoding))
            {
                Fold();
                room = PreferredLineLength - _column - 1;
            }

            Append(' ', EncodedWords.EncodeWord(text, ref index, encoding, room));
        }
    }

    /// <summary>
    /// Appends unstructured text (RFC 5322 §3.2.5): verbatim when it is printable ASCII that
    /// can be folded into legal lines, otherwise as encoded-words.
    /// </summary>
    public void AppendUnstructured(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        var segments = SplitBeforeWhiteSpace(text);
        if (!CanWriteVerbatim(text, segments))
        {
            AppendEncodedWords(text);
            return;
        }

        // The first segment follows "Name: "; later ones start with their own whitespace,
        // so a fold before them only inserts CRLF and unfolding restores the text exactly.
        Append(' ', segments[0]);
        foreach (var segment in segments.Skip(1))
        {
            var wordless = segment.AsSpan().TrimStart(" \t").IsEmpty;
            if (_hasContent && !wordless && _column + segment.Length > PreferredLineLength)
            {
                _output.Append("\r\n");
                _column = 0;
            }

            _output.Append(segment);
            _column += segment.Length;
        }

        CheckLineLength();
    }

    public void End() => _output.Append("\r\n");

    private void Fold()
    {
        _output.Append("\r\n");
        _column = 0;
        _hasContent = false;
    }

    private void Append(char separator, string token)
    {
        _output.Append(separator).Append(token);
        _column += 1 + token.Length;
        _hasContent = true;
        CheckLineLength();
    }

    private void CheckLineLength()
    {
        // Inputs are bounded so this cannot happen; a malformed message must never be written.
        if (_column > MaxLineLength)
        {
            throw new InvalidOperationException("A header line would exceed 998 characters.");
        }
    }

    private bool CanWriteVerbatim(string text, List<string> segments)
    {
        foreach (var c in text)
        {
            if (!MailSyntax.IsHeaderSafe(c))
            {
                return false;
            }
        }

        // "=?" could be read back as the start of an encoded-word.
        if (text.Contains("=?", StringComparison.Ordinal))
        {
            return false;
        }

        var longest = segments.Max(s => s.Length);
        return _column + 1 + longest <= MaxLineLength;
    }

    /// <summary>Cuts before each whitespace run, so every piece but the first starts with whitespace.</summary>
    private static List<string> SplitBeforeWhiteSpace(string text)
    {
        var segments = new List<string>();
        var start = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (MailSyntax.IsWhiteSpace(text[i]) && !MailSyntax.IsWhiteSpace(text[i - 1]))
            {
                segments.Add(text[start..i]);
                start = i;
            }
        }

        segments.Add(text[start..]);
        return segments;
    }
}
