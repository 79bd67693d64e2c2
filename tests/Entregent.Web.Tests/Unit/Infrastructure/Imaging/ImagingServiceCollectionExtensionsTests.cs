using Entregent.Web.Infrastructure.Imaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Tests.Unit.Infrastructure.Imaging;

public class ImagingServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData(null, "data")]
    [InlineData("/srv/entregent", "/srv/entregent")]
    public void AddEntregentImaging_DataPath_MediaUnderIt(string? dataPath, string expectedRoot)
    {
        using var services = Build(dataPath);

        var store = services.GetRequiredService<MediaStore>();

        Assert.Equal(Path.Combine(Path.GetFullPath(expectedRoot), "media"), store.Root);
        Assert.NotNull(services.GetRequiredService<ImageProcessor>());
    }

    [Fact]
    public void AddEntregentImaging_EmptyDataPath_FailsValidation()
    {
        using var services = Build(string.Empty);

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MediaStoreOptions>>().Value);
    }

    private static ServiceProvider Build(string? dataPath)
    {
        var settings = new Dictionary<string, string?>();
        if (dataPath is not null)
        {
            settings["Storage:DataPath"] = dataPath;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddEntregentImaging(configuration).BuildServiceProvider();
    }
}
