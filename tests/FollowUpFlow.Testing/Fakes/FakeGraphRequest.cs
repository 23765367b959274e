namespace FollowUpFlow.Testing.Fakes;

/// <summary>A request as <see cref="FakeGraphServer"/> received it; <see cref="RawTarget"/> is the path and query as sent, still encoded.</summary>
public sealed record FakeGraphRequest(
    string Method,
    string Path,
    string RawTarget,
    FakeGraphRoute? Route,
    string? Authorization,
    string? ContentType,
    string Body,
    TimeSpan ReceivedAfterStart);
