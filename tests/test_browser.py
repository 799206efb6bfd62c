"""HTML exports and bundles in a real browser: headless Chromium (Debian's package) through Playwright.

Checks what a reader sees: formulas rendered as MathML elements with a size, links that lead
where they say, and nothing fetched from anywhere but the page itself. A screenshot of each page
is kept under the test's tmp_path (and copied to $PAPERKIT_TEST_ARTIFACTS when that is set).
Without Chromium or Playwright the tests skip and say why.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from _review_samples import PAPER_ID, filled_review, setup_paper
from test_seminar import PLAN

FORMULA_SHEET = filled_review("Ann Lee").replace(
    "The paper predicts colour distributions per pixel and rebalances rare colours.",
    "It minimises $D_{KL}(p \\| \\hat p)$ at $x^*$ and $y^*$ with $p_{\\theta}(x)$ and $q_{\\phi}(z)$; "
    "code at https://github.com/richzhang/colorization.\n\n$$\n\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}\n$$",
)


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("no Chromium on PATH (Debian: apt-get install chromium; .ci/run installs it when it can)")
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed (pip install playwright)")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        except Error as exc:
            pytest.skip(f"Chromium at {chromium} did not start: {str(exc).splitlines()[0]}")
        yield browser
        browser.close()


@pytest.fixture
def exported(workspace, run):
    setup_paper(workspace)
    workspace.library_path.write_text(workspace.library_path.read_text() + PLAN, encoding="utf-8")
    folder = workspace.reviews_dir(PAPER_ID)
    folder.mkdir(parents=True)
    (folder / "review-ann-lee.md").write_text(FORMULA_SHEET, encoding="utf-8")
    (folder / "seminar-review-d.md").write_text(filled_review("Yael Sade", form="seminar"), encoding="utf-8")
    assert run("review", "export", PAPER_ID, "--format", "html")[0] == 0
    assert run("seminar", "bundle", "--session", "2026-04-29", "--format", "html")[0] == 0
    return workspace.root / "exports"


def _open(browser, path: Path):
    """A page showing `path`, with every request it makes recorded and anything not the page refused."""
    page = browser.new_page()
    requests: list[str] = []

    def guard(route):
        requests.append(route.request.url)
        if route.request.url == path.as_uri():
            route.continue_()
        else:
            route.abort()

    page.route("**/*", guard)
    page.goto(path.as_uri())
    return page, requests


def _keep(page, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / f"{name}.png"
    page.screenshot(path=str(shot), full_page=True)
    if os.environ.get("PAPERKIT_TEST_ARTIFACTS"):
        target = Path(os.environ["PAPERKIT_TEST_ARTIFACTS"])
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, target / shot.name)
    return shot


def test_sheet_formulas_render_as_mathml_and_links_are_live(browser, exported, tmp_path):
    path = exported / f"{PAPER_ID}-review-ann-lee.html"
    page, requests = _open(browser, path)
    sizes = page.evaluate(
        "[...document.querySelectorAll('math')].map(m => [m instanceof MathMLElement, m.getBoundingClientRect().width, m.getBoundingClientRect().height])"
    )
    assert len(sizes) == 6  # five inline formulas and the matrix
    assert all(is_mathml and width > 0 and height > 0 for is_mathml, width, height in sizes)
    rows = page.evaluate("document.querySelector('math[display=block] mtable').querySelectorAll('mtr').length")
    assert rows == 2
    text = page.inner_text("body")
    assert "$" not in text  # every formula went to the MathML renderer, none was left as text
    assert page.evaluate("document.querySelectorAll('em').length") == 0  # x^* … y^* did not become emphasis
    hrefs = page.eval_on_selector_all("a", "links => links.map(a => a.href)")
    assert hrefs == ["https://github.com/richzhang/colorization"]
    assert requests == [path.as_uri()]  # the page alone: no font, script or stylesheet from elsewhere
    assert _keep(page, tmp_path, "review").stat().st_size > 0
    # Following the link leads where it says (answered here by a stub: tests never reach the network).
    page.route("https://github.com/**", lambda route: route.fulfill(body="stub", content_type="text/plain"))
    page.click("a[href='https://github.com/richzhang/colorization']")
    page.wait_for_url("https://github.com/richzhang/colorization")
    page.close()


def test_session_bundle_contents_links_lead_to_each_sheet(browser, exported, tmp_path):
    path = exported / "session-2026-04-29.html"
    page, requests = _open(browser, path)
    anchors = page.eval_on_selector_all("nav a", "links => links.map(a => a.getAttribute('href'))")
    assert anchors == ["#sheet-1", "#sheet-2"]
    for anchor in anchors:
        page.click(f"nav a[href='{anchor}']")
        assert page.evaluate("location.hash") == anchor
        top = page.evaluate(f"document.querySelector('{anchor}').getBoundingClientRect().top")
        assert abs(top) < 5  # scrolled to the sheet
    assert page.evaluate("document.querySelectorAll('math').length") == 6
    assert requests == [path.as_uri()]
    _keep(page, tmp_path, "session-bundle")
    page.close()
