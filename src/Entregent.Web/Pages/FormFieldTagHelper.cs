using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages;

/// <summary>
/// One labelled form field: label, hint, the errors reported for it and the control, tied together with
/// <c>aria-describedby</c> and <c>aria-invalid</c> so a screen reader announces the error with the field. The value
/// shown is what the person typed (ModelState's attempted value) before the model's, so a refused save loses nothing.
/// </summary>
/// <example><c>&lt;form-field for="Input.Title" label="@T["Title"]" required="true" /&gt;</c></example>
[HtmlTargetElement("form-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";

    public string? Hint { get; set; }

    /// <summary>An input type (text, email, url, tel, password, month, number, file), or <c>textarea</c> or <c>select</c>.</summary>
    public string Type { get; set; } = "text";

    public int Rows { get; set; } = 5;

    public string? Autocomplete { get; set; }

    public bool Required { get; set; }

    public int? Maxlength { get; set; }

    public string? Inputmode { get; set; }

    /// <summary>Passwords are not written back into the page unless asked.</summary>
    public bool KeepValue { get; set; } = true;

    /// <summary>The choices of a <c>select</c>.</summary>
    public IEnumerable<SelectListItem>? Items { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = For.Name;
        var id = FieldId(name);
        var modelState = ViewContext.ViewData.ModelState;
        var errors = modelState.TryGetValue(name, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).ToList()
            : [];
        var value = entry?.AttemptedValue ?? Convert.ToString(For.Model, CultureInfo.InvariantCulture);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "field field-invalid" : "field");

        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Label);
        if (!Required)
        {
            label.InnerHtml.AppendHtml(" <span class=\"optional\">");
            label.InnerHtml.Append(t["(optional)"]);
            label.InnerHtml.AppendHtml("</span>");
        }
        output.Content.AppendHtml(label);

        var describedBy = new List<string>();
        if (!string.IsNullOrEmpty(Hint))
        {
            var hint = new TagBuilder("p");
            hint.AddCssClass("hint");
            hint.Attributes["id"] = id + "-hint";
            hint.InnerHtml.Append(Hint);
            output.Content.AppendHtml(hint);
            describedBy.Add(id + "-hint");
        }
        if (errors.Count > 0)
        {
            var error = new TagBuilder("p");
            error.AddCssClass("error-message");
            error.Attributes["id"] = id + "-error";
            foreach (var message in errors)
            {
                var line = new TagBuilder("span");
                line.InnerHtml.AppendHtml("<span class=\"visually-hidden\">");
                line.InnerHtml.Append(t["Error:"]);
                line.InnerHtml.AppendHtml("</span> ");
                line.InnerHtml.Append(message);
                error.InnerHtml.AppendHtml(line);
            }
            output.Content.AppendHtml(error);
            describedBy.Add(id + "-error");
        }

        var control = Type switch
        {
            "textarea" => new TagBuilder("textarea"),
            "select" => new TagBuilder("select"),
            _ => new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing },
        };
        control.Attributes["id"] = id;
        control.Attributes["name"] = name;
        if (Type == "textarea")
        {
            control.Attributes["rows"] = Rows.ToString(CultureInfo.InvariantCulture);
            // A leading newline is swallowed by the HTML parser; keep the text exactly as typed.
            control.InnerHtml.AppendHtml("\n");
            control.InnerHtml.Append(value ?? "");
        }
        else if (Type == "select")
        {
            foreach (var item in Items ?? [])
            {
                var option = new TagBuilder("option");
                option.Attributes["value"] = item.Value;
                if (string.Equals(item.Value, value, StringComparison.Ordinal))
                {
                    option.Attributes["selected"] = "selected";
                }
                option.InnerHtml.Append(item.Text);
                control.InnerHtml.AppendHtml(option);
            }
        }
        else
        {
            control.Attributes["type"] = Type;
            if (Type != "file" && (Type != "password" || KeepValue) && !string.IsNullOrEmpty(value))
            {
                control.Attributes["value"] = value;
            }
        }
        if (Required)
        {
            control.Attributes["required"] = "required";
        }
        if (Maxlength is { } max)
        {
            control.Attributes["maxlength"] = max.ToString(CultureInfo.InvariantCulture);
        }
        if (!string.IsNullOrEmpty(Autocomplete))
        {
            control.Attributes["autocomplete"] = Autocomplete;
        }
        if (!string.IsNullOrEmpty(Inputmode))
        {
            control.Attributes["inputmode"] = Inputmode;
        }
        if (describedBy.Count > 0)
        {
            control.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        }
        if (errors.Count > 0)
        {
            control.Attributes["aria-invalid"] = "true";
        }
        output.Content.AppendHtml(control);
    }

    /// <summary>The id of the control for a field name, as the error summary links to it.</summary>
    public static string FieldId(string name) => TagBuilder.CreateSanitizedId(name, "_");
}
