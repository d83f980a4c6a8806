using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

using Tandem.Api.Hosting;
using Tandem.Api.Identity;

namespace Tandem.Tests.Api;

/// <summary>Development tokens (anyone signs in as anyone) are served on loopback only, unless allowed knowingly.</summary>
public sealed class PublicAddressGuardTests
{
    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://+:80")]
    [InlineData("http://*:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://192.168.1.20:5080")]
    [InlineData("http://localhost:5080;http://shop.example.com:80")]
    public void An_embedded_node_with_development_tokens_refuses_a_public_address(string urls)
    {
        var builder = WebApplication.CreateBuilder(["--urls", urls]);

        var refused = Assert.Throws<InvalidOperationException>(() => builder.AddTandem());

        Assert.StartsWith("Development tokens let anyone sign in as anyone; refusing to serve them on http://", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith($"or set {PublicAddressGuard.AllowKey}=true to do it knowingly.", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:5080", false)]
    [InlineData("http://127.0.0.1:5080;http://[::1]:5080", false)]
    [InlineData("http://0.0.0.0:8080", true)]
    public void Loopback_or_an_explicit_allowance_starts(string urls, bool allowed)
    {
        var builder = WebApplication.CreateBuilder(["--urls", urls, $"--{PublicAddressGuard.AllowKey}={allowed}", "--Tandem:Auth:DevKeyPath", Path.Combine(Path.GetTempPath(), "tandem-tests", Guid.NewGuid().ToString("N") + ".pem")]);

        builder.AddTandem();

        Assert.Equal(allowed ? 1 : 0, PublicAddressGuard.PublicAddresses(builder.Configuration).Count);
    }

    [Fact]
    public void A_node_that_trusts_an_issuer_may_listen_anywhere()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:8080" }).Build();

        PublicAddressGuard.Check(configuration, devTokens: false);

        Assert.Equal(["http://0.0.0.0:8080"], PublicAddressGuard.PublicAddresses(configuration));
    }
}
