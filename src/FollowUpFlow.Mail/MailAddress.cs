using FollowUpFlow.Mail.Syntax;

namespace FollowUpFlow.Mail;

/// <summary>
/// A mailbox: an optional display name and an addr-spec. Both are validated on construction,
/// so a value of this type is always safe to put into a header.
/// </summary>
public sealed record MailAddress(string? DisplayName, string Address)
{
    public const int MaxDisplayNameLength = 256;

    public MailAddress(string address)
        : this(null, address)
    {
    }

    /// <summary>The display name, or null when there is none (empty and blank names become null).</summary>
    public string? DisplayName { get; } = ValidateDisplayName(DisplayName);

    public string Address { get; } = AddrSpec.Validate(Address, nameof(Address));

    /// <summary>Human-readable form for diagnostics; the wire form comes from the writer.</summary>
    public override string ToString() => DisplayName is null ? Address : $"{DisplayName} <{Address}>";

    private static string? ValidateDisplayName(string? displayName) =>
        string.IsNullOrWhiteSpace(displayName)
            ? null
            : HeaderText.Validate(displayName, nameof(DisplayName), MaxDisplayNameLength);
}
