using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracking.ServiceDefaults.Hosting;

namespace Tracking.ServiceDefaults.Messaging;

public static class MessageBus
{
    /// <summary>Lets a service add its consumers before the one bus of the process is built.</summary>
    public static IHostApplicationBuilder AddConsumers(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> register)
    {
        Registrations(builder.Services).Add(register);
        return builder;
    }

    /// <summary>
    /// Builds the process's bus with every consumer the hosted services registered: RabbitMQ in distributed mode,
    /// in memory when everything runs in one process. Endpoints are kebab-case and retried before faulting.
    /// </summary>
    public static IHostApplicationBuilder AddMessageBus(this IHostApplicationBuilder builder)
    {
        var settings = TrackingSettings.From(builder.Configuration);
        var registrations = Registrations(builder.Services);
        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            foreach (var register in registrations)
            {
                register(bus);
            }

            if (settings.Transport == BusTransport.RabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(settings.RabbitMqUri);
                    cfg.UseMessageRetry(r => r.Intervals(50, 100, 250, 500, 1000, 2000, 5000));
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.UseMessageRetry(r => r.Intervals(50, 100, 250, 500, 1000, 2000, 5000));
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        if (settings.Transport == BusTransport.RabbitMq)
        {
            builder.Services.AddSingleton(new BrokerHealthCheck(settings.RabbitMqUri));
            builder.Services.AddHealthChecks().AddCheck<BrokerHealthCheck>("rabbitmq", tags: ["ready"]);
        }

        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            // Without this the readiness check can report "not started" for a bus that is still connecting.
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }

    private static List<Action<IBusRegistrationConfigurator>> Registrations(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(ConsumerRegistrations))?.ImplementationInstance
            is not ConsumerRegistrations existing)
        {
            existing = new ConsumerRegistrations();
            services.AddSingleton(existing);
        }

        return existing.Items;
    }

    private sealed class ConsumerRegistrations
    {
        public List<Action<IBusRegistrationConfigurator>> Items { get; } = [];
    }
}
