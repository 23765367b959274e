using FollowUpFlow.Mail.Syntax;

namespace FollowUpFlow.Mail;

/// <summary>RFC 5322 §3.6.4 message identifiers, always with their angle brackets.</summary>
public static class MessageIds
{
    /// <summary>Keeps an id, its brackets and a fold well inside the 998-octet line limit.</summary>
    public const int MaxLength = 250;

    /// <summary>Builds <c>&lt;uniqueToken@domain&gt;</c>; both parts must be dot-atom-text.</summary>
    public static string Create(string uniqueToken, string domain)
    {
        ArgumentNullException.ThrowIfNull(uniqueToken);
        ArgumentNullException.ThrowIfNull(domain);
        if (!MailSyntax.IsDotAtomText(uniqueToken))
        {
            throw new ArgumentException("The token must be dot-atom-text (RFC 5322 atext and single dots).", nameof(uniqueToken));
        }

        if (!MailSyntax.IsDotAtomText(domain))
        {
            throw new ArgumentException("The domain must be dot-atom-text (RFC 5322 atext and single dots).", nameof(domain));
        }

        var id = $"<{uniqueToken}@{domain}>";
        return id.Length <= MaxLength
            ? id
            : throw new ArgumentException($"The message id would be longer than {MaxLength} characters.", nameof(uniqueToken));
    }

    /// <summary>True for <c>&lt;dot-atom-text@dot-atom-text&gt;</c>, the form this project generates.</summary>
    public static bool IsValid(string? messageId)
    {
        if (messageId is null || messageId.Length is < 5 or > MaxLength || messageId[0] != '<' || messageId[^1] != '>')
        {
            return false;
        }

        var inner = messageId.AsSpan(1, messageId.Length - 2);
        var at = inner.IndexOf('@');
        return at > 0 && MailSyntax.IsDotAtomText(inner[..at]) && MailSyntax.IsDotAtomText(inner[(at + 1)..]);
    }

    internal static string Validate(string? messageId, string paramName)
    {
        ArgumentNullException.ThrowIfNull(messageId, paramName);
        HeaderText.RejectLineBreaks(messageId, paramName);
        return IsValid(messageId)
            ? messageId
            : throw new ArgumentException($"'{messageId}' is not a message id of the form <local@domain>.", paramName);
    }

    /// <summary>
    /// Ids of other people's messages (In-Reply-To, References) are taken as they came, provided
    /// they are bracketed printable ASCII with no whitespace: real mailers do not all follow the grammar.
    /// </summary>
    internal static string ValidateForeign(string? messageId, string paramName)
    {
        ArgumentNullException.ThrowIfNull(messageId, paramName);
        HeaderText.RejectLineBreaks(messageId, paramName);
        if (messageId.Length is < 3 or > MaxLength || messageId[0] != '<' || messageId[^1] != '>')
        {
            throw new ArgumentException($"'{messageId}' is not a bracketed message id.", paramName);
        }

        foreach (var c in messageId.AsSpan(1, messageId.Length - 2))
        {
            if (c is < '!' or > '~' or '<' or '>')
            {
                throw new ArgumentException($"'{messageId}' contains a character not allowed in a message id.", paramName);
            }
        }

        return messageId;
    }
}
