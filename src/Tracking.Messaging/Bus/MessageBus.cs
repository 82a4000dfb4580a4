using MassTransit;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracking.Messaging.Outbox;
using Tracking.Messaging.Topology;
using Tracking.ServiceDefaults.Hosting;

namespace Tracking.Messaging.Bus;

public static class MessageBus
{
    /// <summary>
    /// A hosted service's messaging: its queue's consumers join the process's bus, and its outbox is relayed.
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging<TContext>(this IHostApplicationBuilder builder, ServiceQueue queue)
        where TContext : MessagingDbContext
    {
        HostedQueues(builder.Services).Add(queue);
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.Services.AddSingleton<OutboxSignal<TContext>>();
        builder.Services.AddKeyedSingleton<IInterceptor>(typeof(TContext), (sp, _) => sp.GetRequiredService<OutboxSignal<TContext>>());
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.AddSingleton<OutboxArchive<TContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxArchive<TContext>>());
        return builder;
    }

    /// <summary>
    /// Builds the process's bus with the consumers of the queues it hosts: RabbitMQ in distributed mode, in memory
    /// when everything runs in one process. On RabbitMQ every queue of the topology is declared first, hosted or not.
    /// </summary>
    public static IHostApplicationBuilder AddMessageBus(this IHostApplicationBuilder builder, MessagingTopology topology)
    {
        var settings = TrackingSettings.From(builder.Configuration);
        var hosted = HostedQueues(builder.Services);
        builder.Services.AddSingleton(topology);
        builder.Services.AddSingleton<BrokerTopology>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            foreach (var queue in hosted)
            {
                queue.AddConsumersTo(bus);
            }

            if (settings.Transport == BusTransport.RabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(settings.RabbitMqUri);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        if (settings.Transport == BusTransport.RabbitMq)
        {
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<DeployBrokerTopology>(sp, settings.RabbitMqUri));
            builder.Services.AddSingleton(new BrokerHealthCheck(settings.RabbitMqUri));
            builder.Services.AddHealthChecks().AddCheck<BrokerHealthCheck>("rabbitmq", tags: ["ready"]);
        }
        else
        {
            // One process, one in-memory bus: every consumer is configured on it before anything can publish.
            builder.Services.AddHostedService<InMemoryTopology>();
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

    private static List<ServiceQueue> HostedQueues(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(HostedServiceQueues))?.ImplementationInstance
            is not HostedServiceQueues existing)
        {
            existing = new HostedServiceQueues();
            services.AddSingleton(existing);
        }

        return existing.Items;
    }

    private sealed class HostedServiceQueues
    {
        public List<ServiceQueue> Items { get; } = [];
    }

    private sealed class InMemoryTopology(BrokerTopology topology) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            topology.MarkDeployed();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
