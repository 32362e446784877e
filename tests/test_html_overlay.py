"""Where extracted blocks stand in the page: a block goes with an element rule only when
all of its text lies inside one element the rule names."""

from lxml import html

from cleaner.html import overlay

PAGE = """<html><body>
<nav id="menu"><a>Home</a> <a>World</a> <a>Sport</a></nav>
<article>
<h1>Floods close the <b>river</b> road</h1>
<p>The road along the river was closed on Monday after the water rose.</p>
<script>var share = "Share Print";</script>
<div id="share"><span>Share</span> <span>Print</span></div>
<p>Share prices of local firms fell, the report said.</p>
</article>
<aside id="related"><p>More stories</p><p>Storm warning for the coast</p></aside>
</body></html>"""


def _placed(blocks, *ids):
    root = html.fromstring(PAGE)
    dropped = {root.get_element_by_id(i): n for n, i in enumerate(ids)}
    return overlay.placed(overlay.page_text(root, dropped), blocks)


def test_a_block_inside_a_named_element_is_placed_there():
    assert _placed(["Home World Sport", "Share Print"], "menu", "share") == [0, 1]


def test_a_block_outside_every_named_element_is_not():
    blocks = ["The road along the river was closed on Monday after the water rose."]
    assert _placed(blocks, "menu", "share") == [-1]


def test_spacing_case_and_inline_markup_do_not_matter():
    assert _placed(["FLOODS  close the river road", "home · world · sport"], "menu") == [-1, 0]


def test_a_block_that_runs_past_the_element_is_not_taken():
    # the bar's words are in the element, the paragraph's after it are not
    assert _placed(["Share Print Share prices of local firms fell"], "share") == [-1]


def test_script_text_is_not_page_text():
    # the script before the bar has its words too: were it page text, the block would be
    # found there, outside the bar
    assert _placed(["Share Print", "Share prices of local firms fell, the report said."],
                   "share") == [0, -1]


def test_blocks_are_found_in_document_order_and_out_of_it():
    blocks = ["Storm warning for the coast", "Home World Sport", "More stories"]
    assert _placed(blocks, "menu", "related") == [1, 0, 1]


def test_text_the_page_does_not_have_is_not_placed():
    assert _placed(["Subscribe to our newsletter", "", "!!!"], "menu", "related") == [-1, -1, -1]


def test_a_drop_inside_another_keeps_the_outer_label():
    root = html.fromstring(PAGE)
    outer, inner = root.find(".//article"), root.get_element_by_id("share")
    page = overlay.page_text(root, {outer: 0, inner: 1})
    assert overlay.placed(page, ["Share Print"]) == [0]


def test_a_repeated_block_is_the_copy_next_to_the_block_after_it():
    page = ("<html><head><title>Scheduling backups</title></head><body>"
            '<nav id="side"><a>Install</a> <a>Scheduling backups</a></nav>'
            '<h1 id="head">Scheduling backups</h1><p>A schedule is a line in the file.</p>'
            "</body></html>")
    root = html.fromstring(page)
    dropped = {root.get_element_by_id("side"): 0, root.get_element_by_id("head"): 1}
    placed = overlay.placed(overlay.page_text(root, dropped),
                            ["Scheduling backups", "A schedule is a line in the file."])
    assert placed == [1, -1]
