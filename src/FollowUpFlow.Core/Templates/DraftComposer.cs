using System.Text;

namespace FollowUpFlow.Core.Templates;

/// <summary>
/// Fills {{placeholders}} in one pass. A known placeholder without a value becomes empty text (never "null"); an
/// unknown one is left visible so the candidate notices it before approving. Values are not expanded again, so a
/// company called "{{signature}}" stays literal.
/// </summary>
public static class DraftComposer
{
    public static ComposedMessage Compose(MessageTemplate template, IReadOnlyDictionary<string, string?> values) =>
        new(SingleLine(Fill(template.Subject, values)), Fill(template.Body, values).ReplaceLineEndings("\n").Trim());

    public static string Fill(string? template, IReadOnlyDictionary<string, string?> values)
    {
        if (string.IsNullOrEmpty(template))
        {
            return string.Empty;
        }

        var text = new StringBuilder(template.Length + 64);
        var position = 0;
        while (position < template.Length)
        {
            var close = template.IndexOf("}}", position, StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            var open = LastOpenBefore(template, position, close);
            if (open < 0)
            {
                text.Append(template, position, close + 2 - position);
                position = close + 2;
                continue;
            }

            text.Append(template, position, open - position);
            var name = template[(open + 2)..close].Trim();
            if (values.TryGetValue(name, out var value))
            {
                text.Append(value ?? string.Empty);
            }
            else
            {
                text.Append(template, open, close + 2 - open);
            }

            position = close + 2;
        }

        if (position < template.Length)
        {
            text.Append(template, position, template.Length - position);
        }

        return text.ToString();
    }

    /// <summary>A header-safe subject: no line breaks or control characters (they would inject headers), no runs of spaces.</summary>
    public static string SingleLine(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    // The "{{" nearest before the "}}", so "{{ stray {{company}}" still fills {{company}}.
    private static int LastOpenBefore(string template, int from, int close)
    {
        for (var i = close - 2; i >= from; i--)
        {
            if (template[i] == '{' && template[i + 1] == '{')
            {
                return i;
            }
        }

        return -1;
    }
}
