namespace FollowUpFlow.Testing;

/// <summary>Azurite could not be started; the message carries its last output.</summary>
public sealed class AzuriteStartException : Exception
{
    public AzuriteStartException(string message, bool portTaken)
        : base(message)
    {
        PortTaken = portTaken;
    }

    public AzuriteStartException()
    {
    }

    public AzuriteStartException(string message)
        : base(message)
    {
    }

    public AzuriteStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Another process bound one of the chosen ports first; starting again on new ports can succeed.</summary>
    public bool PortTaken { get; }
}
