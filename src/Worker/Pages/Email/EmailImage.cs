namespace ChurnWatch.Worker.Pages.Email;

/// <summary>A chart of the email, a PNG part of the message shown in the body with <c>&lt;img src="cid:…"&gt;</c>.</summary>
/// <param name="ContentId">The part's Content-ID, unique within the message.</param>
/// <param name="Alt">The chart's text alternative, shown where images are blocked.</param>
/// <param name="Width">Display width in CSS pixels (the PNG has twice as many, for sharp high-density screens).</param>
/// <param name="Height">Display height in CSS pixels.</param>
public sealed record EmailImage(string ContentId, string Alt, int Width, int Height);
