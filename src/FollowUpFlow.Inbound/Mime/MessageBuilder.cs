namespace FollowUpFlow.Inbound.Mime;

/// <summary>Makes a <see cref="MimeMessage"/>: decodes its top-level header fields and gathers the problems of its read.</summary>
internal static class MessageBuilder
{
    public static MimeMessage Build(HeaderList headers, MimePart body, ReadContext context, int problemStart)
    {
        var date = headers["Date"];
        var parsedDate = DateParser.Parse(date);
        if (parsedDate is null && !string.IsNullOrWhiteSpace(date))
        {
            context.Report(MimeProblemCodes.DateUnreadable, $"Date \"{(date.Length <= 60 ? date : date[..60] + "...")}\" could not be read");
        }

        var subject = headers["Subject"];
        var sender = AddressParser.ParseMailboxes(headers.GetAll("Sender").Take(1), context);
        return new MimeMessage
        {
            Headers = headers,
            Body = body,
            From = AddressParser.ParseMailboxes(headers.GetAll("From"), context),
            Sender = sender.IsEmpty ? null : sender[0],
            ReplyTo = AddressParser.ParseMailboxes(headers.GetAll("Reply-To"), context),
            To = AddressParser.ParseMailboxes(headers.GetAll("To"), context),
            Cc = AddressParser.ParseMailboxes(headers.GetAll("Cc"), context),
            Subject = subject is null ? null : EncodedWords.Decode(subject, context),
            Date = parsedDate,
            MessageId = MessageIds.ParseSingle(headers["Message-ID"]),
            InReplyTo = MessageIds.ParseList(headers["In-Reply-To"]).FirstOrDefault(),
            References = MessageIds.ParseList(headers["References"]),
            Problems = context.ProblemsSince(problemStart),
            LimitExceeded = context.LimitSince(problemStart),
        };
    }
}
