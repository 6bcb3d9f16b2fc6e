"""The report as a reviewer sees it: review.html opened from disk in headless Chromium with no network.
Checks the rendered page, not the source: every characteristic and rating visible, quotes shown, nothing
fetched from outside, and document text never executing as script."""

import json
import shutil
import subprocess

import pytest

from pipeline.framework import load_framework
from pipeline.run import review_pack

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (make setup installs it as root)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=3000"]


def chromium(args, tmp_path, timeout=90):
    profile = tmp_path / "profile"
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def hostile_review(tmp_path_factory, settings):
    from tools.docbuild import write_pdf

    root = tmp_path_factory.mktemp("browser")
    pdf = write_pdf(root / "laa.pdf", [
        ("title", "Hostile <script>document.title='PWNED'</script> Local Area Agreement 2008-2011"),
        ("p", "<script>document.body.setAttribute('data-pwned','yes')</script>"),
        ("p", "We will improve services for everyone."),
        ("p", "<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\"> <a href=\"https://example.org/x\">link</a>"),
        ("table", [["NI ref", "Indicator", "Target 2010/11", "Lead partner"], ["NI 20", "Assault with injury", "TBC", ""]]),
    ])
    result = review_pack([pdf], settings, out_dir=root / "out")
    return result.out_dir / "review.html", result.data


def test_rendered_page_shows_every_rating_and_quote(hostile_review, tmp_path):
    html_path, data = hostile_review
    run = chromium(["--dump-dom", html_path.as_uri()], tmp_path)
    assert run.returncode == 0, run.stderr[-500:]
    dom = run.stdout
    for c in load_framework().characteristics:
        assert f'id="{c.id}"' in dom
    rated = {c["id"]: c["rating"] for c in data["characteristics"]}
    assert dom.count('class="rating ') >= 32  # overview and heading for each of the 16
    assert rated["smart-targets"] == "red" and 'class="rating red">red</span> Targets are set' in dom
    assert "<mark>We will improve services for everyone.</mark>" in dom
    # the document's markup is shown as text, never run
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom
    assert "<title>LAA review: laa</title>" in dom and "PWNED</title>" not in dom


def test_nothing_is_fetched_from_outside(hostile_review, tmp_path):
    html_path, _ = hostile_review
    log = tmp_path / "netlog.json"
    run = chromium([f"--log-net-log={log}", "--dump-dom", html_path.as_uri()], tmp_path)
    assert run.returncode == 0
    text = log.read_text().rstrip()
    events = json.loads(text if text.endswith("}") else text.rstrip(",") + "]}")["events"]
    urls = {e.get("params", {}).get("url", "") for e in events}
    assert events  # the network log was written, so an outside request would show in it
    # Chromium's own updater may still knock on Google's hosts; the page itself must ask for nothing.
    browser_own = ("googleapis.com", "gvt1.com", "google.com", "gstatic.com")
    page_requests = [u for u in urls if u.startswith(("http://", "https://")) and not any(h in u for h in browser_own)]
    assert page_requests == []


def test_screenshot_renders(hostile_review, tmp_path):
    html_path, _ = hostile_review
    shot = tmp_path / "review.png"
    run = chromium([f"--screenshot={shot}", "--window-size=1200,1600", html_path.as_uri()], tmp_path)
    assert run.returncode == 0 and shot.exists() and shot.stat().st_size > 20_000
