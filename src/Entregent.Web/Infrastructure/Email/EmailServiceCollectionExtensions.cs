using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IEmailSender"/> as chosen by <c>Email:Delivery</c>, with <see cref="EmailOptions"/>
    /// validated on start. <c>Email:PickupDirectory</c> defaults to <c>{Storage:DataPath}/mail</c>.
    /// </summary>
    public static IServiceCollection AddEntregentEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.SectionName))
            .PostConfigure(options => options.PickupDirectory ??= Path.Combine(configuration["Storage:DataPath"] ?? "./data", "mail"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PickupFolderEmailSender>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<IEmailSender>(provider =>
            provider.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery == EmailDelivery.Smtp
                ? provider.GetRequiredService<SmtpEmailSender>()
                : provider.GetRequiredService<PickupFolderEmailSender>());
        return services;
    }
}
