namespace Tracking.Contracts;

/// <summary>One rated standard of the inspection framework, e.g. "2.1" Assessment: "RequiresImprovement".</summary>
public sealed record StandardRating(string Code, string Name, string Rating);
