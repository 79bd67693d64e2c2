namespace Entregent.Web.Infrastructure.Imaging;

public static class ImagingServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ImageProcessor"/> and <see cref="MediaStore"/> with <c>Storage:DataPath</c> validated on start.</summary>
    public static IServiceCollection AddEntregentImaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaStoreOptions>()
            .Bind(configuration.GetSection(MediaStoreOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<MediaStore>();
        return services;
    }
}
