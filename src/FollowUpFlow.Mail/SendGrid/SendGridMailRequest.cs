using System.Text.Json.Serialization;

namespace FollowUpFlow.Mail;

/// <summary>The body of <c>POST /v3/mail/send</c>, only the fields FollowUpFlow uses (names as SendGrid documents them).</summary>
internal sealed record SendGridMailRequest
{
    [JsonPropertyName("personalizations")]
    public required IReadOnlyList<SendGridPersonalization> Personalizations { get; init; }

    [JsonPropertyName("from")]
    public required SendGridAddress From { get; init; }

    [JsonPropertyName("reply_to")]
    public SendGridAddress? ReplyTo { get; init; }

    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    /// <summary>text/plain first, then text/html when there is one: SendGrid refuses any other order, and either type twice.</summary>
    [JsonPropertyName("content")]
    public required IReadOnlyList<SendGridContent> Content { get; init; }

    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    [JsonPropertyName("categories")]
    public IReadOnlyList<string>? Categories { get; init; }

    [JsonPropertyName("custom_args")]
    public IReadOnlyDictionary<string, string>? CustomArgs { get; init; }
}

internal sealed record SendGridPersonalization
{
    [JsonPropertyName("to")]
    public required IReadOnlyList<SendGridAddress> To { get; init; }

    [JsonPropertyName("cc")]
    public IReadOnlyList<SendGridAddress>? Cc { get; init; }
}

internal sealed record SendGridAddress(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("name")] string? Name = null);

internal sealed record SendGridContent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value);

/// <summary>SendGrid's error body: <c>{"errors":[{"message": "...", "field": "..."}]}</c>.</summary>
internal sealed record SendGridErrorResponse
{
    [JsonPropertyName("errors")]
    public IReadOnlyList<SendGridError>? Errors { get; init; }
}

internal sealed record SendGridError
{
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("field")]
    public string? Field { get; init; }
}
