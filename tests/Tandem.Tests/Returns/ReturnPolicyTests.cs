using Tandem.Brains.Returns;

namespace Tandem.Tests.Returns;

/// <summary>The return pre-check: each rule refuses what it should, names itself and says why; the first failing rule decides.</summary>
public sealed class ReturnPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly ReturnRules Rules = new()
    {
        DefaultWindowDays = 30,
        WindowDays = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["electronics"] = 14 },
        SealedCategories = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "beauty" },
    };

    private static ReturnClaim Claim(string category = "apparel") => new()
    {
        Category = category,
        ReceivedAt = Now.AddDays(-3),
        Bought = 3,
        AlreadyReturned = 1,
        Quantity = 2,
        Reason = ReturnReason.WrongSize,
        Condition = ItemCondition.OpenedUnused,
        TagsAttached = true,
        Evidence = EvidenceVerdict.Accept,
        At = Now,
    };

    public static TheoryData<string, ReturnClaim, PreCheck> Cases => new()
    {
        { "qualifies", Claim(), new(PreCheckVerdict.Approved, "passed", "every rule passed") },
        { "not received", Claim() with { ReceivedAt = null }, new(PreCheckVerdict.Rejected, "received", "only a delivered or collected order can be returned") },
        { "more than left", Claim() with { Quantity = 3 }, new(PreCheckVerdict.Rejected, "quantity", "3 bought, 1 already returned: 2 can be returned, not 3") },
        { "none", Claim() with { Quantity = 0 }, new(PreCheckVerdict.Rejected, "quantity", "3 bought, 1 already returned: 2 can be returned, not 0") },
        { "all returned", Claim() with { AlreadyReturned = 3, Quantity = 1 }, new(PreCheckVerdict.Rejected, "quantity", "3 bought, 3 already returned: 0 can be returned, not 1") },
        { "last day", Claim() with { ReceivedAt = Now.AddDays(-30) }, new(PreCheckVerdict.Approved, "passed", "every rule passed") },
        { "window closed", Claim() with { ReceivedAt = Now.AddDays(-30).AddMinutes(-1) }, new(PreCheckVerdict.Rejected, "window", "apparel returns within 30 days of receipt; received 30 days ago") },
        { "category window", Claim("electronics") with { ReceivedAt = Now.AddDays(-15) }, new(PreCheckVerdict.Rejected, "window", "electronics returns within 14 days of receipt; received 15 days ago") },
        { "fault after window", Claim() with { ReceivedAt = Now.AddDays(-40), Reason = ReturnReason.Defective }, new(PreCheckVerdict.Rejected, "window", "apparel returns within 30 days of receipt; received 40 days ago") },
        { "no condition", Claim() with { Condition = null }, new(PreCheckVerdict.Rejected, "condition", "declare the item's condition") },
        { "sealed opened", Claim("beauty"), new(PreCheckVerdict.Rejected, "sealed", "beauty comes back unopened unless it is faulty") },
        { "sealed unopened", Claim("BEAUTY") with { Condition = ItemCondition.Unopened }, new(PreCheckVerdict.Approved, "passed", "every rule passed") },
        { "used", Claim() with { Condition = ItemCondition.Used }, new(PreCheckVerdict.Rejected, "unused", "an item returned for a reason other than a fault must be unused") },
        { "no tags", Claim() with { TagsAttached = false }, new(PreCheckVerdict.Rejected, "tags", "an item returned for a reason other than a fault must have its tags attached") },
        { "tags undeclared", Claim() with { TagsAttached = null }, new(PreCheckVerdict.Rejected, "tags", "an item returned for a reason other than a fault must have its tags attached") },
        { "fault, used, no tags", Claim("beauty") with { Reason = ReturnReason.Damaged, Condition = ItemCondition.Damaged, TagsAttached = false, Evidence = new(EvidenceOutcome.Doubtful, "a fault is confirmed by ops from the photo") }, new(PreCheckVerdict.InReview, "evidence", "a fault is confirmed by ops from the photo") },
        { "photo refused", Claim() with { Evidence = new(EvidenceOutcome.Refused, "a photo of the item with its tags is required") }, new(PreCheckVerdict.Rejected, "evidence", "a photo of the item with its tags is required") },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_rule_decides_what_it_should(string name, ReturnClaim claim, PreCheck expected)
    {
        Assert.NotEmpty(name);
        Assert.Equal(expected, ReturnPolicy.Check(claim, Rules));
    }

    private static ReturnPhoto Photo(string type, byte[] head, int length = 2048)
    {
        var bytes = new byte[length];
        head.CopyTo(bytes, 0);
        return new ReturnPhoto(type, bytes);
    }

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] WebP = [.. "RIFF"u8.ToArray(), 0, 0, 0, 0, .. "WEBP"u8.ToArray()];

    [Fact]
    public void The_default_evidence_check_wants_a_real_photo_and_sends_faults_to_review()
    {
        Assert.Equal(EvidenceVerdict.Accept, TagPhotoCheck.Check(Photo("image/jpeg", Jpeg), ReturnReason.ChangedMind));
        Assert.Equal(EvidenceVerdict.Accept, TagPhotoCheck.Check(Photo("image/png", Png), ReturnReason.WrongSize));
        Assert.Equal(EvidenceVerdict.Accept, TagPhotoCheck.Check(Photo("IMAGE/WEBP; q=1", WebP), ReturnReason.NoLongerNeeded));
        Assert.Equal(new EvidenceVerdict(EvidenceOutcome.Doubtful, "a fault is confirmed by ops from the photo"), TagPhotoCheck.Check(Photo("image/jpeg", Jpeg), ReturnReason.Defective));
        Assert.Equal(new EvidenceVerdict(EvidenceOutcome.Refused, "a photo of the item with its tags is required"), TagPhotoCheck.Check(null, ReturnReason.ChangedMind));
        Assert.Equal(new EvidenceVerdict(EvidenceOutcome.Refused, "a photo of the item with its tags is required"), TagPhotoCheck.Check(new ReturnPhoto("image/png", Array.Empty<byte>()), ReturnReason.Damaged));
        Assert.Equal(new EvidenceVerdict(EvidenceOutcome.Refused, "the photo must be between 1 KiB and 5 MiB"), TagPhotoCheck.Check(Photo("image/png", Png, 1023), ReturnReason.ChangedMind));
        Assert.Equal(new EvidenceVerdict(EvidenceOutcome.Refused, "the photo must be between 1 KiB and 5 MiB"), TagPhotoCheck.Check(Photo("image/png", Png, (5 * 1024 * 1024) + 1), ReturnReason.ChangedMind));
        Assert.Equal(new EvidenceVerdict(EvidenceOutcome.Refused, "the photo must be a JPEG, PNG or WebP image"), TagPhotoCheck.Check(Photo("image/gif", "GIF89a"u8.ToArray()), ReturnReason.ChangedMind));
        Assert.Equal(new EvidenceVerdict(EvidenceOutcome.Refused, "the photo is image/png, not image/jpeg"), TagPhotoCheck.Check(Photo("image/jpeg", Png), ReturnReason.ChangedMind));
    }

    [Fact]
    public void The_reasons_and_conditions_clients_send_are_the_policys_own_by_name_and_number()
    {
        Assert.Equal(Enum.GetValues<ReturnReason>().Select(v => ((int)v, v.ToString())), Enum.GetValues<Contracts.Returns.ReturnReason>().Select(v => ((int)v, v.ToString())));
        Assert.Equal(Enum.GetValues<ItemCondition>().Select(v => ((int)v, v.ToString())), Enum.GetValues<Contracts.Returns.ItemCondition>().Select(v => ((int)v, v.ToString())));
    }
}
