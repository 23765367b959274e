using System.Text;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>Display names: words joined as written, quotes removed, encoded words decoded, whitespace collapsed.</summary>
internal static class Phrase
{
    /// <summary>The display name the tokens spell (comments left out), or null when there is none.</summary>
    public static string? Text(IReadOnlyList<AddressToken> tokens, ReadContext context, int start = 0, int end = -1)
    {
        end = end < 0 ? tokens.Count : end;
        var builder = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.Kind == AddressTokenKind.Comment)
            {
                continue;
            }

            if (builder.Length > 0 && token.SpaceBefore)
            {
                builder.Append(' ');
            }

            builder.Append(token.Kind is AddressTokenKind.Quoted ? token.Text : token.Source);
        }

        return Clean(builder.ToString(), context);
    }

    /// <summary>Decodes encoded words and collapses whitespace; null when nothing is left.</summary>
    public static string? Clean(string text, ReadContext context)
    {
        var decoded = EncodedWords.Decode(text, context);
        var builder = new StringBuilder(decoded.Length);
        var pendingSpace = false;
        foreach (var c in decoded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
