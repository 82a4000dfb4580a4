using Microsoft.AspNetCore.Mvc.Rendering;

namespace Tracking.Web.Ui.Errors;

/// <summary>The element id a ModelState key points at: the same id asp-for gives the field ("Input.Rationale" → "Input_Rationale").</summary>
public static class FieldIds
{
    public static string For(string modelStateKey) => TagBuilder.CreateSanitizedId(modelStateKey, "_");

    public static string ErrorMessageFor(string modelStateKey) => For(modelStateKey) + "-error";
}
