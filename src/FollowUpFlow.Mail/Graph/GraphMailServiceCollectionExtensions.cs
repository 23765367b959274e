using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Mail;

public static class GraphMailServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GraphMailTransport"/> (also as the <see cref="IMailTransport"/>, unless one is already registered),
    /// its <see cref="GraphMailClient"/> with the credential the options name, and the options validated at start-up.
    /// Bind the returned builder, e.g. <c>.BindConfiguration(GraphMailOptions.SectionName)</c>, or configure it in code.
    /// </summary>
    public static OptionsBuilder<GraphMailOptions> AddGraphMailTransport(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphMailOptions>, GraphMailOptionsValidator>());

        // The container disposes the client, and with it the HttpClient it owns.
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<GraphMailOptions>>().Value;
            return GraphMailClient.Create(options, GraphCredentialFactory.Create(options));
        });
        services.TryAddSingleton<GraphMailTransport>();
        services.TryAddSingleton<GraphInboxClient>();
        services.TryAddSingleton<IMailTransport>(provider => provider.GetRequiredService<GraphMailTransport>());
        return services.AddOptions<GraphMailOptions>().ValidateOnStart();
    }
}
