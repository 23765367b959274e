namespace FollowUpFlow.Core.Templates;

/// <summary>
/// The built-in wording. Drafts are short, warm and specific to the interview, and never grovel: the candidate is a
/// professional following up, not asking for a favour they do not deserve.
/// </summary>
internal static class DefaultTemplates
{
    public static readonly MessageTemplate ThankYou = new(
        "Thank you for the {{role}} interview",
        """
        Hi {{interviewerFirstName}},

        Thank you for taking the time to speak with me on {{interviewDate}} about the {{role}} role at {{company}}. I enjoyed our conversation and came away even more interested in the work your team is doing.

        If it would help to go deeper on anything we discussed, I'd be glad to follow up.

        Best regards,
        {{signature}}
        """);

    public static readonly MessageTemplate StatusCheckIn = new(
        "{{role}} at {{company}}: checking in",
        """
        Hi {{recruiterFirstName}},

        I hope your week is going well. I interviewed for the {{role}} role on {{interviewDate}} and wanted to ask whether there is an update on the next steps or the timeline.

        I'm still very interested in the position and happy to send anything else that would help.

        Best regards,
        {{signature}}
        """);

    public static readonly MessageTemplate FeedbackRequest = new(
        "Feedback on my {{role}} interview",
        """
        Hi {{recipientFirstName}},

        Thank you for letting me know, and for the time you and the team gave me during the process for the {{role}} role at {{company}}.

        If you can spare a moment, I would really value one or two concrete points on where I could have been stronger, whether in my preparation, my answers or the experience you were looking for. Even a short reply would help me prepare better for the next one.

        Thanks again, and all the best to the team.

        Best regards,
        {{signature}}
        """);

    // Two sentences: a nudge that is longer than the request it follows up is a burden, not a reminder.
    public static readonly MessageTemplate FeedbackNudge = new(
        "Re: {{originalSubject}}",
        """
        Hi {{recipientFirstName}},

        I wanted to follow up on my note about the {{role}} interview in case it got buried; even one or two brief points would be genuinely helpful. If you can't share anything, no problem at all, and thank you either way.

        Best regards,
        {{signature}}
        """);

    public static readonly MessageTemplate ReflectionPrompt = new(
        "How did the {{role}} interview at {{company}} go?",
        """
        Hi {{candidateFirstName}},

        While it is still fresh, take five minutes to note down:
        - what went well, and what you would say the same way again;
        - which questions stumped you, and how you would answer them now;
        - anything you learned about the team or the role.

        A few lines now make the next interview easier, and help make sense of any feedback later.
        """);

    public static readonly MessageTemplate DraftsWaiting = new(
        "To approve: {{count}} draft(s) for {{company}}",
        """
        Hi {{candidateFirstName}},

        These drafts for your {{role}} interview at {{company}} are waiting for you:

        {{drafts}}

        Approve, edit or skip each one in FollowUpFlow. Nothing is sent until you approve it.
        """);

    public static readonly MessageTemplate ApprovalReminder = new(
        "Reminder: {{count}} draft(s) for {{company}} still waiting",
        """
        Hi {{candidateFirstName}},

        These drafts for your {{role}} interview at {{company}} are still waiting for your approval:

        {{drafts}}

        A thank-you note is worth most while the interview is fresh, so unapproved thank-you notes expire. Skip any you would rather not send.
        """);

    public static readonly MessageTemplate SendFailed = new(
        "Not sent: {{draftSubject}}",
        """
        Hi {{candidateFirstName}},

        Your email to {{recipientName}} about the {{role}} role at {{company}} could not be sent:

        {{failureReason}}

        You can approve it again to retry (after fixing the address, if that was the problem), or skip it.
        """);

    public static readonly MessageTemplate SendUncertain = new(
        "Was it sent? {{draftSubject}}",
        """
        Hi {{candidateFirstName}},

        Sending your email to {{recipientName}} about the {{role}} role at {{company}} was interrupted, and the mail service cannot tell whether it left:

        {{failureReason}}

        Please look in your sent mail. If it is there, mark it as sent; if not, approve it again to send it. It will not be sent again on its own, so nobody gets it twice.
        """);

    public static readonly MessageTemplate SendFailedAfterClose = new(
        "Not sent: {{draftSubject}}",
        """
        Hi {{candidateFirstName}},

        Your email to {{recipientName}} about the {{role}} role at {{company}} could not be sent:

        {{failureReason}}

        The interview has been closed since, so it will not be retried.
        """);

    public static readonly MessageTemplate NoThankYouRecipients = new(
        "No thank-you drafts for {{company}}",
        """
        Hi {{candidateFirstName}},

        None of your interviewers for the {{role}} role at {{company}} on {{interviewDate}} has a known email address, so no thank-you drafts were written. If you have a way to reach them, a short personal note is still worth sending.
        """);

    public static readonly MessageTemplate NoStatusCheckInRecipient = new(
        "No news from {{company}} yet",
        """
        Hi {{candidateFirstName}},

        It has been a while since your {{role}} interview at {{company}} on {{interviewDate}} and no outcome is recorded yet. A short check-in would be due now, but there is no recruiter address to send it to. If you know who to ask, it is worth a brief note.
        """);

    public static readonly MessageTemplate NoFeedbackContact = new(
        "{{company}}: no one to ask for feedback",
        """
        Hi {{candidateFirstName}},

        Sorry the {{role}} role at {{company}} did not work out. There is no recruiter or interviewer address to ask for feedback, so the interview is closed without a feedback request. The research on who got the role is queued.
        """);
}
