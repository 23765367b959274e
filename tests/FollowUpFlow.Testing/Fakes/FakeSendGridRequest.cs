namespace FollowUpFlow.Testing.Fakes;

/// <summary>One request the fake received and what it answered.</summary>
public sealed record FakeSendGridRequest(
    int Sequence,
    DateTimeOffset ReceivedAt,
    string Method,
    string Path,
    string? Authorization,
    string? ContentType,
    string Body,
    int AnsweredStatus,
    bool Accepted,
    string? SendGridMessageId,
    IReadOnlyList<FakeSendGridError> Errors,
    FakeSendGridMail? Mail)
{
    /// <summary>The Message-ID header of the parsed mail, when it had one.</summary>
    public string? MessageId => Mail?.MessageId;
}

/// <summary>A mail/send body that passed the fake's checks, read into the fields FollowUpFlow uses.</summary>
public sealed record FakeSendGridMail(
    IReadOnlyList<string> Fields,
    IReadOnlyList<FakeSendGridPersonalization> Personalizations,
    FakeSendGridAddress From,
    FakeSendGridAddress? ReplyTo,
    string? Subject,
    IReadOnlyList<FakeSendGridContent> Content,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<string> Categories,
    IReadOnlyDictionary<string, string> CustomArgs)
{
    public string? MessageId => Headers.TryGetValue("Message-ID", out var id) ? id : null;
}

public sealed record FakeSendGridPersonalization(
    IReadOnlyList<FakeSendGridAddress> To,
    IReadOnlyList<FakeSendGridAddress> Cc,
    IReadOnlyList<FakeSendGridAddress> Bcc,
    string? Subject);

public sealed record FakeSendGridAddress(string Email, string? Name);

public sealed record FakeSendGridContent(string Type, string Value);
