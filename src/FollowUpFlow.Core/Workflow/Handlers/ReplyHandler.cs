using FollowUpFlow.Core.Events;
using FollowUpFlow.Core.Model;

namespace FollowUpFlow.Core.Workflow.Handlers;

/// <summary>
/// A reply in the interview's thread: kept, and every pending nudge stops (auto-stop on reply). A reply to the sent
/// feedback request is the feedback, so the interview closes.
/// </summary>
internal static class ReplyHandler
{
    public static Decision Handle(Transition transition, ReplyReceived reply)
    {
        var state = transition.State;
        if (string.IsNullOrWhiteSpace(reply.ReplyId))
        {
            return transition.Refuse("The reply has no id.");
        }

        if (state.IsClosed)
        {
            return transition.Ignore($"The interview is closed ({state.CloseReason}); the reply is kept but changes nothing.");
        }

        if (state.Replies.Any(r => r.Id == reply.ReplyId))
        {
            return transition.Ignore($"Reply {reply.ReplyId} is already recorded.");
        }

        // A mail provider's conversation also holds the candidate's own sent messages; those are not answers.
        if (Recipients.IsCandidate(AddressOf(reply.From), transition.Settings.Candidate))
        {
            return transition.Ignore("The message is from the candidate's own address; it is not a reply.");
        }

        transition.Update(s => s with
        {
            Replies = s.Replies.Add(new ReplySummary(reply.ReplyId, reply.From ?? string.Empty, reply.Subject ?? string.Empty, reply.ReceivedAt)),
        });
        transition.CancelTimers(t => t.Kind is TimerKind.StatusCheckIn or TimerKind.FeedbackNudge);
        transition.WithdrawOpenDrafts(d => d.Kind is DraftKind.StatusCheckIn or DraftKind.FeedbackNudge);
        if (state.Phase == InterviewPhase.AwaitingFeedback)
        {
            transition.Close(CloseReason.FeedbackReceived);
        }

        return transition.Apply();
    }

    /// <summary>"Ana Silva &lt;ana@example.com&gt;" → "ana@example.com"; a bare address stays as it is.</summary>
    private static string? AddressOf(string? from)
    {
        if (string.IsNullOrWhiteSpace(from))
        {
            return null;
        }

        var open = from.LastIndexOf('<');
        var close = from.LastIndexOf('>');
        return open >= 0 && close > open ? from[(open + 1)..close].Trim() : from.Trim();
    }
}
