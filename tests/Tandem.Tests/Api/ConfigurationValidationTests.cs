using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

using Tandem.Api.Hosting;

namespace Tandem.Tests.Api;

/// <summary>A misconfigured feature stops the host before it starts, naming every key that is wrong.</summary>
public sealed class ConfigurationValidationTests
{
    [Fact]
    public async Task Wrong_order_dispatch_push_return_and_packing_settings_stop_the_start_with_the_keys_named()
    {
        var builder = WebApplication.CreateBuilder(
        [
            "--urls", "http://127.0.0.1:0",
            "--Tandem:Orders:ReservationTtl=-00:01:00", "--Tandem:Orders:MaxReservedUnitsPerShopper=0", "--Tandem:Orders:SweepEvery=00:00:00",
            "--Tandem:Orders:SweepBatch=0",
            "--Tandem:Dispatch:OfferTimeout=00:00:00",
            "--Tandem:Push:Subject=operations@tandem.example",
            "--Tandem:Returns:WindowDays=0", "--Tandem:Returns:CategoryWindowDays:toys=400",
            "--Tandem:Returns:ResaleAtRiskAfter=4.00:00:00", "--Tandem:Returns:CouponUplift=2",
            "--Tandem:Returns:PickupWithin=00:00:00",
            "--Tandem:Packing:MinSupport=1.5", "--Tandem:Packing:Boxes:0:Id=S", "--Tandem:Packing:Boxes:0:LengthCm=0",
            "--Tandem:Packing:Boxes:0:WidthCm=10", "--Tandem:Packing:Boxes:0:HeightCm=10", "--Tandem:Packing:Boxes:0:MaxWeightKg=5",
            "--Tandem:Packing:Boxes:1:Id=S", "--Tandem:Packing:Boxes:1:LengthCm=10", "--Tandem:Packing:Boxes:1:WidthCm=10",
            "--Tandem:Packing:Boxes:1:HeightCm=10", "--Tandem:Packing:Boxes:1:MaxWeightKg=0",
            "--Tandem:Experiments:RefreshEvery=00:00:00.010",
            "--Tandem:Kpis:SaveEvery=00:10:00", "--Tandem:Kpis:CensusEvery=00:00:00.500",
            "--Tandem:Auth:DevKeyPath", Path.Combine(Path.GetTempPath(), "tandem-tests", Guid.NewGuid().ToString("N") + ".pem"),
        ]);
        builder.AddTandem();
        await using var app = builder.Build();
        app.MapTandem();

        var refused = await Assert.ThrowsAsync<AggregateException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        var failures = refused.InnerExceptions.Select(e => Assert.IsType<OptionsValidationException>(e)).SelectMany(e => e.Failures).ToList();
        Assert.Equal(
            [
                "Tandem:Orders:ReservationTtl must be positive.",
                "Tandem:Orders:SweepEvery must be positive.",
                "Tandem:Orders:SweepBatch must be 1–100000.",
                "Tandem:Orders:MaxReservedUnitsPerShopper must be at least 1.",
                "Tandem:Dispatch:OfferTimeout must be positive.",
                "Tandem:Push:Subject must be a mailto: or https: address (RFC 8292).",
                "Tandem:Returns:WindowDays must be 1–365.",
                "Tandem:Returns:CategoryWindowDays:toys must be 0–365.",
                "Tandem:Returns:ResaleAtRiskAfter must be positive and less than ResaleWithin.",
                "Tandem:Returns:CouponUplift must be 0–1 (0.10: the coupon is worth 10 % more than the refund).",
                "Tandem:Returns:PickupWithin must be positive.",
                "Tandem:Packing:MinSupport must be 0–1 (0.75: three quarters of each unit's base rests on something).",
                "Tandem:Packing:Boxes:0 needs a length, width and height of more than 0 and at most 1000 cm.",
                "Tandem:Packing:Boxes:1:Id must be given and differ from the other boxes'.",
                "Tandem:Packing:Boxes:1:MaxWeightKg must be positive.",
                "Tandem:Experiments:RefreshEvery must be 100 ms to 5 minutes.",
                "Tandem:Kpis:SaveEvery must be 100 ms to 5 minutes.",
                "Tandem:Kpis:CensusEvery must be 1 second to 1 hour.",
            ],
            failures);
    }
}
