"""A hostile editor's session in the review app: odd characters on screen, odd edits, odd files.

Each test here failed before the fix it names (see the commit that added it).
"""

from __future__ import annotations

import pytest

from tui import cells
from tui.app import ReviewApp
from tui_helpers import settle

# Hindi with emoji the way social posts quote them: a skin-tone modifier and a heart with VS16.
EMOJI = ("कंपनी के सीईओ ने 👍🏽 के साथ लिखा कि नया प्रोडक्ट लॉन्च होगा ❤️ और ग्राहकों की प्रतिक्रिया "
         "अच्छी रही, विश्लेषकों ने 👍🏽👍🏽 कहा कि बाज़ार में प्रतिस्पर्धा बढ़ेगी ❤️❤️ और दाम घटेंगे।\n")


def screen_rows(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_emoji_modifiers_and_vs16_take_the_cells_a_glibc_terminal_gives_them(size, tmp_path, engine):
    # tmux and xterm draw 👍🏽 in 4 cells (the modifier is a wide character of its own) and ❤️ in 1
    # (VS16 widens nothing); Rich counted 2 and 2, so a row holding 👍🏽 overflowed the pane and
    # the Hindi word at its end was overprinted by the border.
    path = tmp_path / "emoji.txt"
    path.write_text(EMOJI * 4, encoding="utf-8")
    app = ReviewApp([path], engine)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for row in screen_rows(app):
            assert cells.terminal_width(row) == size[0], row
        width = app.article.scrollable_content_region.width
        for n, line in enumerate(app.session.text.split("\n")):
            strips = app.article._wrap(n)
            assert all(cells.terminal_width(s.text) <= width for s in strips)
            assert " ".join(s.text for s in strips).split() == line.split()


def test_glibc_and_merged_emoji_widths():
    try:
        cells.install("merged")  # kitty, wezterm, Ghostty: one cluster, 2 cells
        assert cells.width("👍🏽") == 2 and cells.width("❤️") == 2
    finally:
        cells.install("glibc")
    assert cells.width("👍🏽") == 4 and cells.width("❤️") == 1
    assert cells.width("ab👍🏽c❤️") == cells.terminal_width("ab👍🏽c❤️") == 8
