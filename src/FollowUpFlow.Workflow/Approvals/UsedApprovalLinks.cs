using FollowUpFlow.Storage;
using FollowUpFlow.Storage.Tables;

namespace FollowUpFlow.Workflow.Approvals;

/// <summary>
/// Makes approval links work once: a link's first use inserts a row (partition = user, row = nonce), and the
/// service's refusal of a second insert with the same key is what says "already used", atomically, however many
/// clicks race. Rows also record what the link was for and when it was used, for the audit.
/// </summary>
public sealed class UsedApprovalLinks(TableClient table, TimeProvider time)
{
    public TableClient Table => table;

    /// <summary>Whether the link was used already (one point read); only <see cref="MarkUsedAsync"/> decides a use.</summary>
    public async Task<bool> WasUsedAsync(ApprovalLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        return await table.GetEntityIfExistsAsync(link.UserId, link.Nonce, ["UsedAt"], cancellationToken) is not null;
    }

    public async Task<ApprovalLinkUse> MarkUsedAsync(ApprovalLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        // Tells our own insert apart from someone else's when the pipeline retries an insert whose answer was lost.
        var attempt = Guid.NewGuid().ToString("N");
        var row = new TableEntity(link.UserId, link.Nonce)
        {
            ["InterviewId"] = link.InterviewId,
            ["DraftId"] = link.DraftId,
            ["Action"] = link.Action.ToString(),
            ["ExpiresAt"] = link.ExpiresAt,
            ["UsedAt"] = time.GetUtcNow(),
            ["Attempt"] = attempt,
        };
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            return ApprovalLinkUse.FirstUse;
        }
        catch (StorageRequestException e) when (e.Kind == StorageErrorKind.Conflict)
        {
            var stored = await table.GetEntityIfExistsAsync(link.UserId, link.Nonce, ["Attempt"], cancellationToken);
            return stored?.GetString("Attempt") == attempt ? ApprovalLinkUse.FirstUse : ApprovalLinkUse.AlreadyUsed;
        }
    }
}
