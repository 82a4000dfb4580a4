using Tracking.Server;

var builder = WebApplication.CreateBuilder(args);
builder.AddTrackingServices();

var app = builder.Build();
app.MapTrackingServices();
app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
