"""Page metadata: our JSON-LD reading gives trafilatura's (extract_meta_json) exactly."""


import pytest
from conftest import sample_and_bench_pages

from cleaner.html import parse
from cleaner.html.meta import _meta_json

JSON_LD = {
    "spaces and escapes": '<script type="application/ld+json">{ "@context": "https://schema.org", "@type" : "NewsArticle",\n "headline": '
        '"A \\"quoted\\" title\\u00e9 \\ud83d\\ude00", "author": {"@type": "Person", "name": "Ann  Lee"},\n'
        ' "publisher": {"@type": "Organization", "name": "The Daily"} }</script>',
    "malformed": '<script type="application/ld+json">{"@type": "Article", "author": {"name": "Bo Chan"'
        ' "headline": "Broken</script>',
    "settings json, and one of each": '<script type="application/settings+json">{"title": "x"}</script>'
        '<script type="application/ld+json">[{"@context": "https://schema.org", "@type": "WebSite", "name": "Site"}]</script>'
        '<script type="text/javascript">var a = {"headline": "not JSON-LD"};</script>',
}


def _both(html: str):
    from trafilatura.metadata import examine_meta, extract_meta_json

    def fields(doc):
        return {k: v for k, v in doc.as_dict().items() if k not in ("body", "commentsbody")}

    root = parse(html)
    return fields(_meta_json(root, examine_meta(root))), fields(extract_meta_json(root, examine_meta(root)))


@pytest.mark.parametrize("scripts", JSON_LD.values(), ids=JSON_LD.keys())
def test_json_ld_read_as_trafilatura_reads_it(scripts):
    ours, theirs = _both(f"<html><head>{scripts}</head><body><p>Text.</p></body></html>")
    assert ours == theirs


def test_json_ld_on_the_samples_and_the_benchmark_pages():
    htmls = sample_and_bench_pages()
    assert all(ours == theirs for ours, theirs in map(_both, htmls))
