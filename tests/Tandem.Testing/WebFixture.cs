using Microsoft.Playwright;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// The Api on a real Kestrel port (browsers need one) and a headless Debian Chromium driven by Playwright.
/// Without Chromium the browser tests are skipped with the reason, except in CI, which always installs it.
/// </summary>
public sealed class WebFixture : ApiFixture
{
    /// <summary>People and simulated couriers answer offers at their own pace: the product's default.</summary>
    protected override TimeSpan OfferTimeout => TimeSpan.FromSeconds(30);

    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where screenshots are written: TestResults/screenshots under the repository.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(Repository.Root, "TestResults", "screenshots");

    protected override bool OnRealPort => true;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (File.Exists(ChromiumPath))
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
        }

        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh browser context (its own storage, so its own signed-in user) of the given size.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900)
    {
        if (_browser is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException($"CI must provide Chromium at {ChromiumPath}.");
            }

            Assert.Skip($"Chromium is not installed at {ChromiumPath}: run ./test.sh as root (it installs Debian's chromium) or apt-get install chromium.");
        }

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(10_000);
        return context;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
