using System.Text;
using FollowUpFlow.Mail.Syntax;

namespace FollowUpFlow.Mail;

/// <summary>
/// A plain-text message, optionally with an HTML alternative, ready to be written. Every property is validated when
/// it is set (including through <c>with</c>), so the writer never meets header-injection input.
/// </summary>
public sealed record OutgoingMessage
{
    public const int MaxSubjectLength = 998;
    public const int MaxRecipients = 100;
    public const int MaxReferences = 100;
    public const int MaxExtraHeaders = 50;
    public const int MaxTextBodyLength = 4 * 1024 * 1024;

    /// <summary>The same bound as the text body: the HTML alternative is checked the same way.</summary>
    public const int MaxHtmlBodyLength = MaxTextBodyLength;

    public required MailAddress From
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(From));
    }

    public required IReadOnlyList<MailAddress> To
    {
        get;
        init => field = CopyList(value, nameof(To), MaxRecipients, requireOne: true);
    }

    public IReadOnlyList<MailAddress> Cc
    {
        get;
        init => field = CopyList(value, nameof(Cc), MaxRecipients, requireOne: false);
    } = [];

    public MailAddress? ReplyTo { get; init; }

    public required string Subject
    {
        get;
        init => field = HeaderText.Validate(value, nameof(Subject), MaxSubjectLength);
    }

    /// <summary>Plain text; any line-ending convention, the writer normalises to CRLF.</summary>
    public required string TextBody
    {
        get;
        init => field = ValidateBody(value, nameof(TextBody), MaxTextBodyLength);
    }

    /// <summary>
    /// An HTML rendering of <see cref="TextBody"/>, offered next to it (never instead of it: the text body stays
    /// required); null for a plain-text message. Any line-ending convention, the writer normalises to CRLF.
    /// </summary>
    public string? HtmlBody
    {
        get;
        init => field = value is null ? null : ValidateBody(value, nameof(HtmlBody), MaxHtmlBodyLength);
    }

    /// <summary>This message's id, <c>&lt;local@domain&gt;</c> (see <see cref="MessageIds"/>).</summary>
    public required string MessageId
    {
        get;
        init => field = MessageIds.Validate(value, nameof(MessageId));
    }

    /// <summary>Written with its own offset, so keep the candidate's local offset here.</summary>
    public required DateTimeOffset Date { get; init; }

    public string? InReplyTo
    {
        get;
        init => field = value is null ? null : MessageIds.ValidateForeign(value, nameof(InReplyTo));
    }

    public IReadOnlyList<string> References
    {
        get;
        init
        {
            var copy = CopyList(value, nameof(References), MaxReferences, requireOne: false);
            foreach (var id in copy)
            {
                MessageIds.ValidateForeign(id, nameof(References));
            }

            field = copy;
        }
    } = [];

    /// <summary>Written in order after the standard fields.</summary>
    public IReadOnlyList<MessageHeader> ExtraHeaders
    {
        get;
        init => field = CopyList(value, nameof(ExtraHeaders), MaxExtraHeaders, requireOne: false);
    } = [];

    // The bodies (text and HTML) and the subject are the candidate's words: keep them out of ToString (and so out of logs).
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("MessageId = ").Append(MessageId).Append(", Date = ").Append(Date.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<T> CopyList<T>(IReadOnlyList<T>? items, string paramName, int max, bool requireOne)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items, paramName);
        if (requireOne && items.Count == 0)
        {
            throw new ArgumentException("At least one entry is required.", paramName);
        }

        if (items.Count > max)
        {
            throw new ArgumentException($"At most {max} entries are allowed.", paramName);
        }

        var copy = items.ToArray();
        return Array.IndexOf(copy, null) < 0
            ? Array.AsReadOnly(copy)
            : throw new ArgumentException("The list contains a null entry.", paramName);
    }

    private static string ValidateBody(string? body, string paramName, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(body, paramName);
        if (body.Length > maxLength)
        {
            throw new ArgumentException($"The body is longer than {maxLength} characters.", paramName);
        }

        HeaderText.RejectUnpairedSurrogates(body, paramName);
        return body;
    }
}
