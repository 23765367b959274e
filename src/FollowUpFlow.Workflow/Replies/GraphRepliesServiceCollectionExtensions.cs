using FollowUpFlow.Storage;
using FollowUpFlow.Workflow.Configuration;
using FollowUpFlow.Workflow.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Workflow.Replies;

public static class GraphRepliesServiceCollectionExtensions
{
    /// <summary>Reply tracking for the Graph transport: its validated options, the subscription row, the watcher on the tick, the notification receiver.</summary>
    public static IServiceCollection AddGraphReplies(this IServiceCollection services)
    {
        services.AddOptions<GraphReplyOptions>().BindConfiguration(GraphReplyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphReplyOptions>, GraphReplyOptionsValidator>();
        services.AddSingleton(sp => new GraphSubscriptionStore(sp.GetRequiredService<StorageClientFactory>().GetTableClient(
            sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.TablePrefix + "Inbound")));
        services.AddSingleton<GraphReplyRecorder>();
        services.AddSingleton<GraphReplyWatcher>();
        services.AddSingleton<ITickWork>(sp => sp.GetRequiredService<GraphReplyWatcher>());
        services.AddSingleton<GraphNotificationReceiver>();
        return services;
    }
}
