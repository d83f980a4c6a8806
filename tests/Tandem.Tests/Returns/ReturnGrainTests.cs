using Tandem.Contracts.Returns;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Grains.Interfaces.Returns;
using Tandem.Grains.Returns;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Returns;

/// <summary>
/// A return request: its pre-check decides at once, the order holds the units it may take back, ops decide what is in
/// review, and a claim left unfinished by a failed write is finished by the sweeper.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class ReturnGrainTests(GrainClusterFixture fixture)
{
    private const string Shopper = "Test"; // the test orders' shopper (their session is hers)

    private IGrainFactory Grains => fixture.Grains;

    private Task<(string Sku, IOrderGrain Order)> CollectedAsync(int quantity) => TestOrders.CollectedAsync(Grains, quantity);

    private static ReturnRequest Request(IOrderGrain order, string sku, int quantity, ReturnReason reason = ReturnReason.WrongSize) => new()
    {
        ShopperId = Shopper,
        OrderId = order.GetPrimaryKeyString(),
        Sku = sku,
        Quantity = quantity,
        Reason = reason,
        Condition = ItemCondition.OpenedUnused,
        TagsAttached = true,
        PhotoType = "image/jpeg",
        Photo = TestData.TagPhoto,
    };

    [Fact]
    public async Task A_qualifying_request_is_approved_holds_its_units_and_answers_a_retry_unchanged()
    {
        var (sku, order) = await CollectedAsync(quantity: 2);
        var id = TestData.NewId("ret");
        var request = Request(order, sku, 2);

        var made = await Grains.Return(id).RequestAsync(request);
        var again = await Grains.Return(id).RequestAsync(request);
        var other = await Grains.Return(id).RequestAsync(request with { Quantity = 1 });

        Assert.Equal((ReturnOutcome.Applied, ReturnStatus.Approved), (made.Outcome, made.Return!.Status));
        Assert.Equal(new ReturnCheck { Verdict = ReturnStatus.Approved, Rule = "passed", Reason = "every rule passed" }, made.Return.Check);
        Assert.Equal([(null, ReturnStatus.Requested, Shopper), (ReturnStatus.Requested, ReturnStatus.Approved, "system")], made.Return.History.Select(t => (t.From, t.To, t.Actor)));
        Assert.Equal(ReturnOutcome.Replayed, again.Outcome);
        Assert.Equivalent(made.Return, again.Return, strict: true);
        Assert.Equal(ReturnOutcome.KeyReused, other.Outcome);
        Assert.Equal([(id, sku, 2)], (await order.GetAsync())!.Returns.Select(r => (r.ReturnId, r.Sku, r.Quantity)));
    }

    [Fact]
    public async Task A_refused_request_names_its_rule_and_holds_nothing_and_another_shoppers_order_is_not_found()
    {
        var (sku, order) = await CollectedAsync(quantity: 2);

        var tooMany = await Grains.Return(TestData.NewId("ret")).RequestAsync(Request(order, sku, 3));
        var noPhoto = await Grains.Return(TestData.NewId("ret")).RequestAsync(Request(order, sku, 1) with { Photo = null });
        var foreign = await Grains.Return(TestData.NewId("ret")).RequestAsync(Request(order, sku, 1) with { ShopperId = "someone-else" });
        var otherSku = await Grains.Return(TestData.NewId("ret")).RequestAsync(Request(order, "NO-SUCH-SKU", 1));

        Assert.Equal((ReturnStatus.Rejected, "quantity", "2 bought, 0 already returned: 2 can be returned, not 3"), (tooMany.Return!.Status, tooMany.Return.Check.Rule, tooMany.Return.Check.Reason));
        Assert.Equal((ReturnStatus.Rejected, "evidence", "a photo of the item with its tags is required"), (noPhoto.Return!.Status, noPhoto.Return.Check.Rule, noPhoto.Return.Check.Reason));
        Assert.Equal((ReturnOutcome.NotFound, null), (foreign.Outcome, foreign.Return));
        Assert.Equal((ReturnStatus.Rejected, "quantity"), (otherSku.Return!.Status, otherSku.Return.Check.Rule));
        Assert.Empty((await order.GetAsync())!.Returns);
    }

    [Fact]
    public async Task A_fault_goes_to_review_holding_its_units_and_a_rejection_by_ops_lets_them_go()
    {
        var (sku, order) = await CollectedAsync(quantity: 1);
        var id = TestData.NewId("ret");

        var made = await Grains.Return(id).RequestAsync(Request(order, sku, 1, ReturnReason.Damaged));
        var heldInReview = (await order.GetAsync())!.Returns.Count;
        var onTheBoard = (await Grains.ReturnsBoard().GetAsync()).Attention.SingleOrDefault(r => r.ReturnId == id);
        var rejected = await Grains.Return(id).ReviewAsync(approve: false, "ops:amy", "no damage on the photo");
        var again = await Grains.Return(id).ReviewAsync(approve: false, "ops:amy", "no damage on the photo");
        var approve = await Grains.Return(id).ReviewAsync(approve: true, "ops:amy", null);

        Assert.Equal((ReturnStatus.InReview, "evidence", "a fault is confirmed by ops from the photo"), (made.Return!.Status, made.Return.Check.Rule, made.Return.Check.Reason));
        Assert.Equal(1, heldInReview);
        Assert.Equal((ReturnStatus.InReview, "a fault is confirmed by ops from the photo"), (onTheBoard!.Status, onTheBoard.Note));
        Assert.DoesNotContain((await Grains.ReturnsBoard().GetAsync()).Attention, r => r.ReturnId == id);
        Assert.Equal((ReturnOutcome.Applied, ReturnStatus.Rejected, "ops:amy", "no damage on the photo"), (rejected.Outcome, rejected.Return!.Status, rejected.Return.History[^1].Actor, rejected.Return.History[^1].Note));
        Assert.Equal(ReturnOutcome.Replayed, again.Outcome);
        Assert.Equal(ReturnOutcome.InvalidTransition, approve.Outcome);
        Assert.Empty((await order.GetAsync())!.Returns);
    }

    [Fact]
    public async Task Of_two_hundred_concurrent_requests_for_one_unit_of_a_line_of_three_exactly_three_are_approved()
    {
        var (sku, order) = await CollectedAsync(quantity: 3);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Grains.Return(TestData.NewId("ret")).RequestAsync(Request(order, sku, 1))));

        Assert.Equal(3, results.Count(r => r.Return!.Status == ReturnStatus.Approved));
        Assert.All(results.Where(r => r.Return!.Status != ReturnStatus.Approved), r => Assert.Equal((ReturnStatus.Rejected, "quantity"), (r.Return!.Status, r.Return.Check.Rule)));
        Assert.Equal(3, (await order.GetAsync())!.Returns.Sum(r => r.Quantity));
    }

    [Fact]
    public async Task A_claim_whose_outcome_was_not_written_is_finished_by_the_sweep()
    {
        var (sku, order) = await CollectedAsync(quantity: 1);
        var id = TestData.NewId("ret-" + Guid.NewGuid().ToString("N")[..6]);
        FaultyStorage.FailWritesOf<ReturnState>(id, s => s.Status == ReturnStatus.Approved);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Grains.Return(id).RequestAsync(Request(order, sku, 1)));
        }
        finally
        {
            FaultyStorage.Heal(id);
        }

        var due = FaultyStorage.DueAt(ReturnGrain.StateName, Grains.Return(id).GetGrainId());
        var claimed = (await order.GetAsync())!.Returns.Select(r => r.ReturnId).ToList();
        GrainClusterFixture.Clock.Advance(new ReturnOptions().CatchUpAfter);
        await Grains.OrderSweeper().SweepAsync();

        Assert.NotNull(due);
        Assert.Equal([id], claimed);
        Assert.Equal(ReturnStatus.Approved, (await Grains.Return(id).GetAsync())!.Status);
        Assert.Null(FaultyStorage.DueAt(ReturnGrain.StateName, Grains.Return(id).GetGrainId()));
    }
}
