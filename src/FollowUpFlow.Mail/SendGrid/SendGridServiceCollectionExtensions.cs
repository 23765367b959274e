using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Mail;

public static class SendGridServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SendGridTransport"/> as the <see cref="IMailTransport"/> (unless one is already
    /// registered), its named <see cref="HttpClient"/> and its options, validated at start-up. Bind the returned
    /// builder, e.g. <c>.BindConfiguration(SendGridOptions.SectionName)</c>, or configure it in code.
    /// </summary>
    public static OptionsBuilder<SendGridOptions> AddSendGridTransport(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SendGridOptions>, SendGridOptionsValidator>());
        services.AddHttpClient(SendGridTransport.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A redirected POST would become a GET or go to a host that should not see the key.
                AllowAutoRedirect = false,
            })

            // The factory's request logging never shows a header value: the Authorization header carries the key.
            .RedactLoggedHeaders(_ => true);
        services.TryAddSingleton<IMailTransport, SendGridTransport>();
        return services.AddOptions<SendGridOptions>().ValidateOnStart();
    }
}
