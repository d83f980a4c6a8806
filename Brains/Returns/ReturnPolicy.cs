using System.Globalization;

namespace Tandem.Brains.Returns;

/// <summary>What the pre-check decided about a return request.</summary>
public enum PreCheckVerdict
{
    Approved = 0,
    Rejected = 1,

    /// <summary>Ops decide (the reason says what they are to look at).</summary>
    InReview = 2,
}

/// <summary>The pre-check's answer: the verdict, the rule that decided it (stable names clients and reports group by), and why.</summary>
public sealed record PreCheck(PreCheckVerdict Verdict, string Rule, string Reason)
{
    public static PreCheck Approve() => new(PreCheckVerdict.Approved, ReturnPolicy.Rules.Passed, "every rule passed");
}

/// <summary>
/// The eligibility pre-check of a return request, before anyone collects anything. Rules are tried in a fixed order and the
/// first that does not pass decides: the goods were received (<c>received</c>); the units are ones bought and not already
/// returned (<c>quantity</c>); the category's return window is open (<c>window</c>); a condition is declared
/// (<c>condition</c>); a sealed category comes back unopened (<c>sealed</c>) and any other item unused (<c>unused</c>) with
/// its tags attached (<c>tags</c>), unless the item is faulty; and the photo shows it (<c>evidence</c>: refused, or sent to
/// ops review with the check's reason).
/// </summary>
public static class ReturnPolicy
{
    public static class Rules
    {
        public const string Received = "received";
        public const string Quantity = "quantity";
        public const string Window = "window";
        public const string Condition = "condition";
        public const string Sealed = "sealed";
        public const string Unused = "unused";
        public const string Tags = "tags";
        public const string Evidence = "evidence";
        public const string Passed = "passed";
    }

    public static PreCheck Check(ReturnClaim claim, ReturnRules rules)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(rules);
        if (claim.ReceivedAt is not { } received)
        {
            return Reject(Rules.Received, "only a delivered or collected order can be returned");
        }

        var left = claim.Bought - claim.AlreadyReturned;
        if (claim.Quantity < 1 || claim.Quantity > left)
        {
            return Reject(Rules.Quantity, Text($"{claim.Bought} bought, {claim.AlreadyReturned} already returned: {Math.Max(left, 0)} can be returned, not {claim.Quantity}"));
        }

        var window = rules.WindowOf(claim.Category);
        var days = (claim.At - received).TotalDays;
        if (days > window)
        {
            return Reject(Rules.Window, Text($"{claim.Category} returns within {window} days of receipt; received {Math.Floor(days):0} days ago"));
        }

        if (claim.Condition is not { } condition)
        {
            return Reject(Rules.Condition, "declare the item's condition");
        }

        if (!claim.IsQuality)
        {
            if (rules.SealedCategories.Contains(claim.Category) && condition != ItemCondition.Unopened)
            {
                return Reject(Rules.Sealed, Text($"{claim.Category} comes back unopened unless it is faulty"));
            }

            if (condition is ItemCondition.Used or ItemCondition.Damaged)
            {
                return Reject(Rules.Unused, "an item returned for a reason other than a fault must be unused");
            }

            if (claim.TagsAttached != true)
            {
                return Reject(Rules.Tags, "an item returned for a reason other than a fault must have its tags attached");
            }
        }

        return claim.Evidence.Outcome switch
        {
            EvidenceOutcome.Refused => Reject(Rules.Evidence, claim.Evidence.Reason),
            EvidenceOutcome.Doubtful => new PreCheck(PreCheckVerdict.InReview, Rules.Evidence, claim.Evidence.Reason),
            _ => PreCheck.Approve(),
        };
    }

    private static PreCheck Reject(string rule, string reason) => new(PreCheckVerdict.Rejected, rule, reason);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
