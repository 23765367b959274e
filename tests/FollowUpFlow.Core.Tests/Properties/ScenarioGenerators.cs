using System.Collections.Immutable;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Core.Tests.Support;
using FollowUpFlow.Core.Workflow;
using FsCheck;
using FsCheck.Fluent;
using Outcome = FollowUpFlow.Core.Model.Outcome;
using TestData = FollowUpFlow.Core.Tests.Support.TestData;

namespace FollowUpFlow.Core.Tests.Properties;

/// <summary>Plausible interviews, settings and event sequences, with a healthy share of nonsense mixed in.</summary>
internal static class ScenarioGenerators
{
    // Zones with DST in either direction, half-hour and 45-minute offsets, and a 30-minute DST shift (Lord Howe).
    public static readonly string[] Zones =
        ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns", "UTC"];

    private static readonly Person[] PanelPool =
    [
        TestData.Ana,
        TestData.Ben,
        new("Ana S.", " ANA@acme.example"),
        new("Lee Chan", null),
        new("Kim Wu", " "),
        new("Sam (me)", "SAM@candidate.example"),
        new("", "noname@acme.example"),
    ];

    private static readonly Person?[] RecruiterPool =
        [TestData.Rita, TestData.Rita, null, new("Rita Gomez", null), new("Sam", "sam@candidate.example"), TestData.Ana];

    public static Arbitrary<Scenario> Scenarios() => Arb.From(Scenario(), Shrink);

    public static Gen<Scenario> Scenario() =>
        from details in Details()
        from settings in Settings()
        from hoursBefore in Gen.Choose(-48, 24 * 5)
        from steps in Gen.ListOf(Step())
        select new Scenario("iv1", details, settings, details.Start.AddHours(-hoursBefore), steps);

    public static Gen<Step> Step() => Gen.Frequency([
        (8, Gen.Constant<Step>(new FireNextDue())),
        (3, Gen.Choose(1, 60 * 24 * 4).Select(m => (Step)new Wait(m))),
        (3, from pick in Gen.Choose(0, 20)
            from mutation in Gen.Elements(Enum.GetValues<TimerMutation>())
            from kind in Gen.Elements(Enum.GetValues<TimerKind>())
            select (Step)new FireTimer(pick, mutation, kind)),
        (6, from pick in Gen.Choose(0, 20)
            from unknown in Rarely()
            from edit in Gen.Frequency([(6, Gen.Constant(Edit.None)), (1, Gen.Elements(Enum.GetValues<Edit>()))])
            select (Step)new Approve(pick, unknown, edit)),
        (2, from pick in Gen.Choose(0, 20) from unknown in Rarely() select (Step)new Reject(pick, unknown)),
        (1, from pick in Gen.Choose(0, 20)
            from unknown in Rarely()
            from edit in Gen.Elements(Enum.GetValues<Edit>())
            select (Step)new Revise(pick, unknown, edit)),
        (5, from pick in Gen.Choose(0, 20) from unknown in Rarely() select (Step)new Succeed(pick, unknown)),
        (2, from pick in Gen.Choose(0, 20) from unknown in Rarely() select (Step)new Fail(pick, unknown)),
        (1, from pick in Gen.Choose(0, 20) from unknown in Rarely() select (Step)new Interrupt(pick, unknown)),
        (1, from pick in Gen.Choose(0, 20) from unknown in Rarely() select (Step)new MarkSent(pick, unknown)),
        (2, from outcome in Gen.Frequency([(4, Gen.Constant(Outcome.Rejected)), (3, Gen.Elements(Enum.GetValues<Outcome>()))])
            from successor in Rarely()
            select (Step)new Decide(outcome, successor)),
        (2, from id in Gen.Choose(0, 3) from sender in Gen.Choose(0, 3) select (Step)new Reply(id, sender)),
        (1, from shift in Gen.Choose(-72, 24 * 10)
            from length in Gen.Frequency([(8, Gen.Choose(15, 180)), (1, Gen.Choose(-60, 0))])
            from zone in Gen.Frequency([(6, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2))])
            select (Step)new Reschedule(shift, length, zone)),
        (1, Gen.Constant<Step>(new Cancel())),
        (1, Gen.Constant<Step>(new Confirm())),
        (2, Gen.Choose(0, 1000).Select(pick => (Step)new Repeat(pick)))]);

    private static Gen<InterviewDetails> Details() =>
        from zone in Gen.Elements(Zones)
        from day in Gen.Choose(0, 364)
        from minuteOfDay in Gen.Choose(0, 24 * 4 - 1)
        from length in Gen.Frequency([(12, Gen.Choose(15, 240)), (1, Gen.Choose(-30, 0))])
        from badZone in Gen.Frequency([(25, Gen.Constant(false)), (1, Gen.Constant(true))])
        from panel in Gen.ArrayOf(Gen.Elements(PanelPool))
        from recruiter in Gen.Elements(RecruiterPool)
        let start = Local(zone, new DateTime(2026, 1, 1).AddDays(day).AddMinutes(minuteOfDay * 15))
        select new InterviewDetails("Acme", "Platform Engineer", start, start.AddMinutes(length), badZone ? "Mars/Base" : zone, [.. panel.Take(4)], recruiter);

    private static Gen<WorkflowSettings> Settings() => Gen.Frequency([
        (4, Gen.Constant(TestData.Settings)),
        (2, from reflection in Delay()
            from thanks in Delay()
            from reminder in Delay()
            from expiry in Delay()
            from checkIn in Delay()
            from nudge in Delay()
            from close in Delay()
            from nightStart in Gen.Choose(0, 24)
            from nightEnd in Gen.Choose(0, 24)
            from morning in Gen.Choose(0, 23)
            select TestData.Settings with
            {
                ReflectionPromptDelay = reflection,
                ThankYouDelay = thanks,
                ApprovalReminderDelay = reminder,
                ThankYouExpiry = expiry,
                StatusCheckInDelay = checkIn,
                FeedbackNudgeDelay = nudge,
                FeedbackCloseDelay = close,
                NightStartHour = nightStart,
                NightEndHour = nightEnd,
                MorningHour = morning,
            })]);

    // Whole days (calendar arithmetic), odd durations, and zero.
    private static Gen<TimeSpan> Delay() => Gen.Frequency([
        (3, Gen.Choose(1, 10).Select(d => TimeSpan.FromDays(d))),
        (3, Gen.Choose(1, 60 * 50).Select(m => TimeSpan.FromMinutes(m))),
        (1, Gen.Constant(TimeSpan.Zero))]);

    private static Gen<bool> Rarely() => Gen.Frequency([(9, Gen.Constant(false)), (1, Gen.Constant(true))]);

    private static DateTimeOffset Local(string zone, DateTime wall) =>
        Workflow.Timing.Timeline.AtLocal(wall, TimeZoneInfo.FindSystemTimeZoneById(zone));

    /// <summary>Shorter runs first: drop the second half, then single steps.</summary>
    private static IEnumerable<Scenario> Shrink(Scenario scenario)
    {
        var steps = scenario.Steps;
        if (steps.Count > 1)
        {
            yield return scenario with { Steps = steps.Take(steps.Count / 2).ToList() };
        }

        for (var i = steps.Count - 1; i >= 0; i--)
        {
            yield return scenario with { Steps = steps.Where((_, index) => index != i).ToList() };
        }
    }

    public static ImmutableArray<Scenario> Sample(int count) => [.. Scenario().Sample(count)];
}
