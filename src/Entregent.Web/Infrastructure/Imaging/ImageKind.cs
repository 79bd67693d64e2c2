namespace Entregent.Web.Infrastructure.Imaging;

/// <summary>What an uploaded image is for; decides the sizes produced and whether it is cropped.</summary>
public enum ImageKind
{
    /// <summary>A member's photo: cropped to a centred square, 400 px and a 96 px thumbnail.</summary>
    ProfilePhoto,

    /// <summary>An organisation's logo: fitted (never cropped, so wordmarks keep their ends) in 400 px and 96 px boxes.</summary>
    OrganisationLogo,

    /// <summary>An image in a post: fitted in a 1600 px box and a 400 px box.</summary>
    PostImage,
}

/// <summary>Which of the sizes made for an <see cref="ImageKind"/> an image is.</summary>
public enum ImageVariant
{
    Large,
    Thumbnail,
}
