using System.Text;

namespace FollowUpFlow.Mail.Tests.Reading;

/// <summary>Reads an unfolded address-list field back into (display name, address) pairs.</summary>
internal static class AddressReader
{
    public static IReadOnlyList<(string? DisplayName, string Address)> ReadList(string value) =>
        SplitTopLevel(value).Select(ReadMailbox).ToList();

    private static (string? DisplayName, string Address) ReadMailbox(string mailbox)
    {
        mailbox = mailbox.Trim();
        var open = mailbox.LastIndexOf('<');
        if (open < 0)
        {
            return (null, mailbox);
        }

        Assert.EndsWith(">", mailbox, StringComparison.Ordinal);
        var address = mailbox[(open + 1)..^1];
        var phrase = mailbox[..open].Trim();
        if (phrase.StartsWith('"'))
        {
            Assert.EndsWith("\"", phrase, StringComparison.Ordinal);
            return (Unquote(phrase[1..^1]), address);
        }

        return (EncodedWordDecoder.Decode(phrase), address);
    }

    private static string Unquote(string content)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < content.Length; i++)
        {
            builder.Append(content[i] == '\\' ? content[++i] : content[i]);
        }

        return builder.ToString();
    }

    private static List<string> SplitTopLevel(string value)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        var inAngle = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuotes && c == '\\')
            {
                current.Append(c).Append(value[++i]);
                continue;
            }

            if (c == '"' && !inAngle)
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c is '<' or '>')
            {
                inAngle = c == '<';
            }
            else if (c == ',' && !inQuotes && !inAngle)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        parts.Add(current.ToString());
        return parts;
    }
}
