using FollowUpFlow.Mail.Syntax;

namespace FollowUpFlow.Mail;

/// <summary>
/// An extra header field such as <c>X-FollowUpFlow-Draft-Id</c>. The value is written as
/// unstructured text (RFC 2047 encoded when it is not plain ASCII).
/// </summary>
public sealed record MessageHeader(string Name, string Value)
{
    public const int MaxNameLength = 76;
    public const int MaxValueLength = 998;

    // Fields the writer produces itself; a second copy would make the message ambiguous.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject", "Message-ID",
        "In-Reply-To", "References", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
    };

    public string Name { get; } = ValidateName(Name, nameof(Name));

    public string Value { get; } = HeaderText.Validate(Value, nameof(Value), MaxValueLength);

    private static string ValidateName(string? name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        HeaderText.RejectLineBreaks(name, paramName);
        if (name.Length > MaxNameLength || !MailSyntax.IsFieldName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid header field name.", paramName);
        }

        if (Reserved.Contains(name) || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{name}' is written by the message writer itself.", paramName);
        }

        return name;
    }
}
