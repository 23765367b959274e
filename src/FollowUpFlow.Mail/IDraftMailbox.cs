namespace FollowUpFlow.Mail;

/// <summary>
/// A transport whose provider keeps drafts in the candidate's own mailbox (Graph): what waits for approval in
/// FollowUpFlow can wait in the mailbox's Drafts folder too, found again by its Message-ID.
/// </summary>
public interface IDraftMailbox
{
    /// <summary>Creates the mailbox draft with this Message-ID, or updates the one that has it.</summary>
    /// <exception cref="MessageAlreadySentException">A message with this id already left the mailbox: it is no draft any more.</exception>
    Task SaveDraftAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Deletes every draft with this Message-ID (never a sent message); returns how many there were.</summary>
    Task<int> DeleteDraftsAsync(string messageId, CancellationToken cancellationToken);
}
