using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Templates;

namespace FollowUpFlow.Core.Workflow;

/// <summary>Writes new drafts from the templates; each one starts Pending.</summary>
internal static class DraftFactory
{
    public static Draft Create(Transition transition, DraftKind kind, Person to, DateTimeOffset? expiresAt = null)
    {
        var values = TemplateValues.For(transition.State, transition.Settings, to);
        var message = DraftComposer.Compose(transition.Settings.Templates.For(kind), values);
        return new Draft(transition.NextDraftId(), kind, to, message.Subject, message.Body, DraftStatus.Pending, transition.Now, expiresAt);
    }

    /// <summary>A draft in the same thread as <paramref name="original"/>: same recipient, "Re:" subject, In-Reply-To set.</summary>
    public static Draft Reply(Transition transition, DraftKind kind, Draft original)
    {
        var values = TemplateValues.For(transition.State, transition.Settings, original.To);
        values[Placeholders.OriginalSubject] = WithoutReplyPrefix(original.Subject);
        var message = DraftComposer.Compose(transition.Settings.Templates.For(kind), values);
        return new Draft(
            transition.NextDraftId(),
            kind,
            original.To,
            message.Subject,
            message.Body,
            DraftStatus.Pending,
            transition.Now,
            InReplyTo: original.MessageId);
    }

    // The template adds its own "Re:"; a subject that already had one must not become "Re: Re:".
    private static string WithoutReplyPrefix(string subject)
    {
        var text = subject.Trim();
        while (text.StartsWith("Re:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[3..].TrimStart();
        }

        return text;
    }
}
