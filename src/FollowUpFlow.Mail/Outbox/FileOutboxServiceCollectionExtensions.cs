using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Mail;

public static class FileOutboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FileOutboxTransport"/> as the <see cref="IMailTransport"/> (unless one is
    /// already registered) with its options validated at start-up. Bind the returned builder,
    /// e.g. <c>.BindConfiguration(FileOutboxOptions.SectionName)</c>, or configure it in code.
    /// </summary>
    public static OptionsBuilder<FileOutboxOptions> AddFileOutboxTransport(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FileOutboxOptions>, FileOutboxOptionsValidator>());
        services.TryAddSingleton<IMailTransport, FileOutboxTransport>();
        return services.AddOptions<FileOutboxOptions>().ValidateOnStart();
    }
}
