using Entregent.Web.Features.Profiles;

namespace Entregent.Web.Pages;

/// <summary>
/// What <c>_Profile.cshtml</c> shows: a profile as the viewer may see it, plus the owner's own view when the viewer is
/// the owner, or the network state and actions (<paramref name="Viewer"/>) when another member looks.
/// </summary>
public sealed record ProfilePageView(MemberView Profile, MyProfileView? Owner, Members.ProfileModel? Viewer = null);
