using Entregent.Web.Features.Profiles;

namespace Entregent.Web.Pages.MyProfile;

/// <summary>The position form, shared by the new and edit pages. Months come from &lt;input type="month"&gt; as "2019-03".</summary>
public sealed class PositionInput
{
    public string? Organization { get; set; }
    public string? Title { get; set; }
    public string? Location { get; set; }
    public string? Description { get; set; }
    public string? StartMonth { get; set; }
    public string? EndMonth { get; set; }

    /// <summary>"I work here now": the end month is ignored.</summary>
    public bool Current { get; set; }

    /// <summary>"Tell my connections": announce this position (and its anniversaries) as career news.</summary>
    public bool ShareAsNews { get; set; }

    public ManagePositions.Request ToRequest() =>
        new(Organization, Title, Location, Description, StartMonth, Current ? null : EndMonth, ShareAsNews);

    public static PositionInput From(PositionView position) => new()
    {
        Organization = position.Organization.Name,
        Title = position.Title,
        Location = position.Location,
        Description = position.Description,
        StartMonth = position.StartMonth,
        EndMonth = position.EndMonth,
        Current = position.Current,
        ShareAsNews = position.SharedAsNews,
    };
}

/// <summary>The education form, shared by the new and edit pages. Years are typed as text and parsed here.</summary>
public sealed class EducationInput
{
    public string? School { get; set; }
    public string? Degree { get; set; }
    public string? Field { get; set; }
    public string? StartYear { get; set; }
    public string? EndYear { get; set; }

    public static EducationInput From(EducationView entry) => new()
    {
        School = entry.School.Name,
        Degree = entry.Degree,
        Field = entry.Field,
        StartYear = entry.StartYear?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        EndYear = entry.EndYear?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>What the new- and edit-position pages share, so one partial renders both forms.</summary>
public abstract class PositionPageModel : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty]
    public PositionInput Input { get; set; } = new();
}

/// <summary>What the new- and edit-education pages share, so one partial renders both forms.</summary>
public abstract class EducationPageModel : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty]
    public EducationInput Input { get; set; } = new();

    /// <summary>Years typed as text; a year that is not a number is reported here, the rest by the use case.</summary>
    protected Features.Profiles.ManageEducation.Request? ToRequest(Microsoft.Extensions.Localization.IStringLocalizer t)
    {
        var start = ParseYear(Input.StartYear, "Input.StartYear", t);
        var end = ParseYear(Input.EndYear, "Input.EndYear", t);
        return ModelState.ErrorCount > 0 ? null : new(Input.School, Input.Degree, Input.Field, start, end);
    }

    private int? ParseYear(string? text, string key, Microsoft.Extensions.Localization.IStringLocalizer t)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            return year;
        }
        ModelState.AddModelError(key, t["Enter a year with four digits, e.g. 2015."]);
        return null;
    }
}
