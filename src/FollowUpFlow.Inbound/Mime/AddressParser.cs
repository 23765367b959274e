using System.Collections.Immutable;
using System.Text;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>
/// Reads RFC 5322 address lists leniently: display names quoted, encoded or given as a trailing comment, groups,
/// bare addresses, obsolete routes, and garbage (skipped with a problem). One pass over the tokens; no recursion.
/// </summary>
internal static class AddressParser
{
    public static ImmutableArray<MailboxAddress> ParseMailboxes(IEnumerable<string> values, ReadContext context)
    {
        var mailboxes = ImmutableArray.CreateBuilder<MailboxAddress>();
        foreach (var value in values)
        {
            foreach (var item in ParseList(value, context))
            {
                switch (item)
                {
                    case MailboxItem mailbox:
                        mailboxes.Add(mailbox.Mailbox);
                        break;
                    case GroupItem group:
                        mailboxes.AddRange(group.Members);
                        break;
                }
            }
        }

        return mailboxes.ToImmutable();
    }

    public static ImmutableArray<AddressListItem> ParseList(string? value, ReadContext context)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var list = new ListBuilder(context);
        foreach (var token in AddressTokenizer.Tokenize(value))
        {
            list.Add(token);
        }

        return list.Finish();
    }

    /// <summary>The state of one pass: the tokens of the entry being read and the group it belongs to.</summary>
    private sealed class ListBuilder(ReadContext context)
    {
        private readonly ImmutableArray<AddressListItem>.Builder items = ImmutableArray.CreateBuilder<AddressListItem>();
        private readonly List<AddressToken> entry = [];
        private ImmutableArray<MailboxAddress>.Builder? members;
        private string? groupName;
        private bool entryDone;
        private bool entryHasAt;

        public void Add(AddressToken token)
        {
            switch (token.Kind)
            {
                case AddressTokenKind.Comma:
                    FinishEntry();
                    break;
                case AddressTokenKind.Semicolon:
                    FinishEntry();
                    FinishGroup();
                    break;
                case AddressTokenKind.Colon when groupName is null && !entryDone && !entryHasAt:
                    groupName = Phrase.Text(entry, context) ?? string.Empty;
                    members = ImmutableArray.CreateBuilder<MailboxAddress>();
                    entry.Clear();
                    break;
                case AddressTokenKind.Angle when !entryDone:
                    var address = AngleAddress(token.Text);
                    if (address.Length > 0)
                    {
                        Emit(new MailboxAddress(Phrase.Text(entry, context), address));
                    }

                    entryDone = true;
                    entry.Clear();
                    break;
                default:
                    if (!entryDone)
                    {
                        entry.Add(token);
                        entryHasAt |= token.Kind == AddressTokenKind.At;
                    }

                    break;
            }
        }

        public ImmutableArray<AddressListItem> Finish()
        {
            FinishEntry();
            FinishGroup();
            return items.ToImmutable();
        }

        private void FinishEntry()
        {
            if (!entryDone && entry.Count > 0)
            {
                var mailbox = AddrSpec.Read(entry, context);
                if (mailbox is not null)
                {
                    Emit(mailbox);
                }
                else if (entry.Exists(t => t.Kind != AddressTokenKind.Comment))
                {
                    context.Report(MimeProblemCodes.AddressUnreadable, $"no address in \"{Shorten(entry)}\"");
                }
            }

            entry.Clear();
            entryDone = false;
            entryHasAt = false;
        }

        private void FinishGroup()
        {
            if (groupName is not null)
            {
                items.Add(new GroupItem(groupName, members!.ToImmutable()));
                groupName = null;
                members = null;
            }
        }

        private void Emit(MailboxAddress mailbox)
        {
            if (members is not null)
            {
                members.Add(mailbox);
            }
            else
            {
                items.Add(new MailboxItem(mailbox));
            }
        }

        // "<@route1,@route2:user@domain>" keeps only user@domain; whitespace and comments inside are dropped.
        private static string AngleAddress(string inside)
        {
            var builder = new StringBuilder(inside.Length);
            var depth = 0;
            foreach (var c in inside)
            {
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')' && depth > 0)
                {
                    depth--;
                }
                else if (depth == 0 && !char.IsWhiteSpace(c))
                {
                    builder.Append(c);
                }
            }

            var address = builder.ToString();
            var colon = address.LastIndexOf(':');
            if (address.StartsWith('@') && colon > 0)
            {
                address = address[(colon + 1)..];
            }
            else if (address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                address = address["mailto:".Length..];
            }

            return address;
        }

        // The problem shows the start of the entry only; an entry can be a whole header of garbage.
        private static string Shorten(List<AddressToken> tokens)
        {
            const int shown = 60;
            var builder = new StringBuilder();
            foreach (var token in tokens)
            {
                builder.Append(token.Source);
                if (builder.Length > shown)
                {
                    return builder.ToString(0, shown) + "...";
                }
            }

            return builder.ToString();
        }
    }
}
