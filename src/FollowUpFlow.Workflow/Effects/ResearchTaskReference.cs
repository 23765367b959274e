namespace FollowUpFlow.Workflow.Effects;

/// <summary>The research queue's message: which stored task to work on (<see cref="Persistence.InterviewStore.GetResearchTaskAsync"/>).</summary>
public sealed record ResearchTaskReference(string TaskId, string UserId, string InterviewId);
