using Microsoft.AspNetCore.SignalR.Client;

using Tandem.Contracts.Couriers;
using Tandem.Contracts.Hubs;

namespace Tandem.Tests.Infrastructure;

/// <summary>A courier's phone on the courier hub, as tests hold it.</summary>
public static class CourierPhone
{
    /// <summary>Connects <paramref name="phone"/> as <paramref name="courierId"/>; the task completes with the first offer it receives.</summary>
    public static async Task<Task<CourierOffer>> OffersAsync(HubConnection phone, string courierId)
    {
        var offered = new TaskCompletionSource<CourierOffer>(TaskCreationOptions.RunContinuationsAsynchronously);
        phone.On<CourierOffer>(HubContract.Events.Offer, offer => offered.TrySetResult(offer));
        await phone.StartAsync(TestContext.Current.CancellationToken);
        await phone.InvokeAsync(HubContract.Methods.Join, courierId, TestContext.Current.CancellationToken);
        return offered.Task;
    }
}
