using System.Collections.Concurrent;
using Azure.Core;

namespace FollowUpFlow.Testing.Fakes;

/// <summary>Hands out one fixed token and remembers the scopes asked for: sign-in is not what these tests are about.</summary>
public sealed class FixedTokenCredential(string token) : TokenCredential
{
    public ConcurrentQueue<string[]> RequestedScopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        RequestedScopes.Enqueue(requestContext.Scopes);
        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
