using FollowUpFlow.Mail;
using FollowUpFlow.Storage;
using FollowUpFlow.Storage.Tables;
using FollowUpFlow.Workflow.Approvals;
using FollowUpFlow.Workflow.Effects;
using FollowUpFlow.Workflow.Inbound;
using FollowUpFlow.Workflow.Persistence;
using FollowUpFlow.Workflow.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Workflow.Configuration;

public static class WorkflowServiceCollectionExtensions
{
    public const string OutboxSection = FileOutboxOptions.SectionName;

    /// <summary>
    /// Everything the workflow needs: validated options (checked at start-up), storage clients, the store, the due
    /// index, the engine, the scheduler, the mail transport <paramref name="configuration"/> names (the file outbox when it
    /// names none), inbound processing and approval links. <paramref name="configureStorage"/> lets a caller add
    /// pipeline policies (e.g. request counting).
    /// </summary>
    public static IServiceCollection AddFollowUpFlowWorkflow(this IServiceCollection services, IConfiguration? configuration = null, Action<StorageClientOptions>? configureStorage = null)
    {
        services.AddOptions<CandidateOptions>().BindConfiguration(CandidateOptions.Section).ValidateDataAnnotations().Validate(
            o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), $"{CandidateOptions.Section}:TimeZone is not a known IANA time zone.").Validate(
            o => IsMailAddress(o.Email), $"{CandidateOptions.Section}:Email is not an address mail can be sent from.").ValidateOnStart();
        services.AddOptions<TimelineOptions>().BindConfiguration(TimelineOptions.Section).ValidateDataAnnotations().Validate(
            o => new[] { o.ReflectionPromptDelay, o.ThankYouDelay, o.ApprovalReminderDelay, o.ThankYouExpiry, o.StatusCheckInDelay, o.FeedbackNudgeDelay, o.FeedbackCloseDelay }.All(d => d >= TimeSpan.Zero),
            "Timeline delays cannot be negative.").ValidateOnStart();
        services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).Validate(
            o => !string.IsNullOrWhiteSpace(o.ConnectionString) || o.TableEndpoint is not null && o.QueueEndpoint is not null,
            $"Set {StorageOptions.Section}:ConnectionString, or both {StorageOptions.Section}:TableEndpoint and :QueueEndpoint.").ValidateOnStart();
        services.AddOptions<InboundOptions>().BindConfiguration(InboundOptions.Section).ValidateDataAnnotations().Validate(
            o => string.IsNullOrEmpty(o.SendGridSecret) || o.SendGridSecret.Trim().Length >= InboundOptions.MinSecretLength,
            $"{InboundOptions.Section}:SendGridSecret must be at least {InboundOptions.MinSecretLength} characters (or empty to turn the SendGrid webhook off).").ValidateOnStart();
        services.AddOptions<ApprovalLinkOptions>().BindConfiguration(ApprovalLinkOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApprovalLinkOptions>, ApprovalLinkOptionsValidator>();
        MailTransportChoice.Register(services, MailTransportChoice.Read(configuration));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = new StorageClientOptions();
            configureStorage?.Invoke(options);
            return new StorageClientFactory(StorageAccountFactory.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value), options);
        });
        services.AddSingleton(sp => new InterviewStore(TableFor(sp, "Interviews")));
        services.AddSingleton(sp => new DueIndex(TableFor(sp, "Due")));
        services.AddSingleton(sp => sp.GetRequiredService<StorageClientFactory>().GetQueueClient(sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.ResearchQueueName));
        services.AddSingleton(sp => WorkflowSettingsFactory.Create(
            sp.GetRequiredService<IOptions<CandidateOptions>>().Value,
            sp.GetRequiredService<IOptions<TimelineOptions>>().Value));
        services.AddSingleton<EffectExecutor>();
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<Scheduler>();
        services.AddSingleton(sp => new InboundStore(TableFor(sp, "Inbound")));
        services.AddSingleton(sp => new InboundIndex(TableFor(sp, "Inbound")));
        services.TryAddSingleton<IInboundParser, DefaultInboundParser>();
        services.AddSingleton<InterviewMatcher>();
        // Replies find their draft by reply address only when SendGrid sent them (Graph replies come by conversation).
        services.AddSingleton(sp => new ReplyAddressMatcher(sp.GetRequiredService<InterviewStore>(), (sp.GetRequiredService<IMailTransport>() as SendGridTransport)?.ReplyAddresses));
        services.AddSingleton<InboundRouter>();
        services.AddSingleton<InboundProcessor>();
        services.AddSingleton<InboundReviews>();
        // Resolving the signer with no keys configured throws a clear "approval links are off".
        services.AddSingleton<ApprovalLinkSigner>();
        services.AddSingleton(sp => new ApprovalUrls(sp.GetRequiredService<IOptions<ApprovalLinkOptions>>().Value.PublicBaseUrl!));
        services.AddSingleton(sp => new UsedApprovalLinks(TableFor(sp, "UsedApprovalLinks"), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ApprovalDigests>();
        services.AddHostedService<StorageInitializer>();
        return services;
    }

    private static bool IsMailAddress(string address)
    {
        try
        {
            _ = new MailAddress(address);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static TableClient TableFor(IServiceProvider services, string name) =>
        services.GetRequiredService<StorageClientFactory>().GetTableClient(services.GetRequiredService<IOptions<WorkflowOptions>>().Value.TablePrefix + name);
}
