using System.Collections.Immutable;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>One entry of an address list as written: a mailbox, or a named group of mailboxes.</summary>
internal abstract record AddressListItem;

internal sealed record MailboxItem(MailboxAddress Mailbox) : AddressListItem;

internal sealed record GroupItem(string Name, ImmutableArray<MailboxAddress> Members) : AddressListItem;
