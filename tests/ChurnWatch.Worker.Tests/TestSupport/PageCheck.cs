namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>What a page looked like in Chromium after it loaded, as the page's own DOM reported it.</summary>
/// <param name="Title">The document title.</param>
/// <param name="Svgs">svg elements.</param>
/// <param name="SvgsDrawn">svg elements laid out with a non-zero box whose content has a non-zero bounding box: drawn, not just present.</param>
/// <param name="SvgsTitled">svg elements whose first child is a title element.</param>
/// <param name="Tables">table elements.</param>
/// <param name="TablesDrawn">table elements laid out with a non-zero height.</param>
/// <param name="BodyRows">Rows in the tables' tbody elements.</param>
/// <param name="Images">img elements.</param>
/// <param name="ImagesDrawn">img elements whose image decoded (an SVG file that is not valid XML does not) and is laid out.</param>
/// <param name="Scripts">script elements in the DOM (none is expected: reports run no script).</param>
/// <param name="ResourcesLoaded">Resources the page fetched (none is expected: reports are self-contained).</param>
/// <param name="PrintOverflow">Pixels by which the page is wider than an A4 landscape sheet when laid out for print; 0 when it fits.</param>
/// <param name="Text">The page's visible text.</param>
/// <param name="ConsoleErrors">Console errors, uncaught exceptions and browser log errors while loading.</param>
public sealed record PageCheck(
    string Title,
    int Svgs,
    int SvgsDrawn,
    int SvgsTitled,
    int Tables,
    int TablesDrawn,
    int BodyRows,
    int Images,
    int ImagesDrawn,
    int Scripts,
    int ResourcesLoaded,
    int PrintOverflow,
    string Text,
    IReadOnlyList<string> ConsoleErrors);
