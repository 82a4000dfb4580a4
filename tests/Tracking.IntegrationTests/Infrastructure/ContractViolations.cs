namespace Tracking.IntegrationTests.Infrastructure;

/// <summary>
/// Answers that contradicted the OpenAPI document, for the whole run: each is appended to openapi-violations.log beside
/// the test assembly and fails the test that got it. OPENAPI_VIOLATIONS=collect only logs them, to list them all in one run.
/// </summary>
public static class ContractViolations
{
    public static readonly string LogFile = Path.Combine(AppContext.BaseDirectory, "openapi-violations.log");

    private static readonly Lock Gate = new();
    private static int _count;

    public static int Count => _count;

    public static void Report(IReadOnlyList<string> violations)
    {
        if (violations.Count == 0)
        {
            return;
        }

        lock (Gate)
        {
            _count += violations.Count;
            File.AppendAllLines(LogFile, violations.Select(v => $"{DateTime.UtcNow:O} {v}"));
        }

        if (Environment.GetEnvironmentVariable("OPENAPI_VIOLATIONS") != "collect")
        {
            throw new OpenApiContractViolation(violations);
        }
    }
}

public sealed class OpenApiContractViolation(IReadOnlyList<string> violations)
    : Exception("The answer contradicts /openapi/v1.json:\n" + string.Join("\n", violations));
