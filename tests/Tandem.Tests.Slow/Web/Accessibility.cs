using Microsoft.Playwright;

namespace Tandem.Tests.Web;

/// <summary>
/// An accessibility smoke check: every visible control has an accessible name, and the keyboard alone reaches
/// every visible control with a visible focus indicator.
/// </summary>
public static class Accessibility
{
    private const string Controls = "input:not([type=hidden]), select, textarea, button, a[href]";

    public static async Task AssertSmokeAsync(IPage page)
    {
        var unnamed = await page.EvaluateAsync<string[]>(
            """
            (selector) => [...document.querySelectorAll(selector)]
              .filter(e => e.offsetParent !== null)
              .filter(e => {
                const labelled = e.getAttribute('aria-label') || (e.getAttribute('aria-labelledby') || '').split(' ').map(id => document.getElementById(id)?.textContent ?? '').join('').trim();
                const label = e.id ? document.querySelector(`label[for="${e.id}"]`)?.textContent?.trim() : '';
                const wrapped = e.closest('label')?.textContent?.trim();
                const text = (e.tagName === 'BUTTON' || e.tagName === 'A') ? e.textContent.trim() : '';
                return !(labelled || label || wrapped || text);
              })
              .map(e => e.outerHTML.slice(0, 120))
            """, Controls);
        Assert.True(unnamed.Length == 0, "Controls without an accessible name: " + string.Join(" | ", unnamed));

        var expected = await page.EvaluateAsync<int>(
            "(selector) => [...document.querySelectorAll(selector)].filter(e => e.offsetParent !== null && !e.disabled && e.tabIndex >= 0 && !(e.type === 'radio' && !e.checked)).length",
            Controls); // a radio group is one tab stop: its checked radio
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        var reached = new HashSet<string>();
        for (var i = 0; i < expected + 2; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string?>(
                """
                () => {
                  const e = document.activeElement;
                  if (!e || e === document.body) return null;
                  const style = getComputedStyle(e);
                  const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
                  return (visible ? 'visible:' : 'hidden:') + e.tagName + '#' + (e.id || e.getAttribute('name') || e.textContent.trim().slice(0, 30));
                }
                """);
            if (focused is not null)
            {
                Assert.StartsWith("visible:", focused, StringComparison.Ordinal);
                reached.Add(focused);
            }
        }

        Assert.True(reached.Count >= expected, $"The keyboard reached {reached.Count} of {expected} controls: {string.Join(", ", reached)}");
    }
}
