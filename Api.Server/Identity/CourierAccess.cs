using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;

using Tandem.Api.Http;

namespace Tandem.Api.Identity;

/// <summary>A courier acts only as themself (another courier's id is forbidden); operators act for anyone.</summary>
public static class CourierAccess
{
    /// <summary>Null when the caller may act for <paramref name="courierId"/>, else the 403 to answer.</summary>
    public static ProblemHttpResult? Check(ClaimsPrincipal user, string courierId) =>
        Caller.Of(user) is { IsCourier: true, Subject: var self } && self != courierId
            ? Problems.Forbidden($"Courier {self} cannot act for courier {courierId}.")
            : null;
}
