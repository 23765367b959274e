using FollowUpFlow.Workflow.Configuration;
using Microsoft.Extensions.Options;

namespace FollowUpFlow.App.Hosting;

/// <summary>
/// Whose data a request works on. Standalone serves the one configured candidate; every row is still partitioned by
/// this id, so serving several candidates changes only where the id comes from.
/// </summary>
public sealed class UserContext(IOptions<CandidateOptions> candidate)
{
    public string UserId => candidate.Value.UserId;
}
