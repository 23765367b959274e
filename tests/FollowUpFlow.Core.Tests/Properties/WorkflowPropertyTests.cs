using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Workflow;
using FsCheck;
using FsCheck.Fluent;

namespace FollowUpFlow.Core.Tests.Properties;

/// <summary>Random event sequences (plausible, duplicated and bogus) against the workflow's invariants.</summary>
public sealed class WorkflowPropertyTests
{
    private const int Sequences = 4000;

    [Fact]
    public void Random_event_sequences_keep_every_invariant_and_never_throw() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(Sequences),
            Prop.ForAll(ScenarioGenerators.Scenarios(), (Scenario scenario) => { new ScenarioRunner(scenario).Run(); }));

    /// <summary>Guards against a vacuous generator: the runs must actually reach the interesting parts of the workflow.</summary>
    [Fact]
    public void The_generated_runs_reach_every_phase_and_every_kind_of_result()
    {
        // Enough runs that every rare state shows up every time: with 600, one run in a full test pass reached no feedback nudge.
        var traces = ScenarioGenerators.Sample(2_000).Select(s => new ScenarioRunner(s).Run().Trace).ToList();
        var decisions = traces.SelectMany(t => t).Select(x => x.Decision).ToList();
        var states = decisions.Where(d => d.Kind == DecisionKind.Applied).Select(d => d.State!).ToList();

        Assert.All(Enum.GetValues<DecisionKind>(), kind => Assert.Contains(decisions, d => d.Kind == kind));
        Assert.All(Enum.GetValues<InterviewPhase>(), phase => Assert.Contains(states, s => s.Phase == phase));
        Assert.All(Enum.GetValues<CloseReason>(), reason => Assert.Contains(states, s => s.CloseReason == reason));
        Assert.All(Enum.GetValues<DraftKind>(), kind => Assert.Contains(states, s => s.Drafts.Any(d => d.Kind == kind && d.Status == DraftStatus.Sent)));
        Assert.All(Enum.GetValues<DraftStatus>(), status => Assert.Contains(states, s => s.Drafts.Any(d => d.Status == status)));
        Assert.All(Enum.GetValues<TimerKind>(), kind => Assert.Contains(states, s => s.Timers.Any(t => t.Kind == kind)));
    }
}
