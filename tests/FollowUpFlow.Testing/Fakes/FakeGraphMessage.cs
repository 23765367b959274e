namespace FollowUpFlow.Testing.Fakes;

/// <summary>A recipient as Graph stores it: <c>{"emailAddress":{"address","name"}}</c>.</summary>
public sealed record FakeGraphRecipient(string Address, string? Name);

/// <summary>A message in the fake mailbox, as the transport left it.</summary>
public sealed record FakeGraphMessage
{
    public required string Id { get; init; }

    public required string ConversationId { get; init; }

    /// <summary><see cref="FakeGraphServer.DraftsFolder"/> or <see cref="FakeGraphServer.SentItemsFolder"/>.</summary>
    public required string Folder { get; init; }

    public required string InternetMessageId { get; init; }

    public bool IsDraft { get; init; } = true;

    public string? Subject { get; init; }

    public string? BodyContentType { get; init; }

    public string? BodyContent { get; init; }

    public IReadOnlyList<FakeGraphRecipient> ToRecipients { get; init; } = [];

    public IReadOnlyList<FakeGraphRecipient> CcRecipients { get; init; } = [];

    public IReadOnlyList<FakeGraphRecipient> ReplyTo { get; init; } = [];

    /// <summary>Custom headers, set only when the draft was created (as Graph allows).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> InternetMessageHeaders { get; init; } = [];

    /// <summary>Single-value extended properties by id, e.g. <c>String 0x1042</c> (In-Reply-To).</summary>
    public IReadOnlyDictionary<string, string> ExtendedProperties { get; init; } = new Dictionary<string, string>();

    public required DateTimeOffset CreatedDateTime { get; init; }

    public required DateTimeOffset LastModifiedDateTime { get; init; }

    public DateTimeOffset? SentDateTime { get; init; }

    /// <summary>Who wrote it; a draft or sent message of the mailbox has none set here (Graph reports the mailbox).</summary>
    public FakeGraphRecipient? From { get; init; }

    public DateTimeOffset? ReceivedDateTime { get; init; }

    /// <summary>The part of the body that is new in this message (Graph's uniqueBody); the whole body when null.</summary>
    public string? UniqueBodyContent { get; init; }

    /// <summary>How many times the draft was changed after it was created.</summary>
    public int UpdateCount { get; init; }
}
