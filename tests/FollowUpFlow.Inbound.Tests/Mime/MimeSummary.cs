using System.Globalization;
using System.Text;
using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Tests.Mime;

/// <summary>
/// Prints a message the way MimeKit's mbox tests print their "*-summary.txt": the mbox separator, From, To, Subject,
/// Date, then one "Content-Type: type/subtype" line per part indented three spaces per depth, then a blank line.
/// </summary>
internal static class MimeSummary
{
    public static string Format(MimeMessage message)
    {
        var builder = new StringBuilder();
        builder.Append(message.MboxFromLine).Append('\n');
        AppendAddresses(builder, "From", message);
        AppendAddresses(builder, "To", message);
        builder.Append("Subject: ").Append(message.Subject).Append('\n');
        builder.Append("Date: ").Append(FormatDate(message.Date ?? DateTimeOffset.MinValue)).Append('\n');
        AppendTree(builder, message.Body, 0);
        return builder.Append('\n').ToString();
    }

    /// <summary>The entries of a summary file, one per message (each ending with its blank line).</summary>
    public static List<string> SplitEntries(string summary)
    {
        var entries = new List<string>();
        foreach (var block in summary.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
        {
            if (block.Length > 0)
            {
                entries.Add(block + "\n\n");
            }
        }

        return entries;
    }

    // MimeKit lists all the header's entries; groups print as "name: members;".
    private static void AppendAddresses(StringBuilder builder, string field, MimeMessage message)
    {
        var items = message.Headers.GetAll(field).SelectMany(v => AddressParser.ParseList(v, new ReadContext(MimeLimits.Default))).ToList();
        if (items.Count == 0)
        {
            return;
        }

        var formatted = items.Select(item => item switch
        {
            MailboxItem mailbox => FormatMailbox(mailbox.Mailbox),
            GroupItem group => $"{group.Name}: {string.Join(", ", group.Members.Select(FormatMailbox))};",
            _ => throw new InvalidOperationException(),
        });
        builder.Append(field).Append(": ").Append(string.Join(", ", formatted)).Append('\n');
    }

    private static string FormatMailbox(MailboxAddress mailbox) =>
        string.IsNullOrEmpty(mailbox.Name)
            ? mailbox.Address
            : $"\"{mailbox.Name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\" <{mailbox.Address}>";

    // MimeKit's DateUtils.FormatDate: "ddd, dd MMM yyyy HH:mm:ss +hhmm".
    private static string FormatDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) +
               string.Create(CultureInfo.InvariantCulture, $"{sign}{offset.Hours:00}{offset.Minutes:00}");
    }

    private static void AppendTree(StringBuilder builder, MimePart part, int depth)
    {
        builder.Append(' ', depth * 3).Append("Content-Type: ").Append(part.ContentType.MimeType).Append('\n');
        foreach (var child in part.Children)
        {
            AppendTree(builder, child, depth + 1);
        }

        if (part.EmbeddedMessage is not null)
        {
            AppendTree(builder, part.EmbeddedMessage.Body, depth + 1);
        }
    }
}
