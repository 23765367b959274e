namespace FollowUpFlow.Workflow.Inbound;

/// <summary>How a payload arrived.</summary>
public enum InboundSource
{
    /// <summary>A SendGrid Inbound Parse post whose form could not be read far enough to tell its mode.</summary>
    SendGrid,

    /// <summary>SendGrid's default mode: the message split into form fields, rebuilt here.</summary>
    SendGridParsed,

    /// <summary>SendGrid's "Send Raw" mode: the whole message in the "email" field.</summary>
    SendGridRaw,

    /// <summary>POST /api/inbound/raw with a message/rfc822 body.</summary>
    Raw,

    /// <summary>Given to the command-line tool.</summary>
    Cli,

    /// <summary>A Microsoft Graph change or lifecycle notification about the candidate's Inbox.</summary>
    GraphNotification,
}

/// <summary>The names sources are stored and shown under.</summary>
public static class InboundSources
{
    public static string Name(this InboundSource source) => source switch
    {
        InboundSource.SendGrid => "sendgrid",
        InboundSource.SendGridParsed => "sendgrid-parsed",
        InboundSource.SendGridRaw => "sendgrid-raw",
        InboundSource.Raw => "raw",
        InboundSource.Cli => "cli",
        InboundSource.GraphNotification => "graph-notification",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown inbound source."),
    };
}
