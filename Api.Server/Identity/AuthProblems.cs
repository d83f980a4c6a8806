using System.Text.RegularExpressions;
namespace Tandem.Api.Identity;

/// <summary>Says in the ProblemDetails body why a request was refused a 401 or 403.</summary>
public static partial class AuthProblems
{
    public static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null)
        {
            return;
        }

        var response = context.HttpContext.Response;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status401Unauthorized => "A valid bearer token is required"
                + (Reason(response.Headers.WWWAuthenticate.ToString()) is { } reason ? ": " + reason : "."),
            StatusCodes.Status403Forbidden => "The token's role may not do this.",
            _ => null,
        };
    }

    private static string? Reason(string challenge)
    {
        var description = Description().Match(challenge);
        if (description.Success)
        {
            return description.Groups[1].Value;
        }

        return challenge.Contains("error=\"invalid_token\"", StringComparison.Ordinal) ? "the token is invalid" : null;
    }

    [GeneratedRegex("error_description=\"([^\"]*)\"")]
    private static partial Regex Description();
}
