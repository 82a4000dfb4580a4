using Tracking.Server;

var builder = WebApplication.CreateBuilder(args);
if (TokenCommand.IsRequested(args))
{
    return TokenCommand.Run(args, builder.Configuration, builder.Environment.EnvironmentName, Console.Out, Console.Error);
}

builder.AddTrackingServices();

var app = builder.Build();
app.MapTrackingServices();
app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
