using System.Globalization;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Templates;

namespace FollowUpFlow.Core.Workflow;

/// <summary>Notes to the candidate. They need no approval: they go to the candidate only.</summary>
internal static class Notifications
{
    public static void ReflectionPrompt(Transition transition) =>
        transition.Notify(NotificationKind.ReflectionPrompt, Compose(transition, transition.Settings.Templates.ReflectionPrompt));

    public static void DraftsWaiting(Transition transition, IReadOnlyList<Draft> drafts) =>
        transition.Notify(NotificationKind.DraftsWaiting, ComposeList(transition, transition.Settings.Templates.DraftsWaiting, drafts), drafts.Select(d => d.Id));

    public static void ApprovalReminder(Transition transition, IReadOnlyList<Draft> drafts) =>
        transition.Notify(NotificationKind.ApprovalReminder, ComposeList(transition, transition.Settings.Templates.ApprovalReminder, drafts), drafts.Select(d => d.Id));

    public static void SendFailed(Transition transition, Draft draft)
    {
        var templates = transition.Settings.Templates;
        var template = transition.State.IsClosed ? templates.SendFailedAfterClose : templates.SendFailed;
        transition.Notify(NotificationKind.SendFailed, ComposeAbout(transition, template, draft), [draft.Id]);
    }

    public static void SendUncertain(Transition transition, Draft draft) =>
        transition.Notify(NotificationKind.SendUncertain, ComposeAbout(transition, transition.Settings.Templates.SendUncertain, draft), [draft.Id]);

    private static ComposedMessage ComposeAbout(Transition transition, MessageTemplate template, Draft draft)
    {
        var values = TemplateValues.For(transition.State, transition.Settings, draft.To);
        values[Placeholders.DraftSubject] = draft.Subject;
        values[Placeholders.FailureReason] = draft.FailureReason;
        return DraftComposer.Compose(template, values);
    }

    public static void Information(Transition transition, MessageTemplate template) =>
        transition.Notify(NotificationKind.Information, Compose(transition, template));

    private static ComposedMessage Compose(Transition transition, MessageTemplate template) =>
        DraftComposer.Compose(template, TemplateValues.For(transition.State, transition.Settings));

    private static ComposedMessage ComposeList(Transition transition, MessageTemplate template, IReadOnlyList<Draft> drafts)
    {
        var values = TemplateValues.For(transition.State, transition.Settings);
        values[Placeholders.Count] = drafts.Count.ToString(CultureInfo.InvariantCulture);
        values[Placeholders.Drafts] = string.Join('\n', drafts.Select(Line));
        return DraftComposer.Compose(template, values);
    }

    private static string Line(Draft draft) =>
        $"- {draft.Kind.Label()} to {draft.To.Name} <{draft.To.Email}>: \"{draft.Subject}\" ({draft.Id})";
}
