namespace FollowUpFlow.Inbound.Mime;

/// <summary>
/// A mailbox written without angle brackets: "local@domain", optionally after a phrase ("John Smith john@x.org") or
/// followed by a comment naming it ("jwz@netscape.com (Jamie Zawinski)"). A second "@" ends the domain.
/// </summary>
internal static class AddrSpec
{
    public static MailboxAddress? Read(List<AddressToken> entry, ReadContext context)
    {
        var words = entry.FindAll(t => t.Kind != AddressTokenKind.Comment);
        if (words.Count == 0)
        {
            return null;
        }

        var at = words.FindIndex(t => t.Kind == AddressTokenKind.At);
        string address;
        int nameEnd;
        if (at < 0)
        {
            // A lone local name ("jwz") is an address on the local host; loose words or a lone quoted string are not.
            if (!IsRun(words, 0, words.Count) || words.Exists(t => t.Kind == AddressTokenKind.Quoted))
            {
                return null;
            }

            address = Join(words, 0, words.Count);
            nameEnd = 0;
        }
        else
        {
            var localStart = LocalPartStart(words, at);
            if (localStart == at)
            {
                return null;
            }

            var domainEnd = DomainEnd(words, at + 1);
            address = Join(words, localStart, at) + (domainEnd > at + 1 ? "@" + Join(words, at + 1, domainEnd) : string.Empty);
            nameEnd = localStart;
        }

        var name = nameEnd > 0 ? Phrase.Text(words, context, 0, nameEnd) : NameFromComment(entry, context);
        return new MailboxAddress(name, address);
    }

    private static string? NameFromComment(List<AddressToken> entry, ReadContext context)
    {
        var comment = entry.FindLast(t => t.Kind == AddressTokenKind.Comment);
        return comment == default ? null : Phrase.Clean(comment.Text, context);
    }

    private static bool IsAddressPart(AddressToken token) =>
        token.Kind is AddressTokenKind.Word or AddressTokenKind.Quoted or AddressTokenKind.Dot or AddressTokenKind.DomainLiteral;

    // Whitespace separates the phrase from the address unless a dot joins the two sides (obsolete "john . doe").
    private static bool Joined(List<AddressToken> words, int index) =>
        !words[index].SpaceBefore || words[index].Kind == AddressTokenKind.Dot || words[index - 1].Kind == AddressTokenKind.Dot;

    private static bool IsRun(List<AddressToken> words, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!IsAddressPart(words[i]) || (i > start && !Joined(words, i)))
            {
                return false;
            }
        }

        return true;
    }

    private static int LocalPartStart(List<AddressToken> words, int at)
    {
        var start = at;
        for (var i = at - 1; i >= 0 && IsAddressPart(words[i]); i--)
        {
            start = i;
            if (i > 0 && !Joined(words, i))
            {
                break;
            }
        }

        return start;
    }

    private static int DomainEnd(List<AddressToken> words, int from)
    {
        var end = from;
        for (var i = from; i < words.Count && IsAddressPart(words[i]) && (i == from || Joined(words, i)); i++)
        {
            end = i + 1;
        }

        return end;
    }

    private static string Join(List<AddressToken> words, int start, int end) =>
        string.Concat(words.GetRange(start, end - start).Select(t => t.Source));
}
