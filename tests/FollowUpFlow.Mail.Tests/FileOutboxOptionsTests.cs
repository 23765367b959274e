using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.Mail.Tests;

public class FileOutboxOptionsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\0path")]
    public void Validator_refuses_a_missing_or_invalid_folder(string folder) =>
        Assert.True(new FileOutboxOptionsValidator().Validate(null, new FileOutboxOptions { Folder = folder }).Failed);

    [Fact]
    public void Validator_accepts_a_folder() =>
        Assert.True(new FileOutboxOptionsValidator().Validate(null, new FileOutboxOptions { Folder = "outbox" }).Succeeded);

    [Fact]
    public void Registration_adds_the_transport_its_validator_and_a_clock()
    {
        var services = new ServiceCollection();
        services.AddFileOutboxTransport();

        Assert.Contains(services, d => d.ServiceType == typeof(IMailTransport) && d.ImplementationType == typeof(FileOutboxTransport));
        Assert.Contains(services, d => d.ServiceType == typeof(IValidateOptions<FileOutboxOptions>) && d.ImplementationType == typeof(FileOutboxOptionsValidator));
        Assert.Contains(services, d => d.ServiceType == typeof(TimeProvider));
    }

    [Fact]
    public void Registration_keeps_a_transport_registered_earlier()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IMailTransport, FakeTransport>();
        services.AddFileOutboxTransport();

        Assert.Equal(typeof(FakeTransport), Assert.Single(services, d => d.ServiceType == typeof(IMailTransport)).ImplementationType);
    }

    private sealed class FakeTransport : IMailTransport
    {
        public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<SendCheck> CheckSentAsync(string messageId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
