using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Tracking.Mail;

public static class MailSetup
{
    /// <summary>IMailSender for any service that sends mail; registering twice is harmless.</summary>
    public static IHostApplicationBuilder AddTrackingMail(this IHostApplicationBuilder builder)
    {
        var settings = MailSettings.Read(builder.Configuration);
        builder.Services.TryAddSingleton(settings);
        builder.Services.TryAddSingleton(new LocalMailbox(settings.MailboxFolder));
        if (settings.SmtpHost is null)
        {
            builder.Services.TryAddSingleton<IMailSender, LocalMailboxSender>();
        }
        else
        {
            builder.Services.TryAddSingleton<IMailSender, SmtpMailSender>();
        }

        return builder;
    }
}
