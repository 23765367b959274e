using System.Globalization;

namespace FollowUpFlow.Inbound.Tests.Fuzz;

/// <summary>How many cases each fuzz test runs: FOLLOWUPFLOW_FUZZ_CASES (the dedicated run, eng/fuzz.sh, sets 100,000), else 2,000.</summary>
internal static class FuzzCases
{
    public const string Variable = "FOLLOWUPFLOW_FUZZ_CASES";
    private const int Default = 2_000;

    public static int Count =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var cases) && cases > 0
            ? cases
            : Default;
}
