using FollowUpFlow.Mail;
using FollowUpFlow.Workflow.Replies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUpFlow.Workflow.Configuration;

/// <summary>How mail leaves: written to a folder (no account needed), through SendGrid, or from the candidate's own Microsoft 365 mailbox.</summary>
public enum MailTransportKind
{
    File,
    SendGrid,
    Graph,
}

/// <summary>
/// Registers the one transport that FollowUpFlow:Mail:Transport names, with its settings bound and validated at start-up;
/// the others' settings are not read, so an unused provider needs no configuration.
/// </summary>
public static class MailTransportChoice
{
    public const string Section = "FollowUpFlow:Mail";
    public const string TransportKey = Section + ":Transport";
    public const string SendGridSection = SendGridOptions.SectionName;
    public const string GraphSection = GraphMailOptions.SectionName;

    public static MailTransportKind Read(IConfiguration? configuration)
    {
        var value = configuration?[TransportKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return MailTransportKind.File;
        }

        return Enum.TryParse<MailTransportKind>(value.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(value, out _)
            ? kind
            : throw new InvalidOperationException(
                $"{TransportKey} is '{value}'; use one of: {string.Join(", ", Enum.GetNames<MailTransportKind>())} (File writes .eml files to {WorkflowServiceCollectionExtensions.OutboxSection}:Folder).");
    }

    public static void Register(IServiceCollection services, MailTransportKind kind)
    {
        switch (kind)
        {
            case MailTransportKind.SendGrid:
                services.AddSendGridTransport().BindConfiguration(SendGridSection);
                break;
            case MailTransportKind.Graph:
                services.AddGraphMailTransport().BindConfiguration(GraphSection);
                services.AddGraphReplies();
                break;
            default:
                services.AddFileOutboxTransport().BindConfiguration(WorkflowServiceCollectionExtensions.OutboxSection);
                break;
        }
    }
}
