using FollowUpFlow.Core.Model;
using FollowUpFlow.Inbound;
using FollowUpFlow.Mail;
using FollowUpFlow.Workflow.Persistence;

namespace FollowUpFlow.Workflow.Inbound;

/// <summary>
/// Finds the sent draft a reply answers by the address it was sent to: with SendGrid every message goes out with a
/// Reply-To of its own (reply+token@the inbound parse domain), and the token is a keyed hash of the message's
/// Message-ID, so a reply names its draft without anything stored for it and nobody can make up a token.
/// </summary>
public sealed class ReplyAddressMatcher(InterviewStore store, ReplyAddresses? addresses)
{
    /// <summary>The sent draft the message replies to, or null when it was not sent to a reply address of ours.</summary>
    public async Task<DraftRecord?> FindAsync(string userId, ParsedEmail email, CancellationToken cancellationToken)
    {
        if (addresses is null)
        {
            return null;
        }

        var tokens = email.Message.To.Concat(email.Message.Cc)
            .Select(recipient => addresses.TryReadToken(recipient.Address, out var token) ? token : null)
            .Where(token => token is not null)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (tokens.Count == 0)
        {
            return null;
        }

        // The candidate's sent drafts are few (a handful per interview): checking each one's token costs one query.
        await foreach (var sent in store.ListDraftsAsync(userId, DraftStatus.Sent, cancellationToken))
        {
            if (sent.Draft.MessageId is { } messageId && tokens.Any(token => addresses.Matches(messageId, token!)))
            {
                return sent;
            }
        }

        return null;
    }
}
