"""The HTML edition's own search against Pagefind, on the seed edition: size, speed, quality.

    python benchmarks/search.py [--runs N]

Builds the seed's HTML edition in a temporary folder, indexes the same pages with Pagefind
(PyPI ``pagefind[bin]``), serves the folder on 127.0.0.1 (Pagefind fetches its index, so it
needs HTTP; ours also works from file://) and runs the same queries in headless Chromium.

Quality is scored per page of the text (title page and section pages; register and About
pages are left out of both result lists; Pagefind skips the tooltips, header and footer, as
it would be set up to) against gold sets taken from the TEI master:
the pages whose paragraphs name the register entry (``@ref``) for name queries, the pages
whose text holds the exact phrase for phrase queries. Speed is the median, over --runs, of
the time from asking to having every result's link, in a page already loaded (ours:
``EditionSearch(query)``; Pagefind: ``search()`` and each result's ``data()``); "cold" is
the first query in a fresh tab, page load included (ours: the search page opened with the
query; Pagefind: the title page opened, ``init()``, the query and its fragments).
"""

from __future__ import annotations

import sys
from pathlib import Path

# This folder holds html.py: keep it off the path, or it shadows the standard library's html.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import functools
import http.server
import importlib.util
import re
import statistics
import subprocess
import tempfile
import threading
import time
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from edition.xmlio import NS, parse_xml  # noqa: E402

_spec = importlib.util.spec_from_file_location("html_benchmark", Path(__file__).with_name("html.py"))
html_benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(html_benchmark)

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
TEXT_PAGE = re.compile(r"^(index|s\d+)\.html$")

# (query, how its gold set is found: ("ref", entity id) or ("phrase", words))
QUERIES = [
    ("St Petersburg", ("ref", "saint_petersburg")),
    ("Khrushchev", ("ref", "khrushchev_nikita")),
    ("Lenin", ("ref", "lenin_vladimir")),
    ("Kronstadt", ("ref", "kronstadt")),
    ("Trotsky", ("ref", "trotsky_leon")),
    ('"workers\u2019 democracy"', ("phrase", "workers\u2019 democracy")),
    ('"planned economy"', ("phrase", "planned economy")),
]


def gold_pages(tei: Path, site: Path, rule: tuple[str, str]) -> set[str]:
    kind, value = rule
    if kind == "ref":
        root = parse_xml(tei)
        paragraphs = root.xpath(f"//tei:text//tei:p[.//*[@ref='#{value}']]", namespaces=NS)
        return {page_of(p.get("{http://www.w3.org/XML/1998/namespace}id")) for p in paragraphs}
    pattern = re.compile(r"(?<!\w)" + re.escape(value) + r"(?!\w)", re.IGNORECASE)
    return {f.name for f in site.glob("*.html") if TEXT_PAGE.match(f.name) and pattern.search(_visible(f))}


def page_of(paragraph_id: str) -> str:
    prefix = paragraph_id.split(".")[0]
    return f"{prefix}.html" if re.fullmatch(r"s\d+", prefix) else "index.html"


def _visible(page: Path) -> str:
    from lxml import html

    root = html.parse(str(page)).getroot()
    for hidden in root.xpath("//*[contains(@class, 'tip')] | //head | //script"):
        hidden.drop_tree()
    return " ".join(root.text_content().split()).replace("'", "\u2019")


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


OURS_QUERY = """(q) => {
  const start = performance.now();
  const hits = window.EditionSearch(q).hits;
  return [performance.now() - start, hits.map(h => h.entry.href)];
}"""


def ours(page, query: str) -> tuple[float, set[str]]:
    elapsed, hrefs = page.evaluate(OURS_QUERY, query)
    return elapsed / 1000, {h.split("#")[0] for h in hrefs}


def ours_cold(browser, base: str, query: str) -> float:
    page = browser.new_page()
    start = time.perf_counter()
    page.goto(base + "search.html?q=" + quote(query))
    page.wait_for_selector("#search-status:not(:empty)")
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed


PAGEFIND_INIT = "async () => { window.pf = await import('/pagefind/pagefind.js'); await window.pf.init(); }"

PAGEFIND_QUERY = """async (q) => {
  const start = performance.now();
  const search = await window.pf.search(q);
  const data = await Promise.all(search.results.map(r => r.data()));
  return [performance.now() - start, data.map(d => d.url)];
}"""


def pagefind_cold(browser, base: str, query: str) -> float:
    page = browser.new_page()
    start = time.perf_counter()
    page.goto(base + "index.html")
    page.evaluate(PAGEFIND_INIT)
    page.evaluate(PAGEFIND_QUERY, query)
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed


def pagefind(page, query: str) -> tuple[float, set[str]]:
    elapsed, urls = page.evaluate(PAGEFIND_QUERY, query)
    return elapsed / 1000, {u.rstrip("/").split("/")[-1].split("#")[0] or "index.html" for u in urls}


def score(found: set[str], gold: set[str]) -> tuple[float, float]:
    found = {f for f in found if TEXT_PAGE.match(f)}
    hits = len(found & gold)
    return (hits / len(found) if found else 1.0), (hits / len(gold) if gold else 1.0)


def folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import playwright.sync_api as playwright_api

    from edition.builders import BuildOptions
    from edition.builders.html import HtmlBuilder

    with tempfile.TemporaryDirectory() as tmp:
        project = html_benchmark.copy_project(Path(tmp))
        edition = project.edition(html_benchmark.SLUG)
        site = HtmlBuilder().build(edition, BuildOptions())
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site),
                        "--exclude-selectors", ".tip, .permalink, header.site, footer.site, nav"], check=True, capture_output=True)
        pagefind_index_time = time.perf_counter() - start
        ours_bytes = sum((site / f).stat().st_size for f in ("search-index.js", "search.js"))
        pagefind_bytes = folder_bytes(site / "pagefind")
        server, base = serve(site)
        fetched = {"pagefind": 0}
        rows = []
        with playwright_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True)
            own_page = browser.new_page()
            own_page.goto(base + "search.html")
            pf_page = browser.new_page()
            pf_page.on("response", lambda r: fetched.__setitem__("pagefind", fetched["pagefind"] + len(r.body()))
                       if "/pagefind/" in r.url else None)
            pf_page.goto(base + "index.html")
            pf_page.evaluate(PAGEFIND_INIT)
            for query, rule in QUERIES:
                gold = gold_pages(edition.tei_path, site, rule)
                own = [ours(own_page, query) for _ in range(args.runs)]
                other = [pagefind(pf_page, query) for _ in range(args.runs)]
                rows.append((query, len(gold), score(own[0][1], gold), statistics.median(t for t, _ in own),
                             score(other[0][1], gold), statistics.median(t for t, _ in other)))
            cold = (statistics.median(ours_cold(browser, base, q) for q, _ in QUERIES),
                    statistics.median(pagefind_cold(browser, base, q) for q, _ in QUERIES))
            browser.close()
        server.shutdown()
    print_table(rows, ours_bytes, pagefind_bytes, fetched["pagefind"], pagefind_index_time)
    print(f"cold first query, median: ours {cold[0] * 1000:.0f} ms, pagefind {cold[1] * 1000:.0f} ms")


def print_table(rows, ours_bytes: int, pagefind_bytes: int, pagefind_fetched: int, pagefind_index_time: float) -> None:
    print(f"{'query':<26} {'gold':>4} | {'ours P':>6} {'R':>5} {'ms':>6} | {'pagefind P':>10} {'R':>5} {'ms':>6}")
    for query, gold, (op, orec), ot, (pp, prec), pt in rows:
        print(f"{query:<26} {gold:>4} | {op:>6.2f} {orec:>5.2f} {ot * 1000:>6.0f} | {pp:>10.2f} {prec:>5.2f} {pt * 1000:>6.0f}")
    mean = lambda values: sum(values) / len(values)  # noqa: E731
    print(f"{'mean':<26} {'':>4} | {mean([r[2][0] for r in rows]):>6.2f} {mean([r[2][1] for r in rows]):>5.2f} "
          f"{mean([r[3] for r in rows]) * 1000:>6.0f} | {mean([r[4][0] for r in rows]):>10.2f} "
          f"{mean([r[4][1] for r in rows]):>5.2f} {mean([r[5] for r in rows]) * 1000:>6.0f}")
    print()
    print(f"index size: ours {ours_bytes / 1024:.0f} KiB (search-index.js + search.js, loaded whole); "
          f"pagefind {pagefind_bytes / 1024:.0f} KiB on disk, {pagefind_fetched / 1024:.0f} KiB fetched for these queries; "
          f"pagefind indexing {pagefind_index_time:.1f} s")


if __name__ == "__main__":
    main()
